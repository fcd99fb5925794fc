import * as z from 'zod/mini';
import { FLAG_REASONS } from './flag-reasons';
import type { Verdict } from './classify/verdict';
import type { CustomerReading } from './ai/reading-schema';
import { AI_ERROR_KINDS } from './ai/vocabulary';
import { CATEGORIES, CHANNELS, CUSTOMER_TYPES, LOCALES, SEVERITIES, TONES } from './phrasebook/vocabulary';

// Every message between content script, background and side panel is declared here, once.
// Schemas use zod/mini so the content script stays small; receivers validate with them.

export const customerMessageSchema = z.object({
  text: z.string(),
  author: z.optional(z.string()),
  time: z.optional(z.string()),
});
export type CustomerMessage = z.infer<typeof customerMessageSchema>;

/** What the content script reads off the page each time the draft settles. */
export const draftSnapshotSchema = z.object({
  site: z.string(),
  conversationId: z.string(),
  url: z.string(),
  channel: z.optional(z.enum(['chat', 'email'])),
  /** At most MAX_ANALYSED_DRAFT characters of the draft. */
  draft: z.string(),
  /** The draft's full length, so the panel can say when only part of it was analysed. */
  draftLength: z.number(),
  customer: z.array(customerMessageSchema),
  /** In a chat, what the agent already sent (the site adapter's agentMessages); else empty. */
  agent: z.optional(z.array(z.string())),
  /** In a chat, who wrote the thread's last message (the site adapter's lastFrom), when the page shows it. */
  lastFrom: z.optional(z.enum(['customer', 'agent'])),
});
export type DraftSnapshot = z.infer<typeof draftSnapshotSchema>;

export const findingSchema = z.object({
  /** Stable within one draft: entry id and start offset. */
  key: z.string(),
  entryId: z.string(),
  start: z.number(),
  end: z.number(),
  /** The draft's text in [start, end), to check before replacing. */
  text: z.string(),
  suggestions: z.array(z.string()),
  why: z.string(),
  category: z.string(),
  severity: z.enum(['hint', 'warning', 'risk']),
  locale: z.string(),
  source: z.enum(['phrasebook', 'ai']),
});
export type Finding = z.infer<typeof findingSchema>;

