import { useEffect, useState } from 'react';
import type { AiTabState } from '@/lib/protocol';

/** Why a request to Claude ended without an answer, with Retry (held back while rate limited) and Close. */
export function AiErrorNotice({ error, onRetry, onClose }: { error: NonNullable<AiTabState['error']>; onRetry(): void; onClose(): void }) {
  const [now, setNow] = useState(() => Date.now());
  const waiting = error.kind === 'rate-limited' && error.retryAt != null && error.retryAt > now;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  const text =
    error.kind === 'rate-limited'
      ? waiting
        ? `Rate limited: retry in ${Math.ceil((error.retryAt! - now) / 1000)} s.`
        : 'Rate limited: you can retry now.'
      : error.kind === 'offline'
        ? 'Offline: the Claude API cannot be reached.'
        : error.kind === 'no-key'
          ? 'AI off (no API key).'
          : error.kind === 'no-consent'
            ? error.message
            : `AI failed: ${error.message}`;
  return (
    <p className="status ai-error" data-testid="ai-error" data-kind={error.kind} role="status">
      {text}{' '}
      {error.kind !== 'no-key' && error.kind !== 'no-consent' && (
        <button type="button" disabled={waiting} onClick={onRetry}>
          Retry
        </button>
      )}{' '}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </p>
  );
}
