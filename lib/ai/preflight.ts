import type { AiConfig } from './config';
import type { RateLimitGate } from './backoff';
import { NO_CONSENT, type AiError } from './errors';

// What must hold before any request leaves for Claude, rewrite or reading alike: a key, the browser's
// consent to send data (Firefox), and no rate limit still running.

const NO_KEY: AiError = { kind: 'no-key', message: 'AI is off: no Claude API key is set.' };

/** Why a request may not go now, or undefined when it may. */
export async function whyNot(
  config: AiConfig,
  gate: RateLimitGate,
  consent?: () => Promise<boolean>,
): Promise<(AiError & { retryAt?: number }) | undefined> {
  if (!config.apiKey) return NO_KEY;
  if (consent && !(await consent())) return NO_CONSENT;
  return gate.check();
}
