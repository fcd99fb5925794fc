import { forwardRef, useState } from 'react';
import type { FeedbackRequest, Finding, TabState } from '@/lib/protocol';
import type { FlagReason } from '@/lib/storage/feedback';
import { replaceInDraft } from '@/utils/replace-in-draft';
import { sentenceAround } from '@/lib/sentence';
import { sendMessage } from '@/utils/messaging';
import { FlagForm } from './FlagForm';

interface Props {
  state: TabState;
  finding: Finding;
  /** Sets the keyboard cursor here when the card gets focus. */
  onFocus(): void;
  /** The panel keeps the last apply (the card goes away once the draft no longer matches). */
  onApplied(applied: Applied): void;
  /** Per suggestion, why it is better (AI rewrites carry one each). */
  reasons?: readonly string[];
  /** After the dismissal is recorded (the AI card clears its rewrite). */
  onDismissed?(): void;
}

export type Applied = { finding: Finding; replacement: string; feedbackId?: number; tabId: number };

/** One finding: "not that" → "say this", why, and Apply / Copy / Dismiss / Flag. */
export const SuggestionCard = forwardRef<HTMLLIElement, Props>(function SuggestionCard({ state, finding, onFocus, onApplied, reasons, onDismissed }, ref) {
  const [status, setStatus] = useState<string | null>(null);
  const [flagging, setFlagging] = useState(false);

  const record = (req: Omit<FeedbackRequest, 'tabId' | 'finding' | 'sentence'>) =>
    sendMessage('recordFeedback', {
      tabId: state.tabId,
      finding,
      sentence: sentenceAround(state.draft, finding.start, finding.end),
      ...req,
    }).catch((err: Error) => ({
      ok: false,
      id: undefined,
      message: err.message,
    }));

  const apply = async (replacement: string) => {
    setStatus('Applying…');
    const result = await replaceInDraft(state.tabId, finding.start, finding.end, finding.text, replacement);
    if (!result.ok) return setStatus(result.message ?? 'Could not apply.');
    const recorded = await record({ kind: 'apply', suggestion: replacement });
    setStatus('Applied.');
    onApplied({ finding, replacement, feedbackId: recorded.id, tabId: state.tabId });
  };

  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setStatus('Copied.'),
      () => setStatus('Copy failed: the clipboard is not available here.'),
    );

  const dismiss = async () => {
    const result = await record({ kind: 'dismiss' });
    if (!result.ok) setStatus(result.message ?? 'Could not dismiss.');
    else onDismissed?.();
  };

  const flag = async (reason: FlagReason, note: string) => {
    const result = await record({ kind: 'flag', reason, note, suggestion: finding.suggestions[0] });
    setFlagging(false);
    setStatus(result.ok ? 'Flagged for your QA lead. Thanks.' : (result.message ?? 'Could not flag.'));
  };

  return (
    <li
      ref={ref}
      tabIndex={-1}
      onFocus={onFocus}
      className={`finding severity-${finding.severity}`}
      data-testid="finding"
      data-entry={finding.entryId}
      data-source={finding.source}
      aria-label={`Instead of “${finding.text}”`}
    >
      <p className="not-that">
        {finding.source === 'ai' && (
          <span className="source-badge" data-testid="source" title="Written by Claude, not from your team's phrasebook">
            AI
          </span>
        )}{' '}
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
            {reasons?.[i] && <span className="why reason">{reasons[i]}</span>}
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
