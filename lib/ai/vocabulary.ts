// The AI fallback's words, with no imports: lib/protocol.ts (which the content script carries) needs
// them, and must not pull in the SDK or zod's full build.

/** Claude models offered in the settings; the first is the default (fast and cheap for one sentence). */
export const AI_MODELS = ['claude-haiku-5-5', 'claude-sonnet-5-5', 'claude-haiku-4-5'] as const;
export const DEFAULT_MODEL = AI_MODELS[0];

/**
 * What Tact sends to Claude, in Firefox's data-consent words (Firefox 140+): the page's text and the
 * customer's messages. Optional in the manifest (wxt.config.ts), asked for when a key is saved.
 */
export const DATA_SENT_TO_CLAUDE = ['websiteContent', 'personalCommunications'] as const;

/** Every way an AI request can end without rewrites, each with its own words in the panel. */
export const AI_ERROR_KINDS = [
  'no-key',
  'no-consent',
  'bad-key',
  'rate-limited',
  'overloaded',
  'timeout',
  'offline',
  'refusal',
  'invalid-output',
  'aborted',
  'failed',
] as const;
export type AiErrorKind = (typeof AI_ERROR_KINDS)[number];
