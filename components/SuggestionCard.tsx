import { useState } from 'react';
import type { Finding } from '@/lib/protocol';
import { sendMessage } from '@/utils/messaging';

/** One finding: "not that" → "say this", why, and Apply / Copy for each alternative. */
export function SuggestionCard({ tabId, finding }: { tabId: number; finding: Finding }) {
  const [status, setStatus] = useState<string | null>(null);

  const apply = async (replacement: string) => {
    setStatus('Applying…');
    const result = await sendMessage('applySuggestion', {
      tabId,
      start: finding.start,
      end: finding.end,
      expected: finding.text,
      replacement,
    }).catch((err: Error) => ({ ok: false, message: err.message }));
    setStatus(result.ok ? 'Applied.' : (result.message ?? 'Could not apply.'));
  };

  const copy = async (text: string) => {
    await navigator.clipboard.writeText(text).then(
      () => setStatus('Copied.'),
      () => setStatus('Copy failed: the clipboard is not available here.'),
    );
  };

  return (
    <li className={`finding severity-${finding.severity}`} data-testid="finding" data-entry={finding.entryId}>
      <p className="not-that">
        <span className="label">Not that</span> <s data-testid="not-that">{finding.text}</s>
      </p>
      <ul className="say-this">
        {finding.suggestions.map((s) => (
          <li key={s}>
            <span className="label">Say this</span> <span data-testid="say-this">{s}</span>
            <span className="actions">
              <button type="button" onClick={() => void apply(s)}>
                Apply
              </button>
              <button type="button" onClick={() => void copy(s)}>
                Copy
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p className="why">{finding.why}</p>
      {status && (
        <p className="status" role="status">
          {status}
        </p>
      )}
    </li>
  );
}