/** Everything the side panel shows for one tab. */
export const tabStateSchema = z.object({
  tabId: z.number(),
  site: z.string(),
  conversationId: z.string(),
  url: z.string(),
  draft: z.string(),
  draftLength: z.number(),
  customer: z.array(customerMessageSchema),
  /** In a chat, what the agent already sent: the checklist counts it. */
  agent: z.optional(z.array(z.string())),
  /** What the phrasebook flags in each of `agent`'s messages. */
  agentFindings: z.optional(z.array(z.array(findingSchema))),
  /** In a chat, who wrote the thread's last message: a customer still abusive after a warning is to be cut off. */
  lastFrom: z.optional(z.enum(['customer', 'agent'])),
  findings: z.array(findingSchema),
  /** The customer's tone and type, made and validated by the background's classifier. */
  verdict: z.nullable(z.custom<Verdict>((v) => typeof v === 'object')),
  /** The draft's language, when long enough to tell (the panel tells "unsupported" from "nothing risky", and a reply not in the customer's language). */
  draftLanguage: z.optional(z.nullable(z.string())),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const replaceRequestSchema = z.object({
  start: z.number(),
  end: z.number(),
  expected: z.string(),
  replacement: z.string(),
});
export type ReplaceRequest = z.infer<typeof replaceRequestSchema>;

export const replaceResultSchema = z.object({
  ok: z.boolean(),
  message: z.optional(z.string()),
});
export type ReplaceResult = z.infer<typeof replaceResultSchema>;

export const applyRequestSchema = z.object({
  tabId: z.number(),
  ...replaceRequestSchema.shape,
});
export type ApplyRequest = z.infer<typeof applyRequestSchema>;

/** What the agent did with a finding; the background fills in the context and stores it. */
export const feedbackRequestSchema = z.object({
  /** Given by the panel; a content script's own tab is known from the sender. */
  tabId: z.optional(z.number()),
  /** The finding as the requester showed it: the draft may already have moved on (after an apply). */
  finding: findingSchema,
  /** The draft's sentence around the finding, as the requester saw it. */
  sentence: z.string(),
  kind: z.enum(['flag', 'dismiss', 'apply']),
  suggestion: z.optional(z.string()),
  reason: z.optional(z.enum(FLAG_REASONS)),
  note: z.optional(z.string()),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const feedbackResultSchema = z.object({
  ok: z.boolean(),
  id: z.optional(z.number()),
  message: z.optional(z.string()),
});
export type FeedbackResult = z.infer<typeof feedbackResultSchema>;

export const undoFeedbackSchema = z.object({ tabId: z.optional(z.number()), id: z.number() });
export type UndoFeedback = z.infer<typeof undoFeedbackSchema>;

// The AI fallback (lib/ai/, entrypoints/background/ai.ts). The API key goes from the settings page
// to the background and never comes back: the background only says whether one is set.

/** What the panel and the settings page may know about the AI setup. */
export const aiStatusSchema = z.object({
  keySet: z.boolean(),
  /** The key's last four characters, so the agent can tell which key is in use. */
  keyHint: z.nullable(z.string()),
  model: z.string(),
  /** Set only when it is not the Anthropic API (a proxy, or the tests' loopback stub). */
  baseURL: z.nullable(z.string()),
  /** Claude reads the customer without a click when Tact is unsure or does not read the language. */
  autoRead: z.optional(z.boolean()),
  /** False when Firefox's data consent for sending to Claude is missing (utils/data-consent.ts). */
  dataConsent: z.optional(z.boolean()),
});
export type AiStatus = z.infer<typeof aiStatusSchema>;

/** A key is set and the browser lets Tact send data to Claude. */
export const aiReady = (status: AiStatus | null | undefined) => status?.keySet === true && status.dataConsent !== false;

/** settings page -> background. `apiKey: null` removes the key; absent fields stay as they are. */
export const aiConfigUpdateSchema = z.object({
  apiKey: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(300)))),
  model: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  baseURL: z.optional(z.nullable(z.string().check(z.maxLength(300)))),
  autoRead: z.optional(z.boolean()),
});
export type AiConfigUpdate = z.infer<typeof aiConfigUpdateSchema>;

export const aiConfigResultSchema = z.object({ ok: z.boolean(), message: z.optional(z.string()), status: aiStatusSchema });
export type AiConfigResult = z.infer<typeof aiConfigResultSchema>;

/** panel -> background: rewrite the draft's sentence [start, end), whose text the panel saw as `text`. */
export const rewriteRequestSchema = z.object({
  tabId: z.number(),
  start: z.number(),
  end: z.number(),
  text: z.string().check(z.minLength(1), z.maxLength(2000)),
  /** The locale of the cues that picked the sentence, if any. */
  locale: z.optional(z.string()),
});
export type RewriteRequest = z.infer<typeof rewriteRequestSchema>;

export const aiErrorSchema = z.object({
  kind: z.enum(AI_ERROR_KINDS),
  message: z.string(),
  retryAfterS: z.optional(z.number()),
  /** When a rate limit ends (epoch ms), for the panel's countdown. */
  retryAt: z.optional(z.number()),
});

/** The AI rewrite of one sentence in one tab, as the panel shows it (one in flight per tab). */
export const aiTabStateSchema = z.object({
  tabId: z.number(),
  conversationId: z.string(),
  status: z.enum(['asking', 'done', 'failed']),
  sentence: z.object({ start: z.number(), end: z.number(), text: z.string() }),
  locale: z.optional(z.string()),
  model: z.string(),
  /** While asking: what has streamed in so far (not validated yet). */
  rewrites: z.array(z.object({ text: z.string(), why: z.string() })),
  /** Claude thought the sentence fine as it is, or could not improve it. */
  unsure: z.optional(z.boolean()),
  /** Answered from the cache, no request made. */
  cached: z.optional(z.boolean()),
  /** Rewrites left out because the team's phrasebook flags their words (lib/ai/screen.ts). */
  leftOut: z.optional(z.array(z.object({ phrase: z.string(), why: z.string(), entryId: z.string() }))),
  error: z.optional(aiErrorSchema),
  updatedAt: z.number(),
});
export type AiTabState = z.infer<typeof aiTabStateSchema>;

/**
 * panel -> background: ask Claude to read the tab's customer (the classifier was unsure, or does not
 * read the language). `cachedOnly`: answer only from the cache, with no request (a panel reopening).
 */
export const readCustomerRequestSchema = z.object({ tabId: z.number(), cachedOnly: z.optional(z.boolean()) });
export type ReadCustomerRequest = z.infer<typeof readCustomerRequestSchema>;

/** `reading` is null when `cachedOnly` found none. */
export type ReadCustomerResult = { ok: true; reading: CustomerReading | null } | { ok: false; error: z.infer<typeof aiErrorSchema> };

export interface CaretResult {
  offset: number | null;
  message?: string;
}

/** Request/response messages (sent with @webext-core/messaging). */
export interface ProtocolMap {
  /** panel -> background: replace a span in the tab's draft. */
  applySuggestion(data: ApplyRequest): ReplaceResult;
  /** background -> content: replace a span in the draft, through the page's editor. */
  replaceSpan(data: ReplaceRequest): ReplaceResult;
  /** background -> content: the findings to underline changed without a new draft (e.g. a dismissal). */
  showFindings(data: Finding[]): void;
  /** panel or content -> background: store an apply, dismissal or flag of a finding. */
  recordFeedback(data: FeedbackRequest): FeedbackResult;
  /** panel or content -> background: take back a dismissal or an apply's record. */
  undoFeedback(data: UndoFeedback): FeedbackResult;
  /** panel or settings page -> background: is an AI key set, which model. Never the key. */
  getAiStatus(): AiStatus;
  /** settings page -> background (refused from content scripts): set or remove the key, the model, the base URL. */
  setAiConfig(data: AiConfigUpdate): AiConfigResult;
  /** panel -> background: ask Claude to rewrite one sentence; the answer streams over the panel port. */
  requestRewrite(data: RewriteRequest): { ok: boolean; message?: string };
  /** panel -> background: drop the tab's AI rewrite (dismissed, or the agent cancelled it). */
  clearRewrite(data: { tabId: number }): void;
  /** panel -> background: Claude's reading of the tab's customer, with quotes checked against the messages. */
  readCustomer(data: ReadCustomerRequest): ReadCustomerResult;
  /** panel -> background: where the caret is in the tab's draft (to rewrite the sentence it is in). */
  caretOf(data: { tabId: number }): CaretResult;
  /** background -> content: the caret's offset in the draft, null when it is not in the reply box. */
  readCaret(): CaretResult;
  /** content -> background: the agent paused Tact on this site; forget what the panel shows for the tab. */
  forgetTab(): void;
}

/**
 * The content script sends each settled draft over a long-lived port of this name and gets its
 * findings back on it: a port skips the per-message channel setup of runtime.sendMessage.
 */
export const DRAFT_PORT = 'tact-draft';

/**
 * `rules`: the version of the rules the content script matches with locally, if any; `found`: the
 * keys of the findings it found itself for this snapshot (findingKeys), if it did.
 */
export const draftRequestSchema = z.object({
  seq: z.number(),
  /** Without `draft`, the draft is the previous request's on this port with `edit` made; without `customer` or `agent`, its messages. */
  snapshot: z.extend(draftSnapshotSchema, { draft: z.optional(z.string()), customer: z.optional(z.array(customerMessageSchema)) }),
  edit: z.optional(z.object({ at: z.number(), cut: z.number(), text: z.string() })),
  rules: z.optional(z.string()),
  found: z.optional(z.string()),
});
export type DraftRequest = z.infer<typeof draftRequestSchema>;

/** What decides a draft's findings besides its text (lib/draft-analysis.ts). */
export const draftContextSchema = z.object({
  channel: z.nullable(z.enum(CHANNELS)),
  tones: z.array(z.enum(TONES)),
  type: z.nullable(z.enum(CUSTOMER_TYPES)),
  minSeverity: z.enum(SEVERITIES),
  dismissed: z.array(z.string()),
});

/** A phrasebook entry without its inline tests: what the content script compiles to match locally. */
export const ruleEntrySchema = z.object({
  id: z.string(),
  avoid: z.array(z.string()),
  prefer: z.array(z.string()),
  why: z.string(),
  severity: z.enum(SEVERITIES),
  unless: z.optional(z.array(z.string())),
  when: z.optional(
    z.object({ tones: z.optional(z.array(z.enum(TONES))), types: z.optional(z.array(z.enum(CUSTOMER_TYPES))), channel: z.optional(z.enum(CHANNELS)) }),
  ),
  source: z.string(),
  locale: z.enum(LOCALES),
  category: z.enum(CATEGORIES),
});

/**
 * `findings` is null when the background could not analyse the draft; `resend` asks for the whole
 * snapshot again (an edit it could not place). `context` is what it used,
 * for the content script to match the next drafts of the same conversation itself; `rules` come
 * when the content script's version differs from the background's.
 */
export const draftReplySchema = z.object({
  seq: z.number(),
  findings: z.nullable(z.array(findingSchema)),
  /** The findings are those the content script said it found: they are not sent again (`findings` is empty). */
  unchanged: z.optional(z.boolean()),
  resend: z.optional(z.boolean()),
  context: z.optional(draftContextSchema),
  rules: z.optional(z.object({ version: z.string(), entries: z.array(ruleEntrySchema) })),
});
export type DraftReply = z.infer<typeof draftReplySchema>;

/** What a list of findings underlines, as one string: equal strings, equal underlines. */
export const findingKeys = (findings: readonly Pick<Finding, 'key'>[]) => findings.map((f) => f.key).join(',');

/** The side panel subscribes to one tab over a long-lived port of this name. */
export const PANEL_PORT = 'tact-panel';

export const panelToBackgroundSchema = z.object({ type: z.literal('subscribe'), tabId: z.number() });
export type PanelToBackground = z.infer<typeof panelToBackgroundSchema>;

export const backgroundToPanelSchema = z.union([
  z.object({
    type: z.literal('state'),
    tabId: z.number(),
    state: z.nullable(tabStateSchema),
  }),
  /** The tab's AI rewrite (on every streamed update) and whether AI is set up at all. */
  z.object({
    type: z.literal('ai'),
    tabId: z.number(),
    ai: z.nullable(aiTabStateSchema),
    status: aiStatusSchema,
  }),
]);
export type BackgroundToPanel = z.infer<typeof backgroundToPanelSchema>;

// ---------------------------------------------------------------------------------------------
// Phrasebook studio (entrypoints/studio). Kept in its own block; the interface below merges into
// ProtocolMap above (TypeScript declaration merging), so the map itself is not edited here.

/** What the worker compiled after the studio changed the team phrasebook. */
export interface PhrasebookReloaded {
  /** The rules version content scripts will be sent (lib/draft-analysis.ts rulesVersion). */
  version: string;
  /** Entries compiled. */
  entries: number;
  /** Entries left out, with why (should be none: the studio validates every change). */
  problems: string[];
}

export interface ProtocolMap {
  /** studio -> background: the team edits in IndexedDB changed; recompile and re-analyse open drafts. */
  phrasebookChanged(data: { reason: string }): PhrasebookReloaded;
}
