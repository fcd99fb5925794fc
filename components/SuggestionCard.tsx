import { forwardRef, useState } from 'react';
import type { Finding, TabState } from '@/lib/protocol';
import type { FlagReason } from '@/lib/storage/feedback';
import { sentenceAround } from '@/lib/sentence';
import { replaceInDraft } from '@/utils/replace-in-draft';
import { db } from '@/utils/db';
import { FlagForm } from './FlagForm';

interface Props {
  state: TabState;
  finding: Finding;
  /** Sets the keyboard cursor here when the card gets focus. */
  onFocus(): void;
  /** The panel keeps the last apply (the card goes away once the draft no longer matches). */
  onApplied(applied: Applied): void;
}

export type Applied = { finding: Finding; replacement: string; feedbackId: number; tabId: number };

/** One finding: "not that" → "say this", why, and Apply / Copy / Dismiss / Flag. */
export const SuggestionCard = forwardRef<HTMLLIElement, Props>(function SuggestionCard({ state, finding, onFocus, onApplied }, ref) {
  const [status, setStatus] = useState<string | null>(null);
  const [flagging, setFlagging] = useState(false);

  const context = () => ({
    entryId: finding.entryId,
    locale: finding.locale,
    source: finding.source,
    site: state.site,
    conversationId: state.conversationId,
    phrase: finding.text,
    sentence: sentenceAround(state.draft, finding.start, finding.end),
    tone: state.verdict?.tones[0]?.tone,
    customerType: state.verdict?.customerType?.type,
  });

  const apply = async (replacement: string) => {
    setStatus('Applying…');
    const result = await replaceInDraft(state.tabId, finding.start, finding.end, finding.text, replacement);
    if (!result.ok) return setStatus(result.message ?? 'Could not apply.');
    const feedbackId = await db.record({ ...context(), kind: 'apply', suggestion: replacement });
    setStatus('Applied.');
    onApplied({ finding, replacement, feedbackId, tabId: state.tabId });
  };

  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setStatus('Copied.'),
      () => setStatus('Copy failed: the clipboard is not available here.'),
    );

  const dismiss = async () => {
    await db.record({ ...context(), kind: 'dismiss' });
  };

  const flag = async (reason: FlagReason, note: string) => {
    await db.record({ ...context(), kind: 'flag', reason, note: note || undefined, suggestion: finding.suggestions[0] });
    setFlagging(false);
    setStatus('Flagged for your QA lead. Thanks.');
  };

  return (
    <li
      ref={ref}
      tabIndex={-1}
      onFocus={onFocus}
      className={`finding severity-${finding.severity}`}
      data-testid="finding"
      data-entry={finding.entryId}
      aria-label={`Instead of “${finding.text}”`}
    >
      <p className="not-that">
        <span className="label">Not that</span> <s data-testid="not-that">{finding.text}</s>
      </p>
      <ul className="say-this">
        {finding.suggestions.map((s, i) => (
          <li key={s}>
            <span className="label">Say this</span> <span data-testid="say-this">{s}</span>
            <span className="actions">
              <button type="button" data-action={i === 0 ? 'apply-first' : 'apply'} onClick={() => void apply(s)}>
                Apply
              </button>
              <button type="button" onClick={() => void copy(s)}>
                Copy
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p className="why">
        {finding.why} <span className="muted">· {finding.source === 'ai' ? 'AI suggestion' : `phrasebook: ${finding.entryId}`}</span>
      </p>
      <p className="actions card-actions">
        <button type="button" data-action="dismiss" onClick={() => void dismiss()}>
          Dismiss
        </button>
        <button type="button" data-action="flag" onClick={() => setFlagging(true)} aria-expanded={flagging}>
          Flag as unhelpful
        </button>
      </p>
      {flagging && <FlagForm onSubmit={(r, n) => void flag(r, n)} onCancel={() => setFlagging(false)} />}
      {status && (
        <p className="status" role="status">
          {status}
        </p>
      )}
    </li>
  );
});
