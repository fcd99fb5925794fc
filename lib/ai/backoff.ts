import type { StateStorage } from '../tab-states';
import type { AiError } from './errors';

// A 429 holds back every request, rewrites and readings alike, until its retry-after has passed:
// the key, and so the limit, is shared by all tabs. Kept in session storage so a restarted worker
// still waits.

const BACKOFF_KEY = 'ai:backoff';

export interface RateLimitGate {
  /** The error to answer with while held back, or undefined when a request may go. */
  check(): Promise<AiError & { retryAt?: number } | undefined>;
  /** After a failure: a rate limit starts holding back; the error gets its retryAt. */
  note(error: AiError & { retryAt?: number }): Promise<void>;
}

export function rateLimitGate(storage: StateStorage, now: () => number = Date.now): RateLimitGate {
  return {
    async check() {
      const until = Number((await storage.get(BACKOFF_KEY)) ?? 0);
      if (until <= now()) return undefined;
      const retryAfterS = Math.ceil((until - now()) / 1000);
      return { kind: 'rate-limited', message: `Rate limited by the Claude API: retry in ${retryAfterS} s.`, retryAfterS, retryAt: until };
    },
    async note(error) {
      if (error.kind !== 'rate-limited') return;
      error.retryAt = now() + (error.retryAfterS ?? 30) * 1000;
      await storage.set(BACKOFF_KEY, error.retryAt);
    },
  };
}
