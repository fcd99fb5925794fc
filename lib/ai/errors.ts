import * as Errors from '@anthropic-ai/sdk/core/error';
import type { AiErrorKind } from './vocabulary';

// Everything an AI request can end in, as a state the panel puts in one sentence.

export interface AiError {
  kind: AiErrorKind;
  /** For the agent, in a sentence. */
  message: string;
  /** Set for rate-limited: how long the API asked us to wait. */
  retryAfterS?: number;
}

/** Seconds from a retry-after header (seconds or an HTTP date); 30 when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number {
  if (!value) return 30;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return Math.ceil(s);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 30 : Math.max(0, Math.ceil((at - now) / 1000));
}

export const NO_CONSENT: AiError = {
  kind: 'no-consent',
  message: 'Firefox does not allow Tact to send data to Claude: allow it on the settings page.',
};

/** Maps anything the SDK throws to a state the panel shows. */
export function toAiError(err: unknown, timedOut = false): AiError {
  if (timedOut) return { kind: 'timeout', message: 'Claude took too long to answer.' };
  if (err instanceof Errors.APIUserAbortError) return { kind: 'aborted', message: 'Cancelled: the draft changed.' };
  if (err instanceof Errors.APIConnectionTimeoutError) return { kind: 'timeout', message: 'Claude took too long to answer.' };
  if (err instanceof Errors.APIConnectionError)
    return { kind: 'offline', message: 'Could not reach the Claude API: check the network connection.' };
  if (err instanceof Errors.AuthenticationError)
    return { kind: 'bad-key', message: 'The Claude API key was refused (401): check it in the settings.' };
  if (err instanceof Errors.PermissionDeniedError)
    return { kind: 'bad-key', message: 'This Claude API key may not use this model (403): check the settings.' };
  if (err instanceof Errors.RateLimitError) {
    const retryAfterS = retryAfterSeconds(err.headers?.get('retry-after'));
    return { kind: 'rate-limited', message: `Rate limited by the Claude API: retry in ${retryAfterS} s.`, retryAfterS };
  }
  if (err instanceof Errors.OverloadedError || err instanceof Errors.ServiceUnavailableError)
    return { kind: 'overloaded', message: 'Claude is overloaded right now: try again in a minute.' };
  if (err instanceof Errors.APIError) {
    // An `event: error` in the middle of a stream has no status; its type says what happened.
    const type = (err.error as { error?: { type?: string } } | undefined)?.error?.type;
    if (type === 'overloaded_error') return { kind: 'overloaded', message: 'Claude is overloaded right now: try again in a minute.' };
    if (type === 'rate_limit_error') return { kind: 'rate-limited', message: 'Rate limited by the Claude API: retry in 30 s.', retryAfterS: 30 };
    return { kind: 'failed', message: `The Claude API answered with an error${err.status ? ` (${err.status})` : ''}.` };
  }
  if (err instanceof SyntaxError || /json/i.test((err as Error)?.message ?? ''))
    return { kind: 'invalid-output', message: 'Claude’s answer was not in the expected shape.' };
  return { kind: 'failed', message: `Something went wrong: ${(err as Error)?.message ?? String(err)}` };
}
