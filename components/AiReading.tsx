import { useEffect, useRef, useState } from 'react';
import { aiReady, type AiStatus, type ReadCustomerResult, type TabState } from '@/lib/protocol';
import type { CustomerReading } from '@/lib/ai/reading-schema';
import type { AbuseLevel } from '@/lib/classify/verdict';
import { sendMessage } from '@/utils/messaging';
import { AiErrorNotice } from './AiErrorNotice';
import { AbuseNotice } from './AbuseNotice';
import { TYPE_LABELS } from './customer-labels';
import { FlagForm } from './FlagForm';
import type { FlagReason } from '@/lib/flag-reasons';

type Shown =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'done'; reading: CustomerReading }
  | { kind: 'failed'; error: Extract<ReadCustomerResult, { ok: false }>['error'] };

const IDLE: Shown = { kind: 'idle' };
const STOPPED = 'Tact’s background stopped before Claude answered: ask again.';

/**
 * Claude's reading of the customer: offered when the classifier is unsure or does not read the
 * language (a second opinion otherwise), sent only when the agent asks. A reading already paid for
 * is shown again from the cache when the panel reopens. Everything is rendered as React text.
 */
export function AiReading({ state, status, onAbuse }: { state: TabState; status: AiStatus | null; onAbuse?(level: AbuseLevel | null): void }) {
  const customerKey = state.customer.map((m) => m.text).join('\u0000');
  // What is shown belongs to the customer's words it was asked for: once they change, it is idle again.
  const [slot, setSlot] = useState<{ key: string; shown: Shown }>({ key: customerKey, shown: IDLE });
  const shown = slot.key === customerKey ? slot.shown : IDLE;
  const latest = useRef(customerKey);
  useEffect(() => {
    latest.current = customerKey;
  });
  const enabled = aiReady(status) && customerKey.trim() !== '';

  /** Resolves true when a reading is shown. */
  const ask = async (cachedOnly: boolean): Promise<boolean> => {
    const asked = customerKey;
    // An answer for words that have changed since is dropped.
    const setShown = (next: Shown) => {
      if (latest.current === asked) setSlot({ key: asked, shown: next });
    };
    if (!cachedOnly) setShown({ kind: 'asking' });
    let result: ReadCustomerResult | undefined;
    // A worker stopped mid-request closes the message channel: ask once more (the cache answers if the
    // first request got through), then say so.
    for (let attempt = 0; attempt < 2 && !result; attempt++)
      result = await sendMessage('readCustomer', { tabId: state.tabId, cachedOnly }).catch(() => undefined);
    if (!result || !result.ok) {
      if (!cachedOnly) setShown({ kind: 'failed', error: result ? result.error : { kind: 'failed', message: STOPPED } });
      return false;
    }
    if (result.reading) setShown({ kind: 'done', reading: result.reading });
    else if (!cachedOnly) setShown({ kind: 'idle' });
    return result.reading !== null;
  };

  // The abuse Claude found (backed by quotes: lib/ai/reading.ts), for the checklist's boundary step.
  const abuse = shown.kind === 'done' ? shown.reading.abuse : null;
  useEffect(() => onAbuse?.(abuse), [abuse, onAbuse]);

  const auto = status?.autoRead === true;
  useEffect(() => {
    // From the cache first; if nothing is there and the team asked for it, from Claude.
    if (enabled) void ask(true).then((found) => found || !auto || !neededFor(state.verdict) || ask(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked again only when the customer's words change
  }, [state.tabId, customerKey, enabled, auto]);

  if (!enabled) return null;
  const verdict = state.verdict;
  const needed = neededFor(verdict);

  return (
    <section className="ai-reading" aria-label="Claude’s reading of the customer" aria-live="polite" data-testid="ai-reading">
      {shown.kind === 'idle' &&
        (needed ? (
          <p>
            {verdict?.language === 'unsupported' ? 'Tact does not read this language yet. ' : 'Tact is unsure about this customer. '}
            <button type="button" data-action="ai-read" onClick={() => void ask(false)}>
              Ask Claude to read this customer
            </button>
          </p>
        ) : (
          <p className="muted">
            <button type="button" data-action="ai-read" onClick={() => void ask(false)}>
              Second opinion from Claude
            </button>
          </p>
        ))}
      {shown.kind === 'asking' && (
        <p className="ai-streaming" role="status" data-testid="ai-reading-asking">
          Asking Claude to read the customer…
        </p>
      )}
      {shown.kind === 'failed' && (
        <AiErrorNotice error={shown.error} onRetry={() => void ask(false)} onClose={() => setSlot({ key: customerKey, shown: IDLE })} />
      )}
      {shown.kind === 'done' && (
        <ReadingView reading={shown.reading} onHide={() => setSlot({ key: customerKey, shown: IDLE })} onFlag={(reason, note) => flagReading(state, shown.reading, reason, note)} />
      )}
    </section>
  );
}

/** The classifier could not say (no verdict), is unsure, or does not read the language. */
const neededFor = (verdict: TabState['verdict']) => !verdict || verdict.unsure || verdict.language === 'unsupported';

const quoted = (quotes: readonly string[]) => quotes.map((q) => `“${q}”`).join(', ');

/** The reading in a few words, as the flag queue shows what was flagged. */
const summaryOf = (r: CustomerReading) => [r.tones.map((t) => t.tone).join(', '), r.customerType?.type, r.abuse !== 'none' ? `abuse: ${r.abuse}` : ''].filter(Boolean).join(' · ');

/**
 * A misread customer goes to the QA leads' flag queue like an unhelpful suggestion, under the entry
 * `ai-reading:<model>`, with the customer's latest message as the sentence.
 */
async function flagReading(state: TabState, reading: CustomerReading, reason: FlagReason, note: string): Promise<string> {
  const result = await sendMessage('recordFeedback', {
    tabId: state.tabId,
    kind: 'flag',
    reason,
    note,
    sentence: (state.customer.at(-1)?.text ?? '').slice(0, 500),
    finding: {
      key: 'ai-reading',
      entryId: `ai-reading:${reading.model}`,
      start: 0,
      end: 0,
      text: summaryOf(reading),
      suggestions: [],
      why: 'Claude’s reading of the customer',
      category: 'ai',
      severity: 'hint',
      locale: 'und',
      source: 'ai',
    },
  }).catch((err: Error) => ({ ok: false, message: err.message }));
  return result.ok ? 'Flagged for your QA lead.' : `Not flagged: ${result.message ?? 'try again.'}`;
}

export function ReadingView({
  reading,
  onHide,
  onFlag,
}: {
  reading: CustomerReading;
  onHide(): void;
  /** Resolves to what to tell the agent. */
  onFlag?(reason: FlagReason, note: string): Promise<string>;
}) {
  const type = reading.customerType;
  const [flagging, setFlagging] = useState(false);
  const [flagStatus, setFlagStatus] = useState<string | null>(null);
  return (
    <div className="verdict" data-testid="ai-reading-result">
      <p>
        <span className="source-badge">AI</span> <strong>Claude’s reading</strong>{' '}
        <span className="muted">
          · {reading.language}
          {reading.cached ? ' · from cache' : ''}
        </span>{' '}
        <button type="button" onClick={onHide}>
          Hide
        </button>{' '}
        {onFlag && !flagging && !flagStatus && (
          <button type="button" data-action="flag-reading" onClick={() => setFlagging(true)}>
            Not right? Flag it
          </button>
        )}
      </p>
      {flagging && onFlag && (
        <FlagForm
          onCancel={() => setFlagging(false)}
          onSubmit={(reason, note) => {
            setFlagging(false);
            void onFlag(reason, note).then(setFlagStatus);
          }}
        />
      )}
      {flagStatus && (
        <p className="status" role="status" data-testid="reading-flag-status">
          {flagStatus}
        </p>
      )}
      <p className="tones" data-testid="ai-reading-tones">
        {reading.tones.map((t) => (
          <span key={t.tone} className="chip" data-tone={t.tone} title={quoted(t.evidence)}>
            {t.tone} <span className="muted">{t.strength}</span>
          </span>
        ))}
        {reading.unsure && <span className="chip unsure">unsure</span>}
      </p>
      {reading.tones.some((t) => t.evidence.length) && (
        <p className="muted" data-testid="ai-reading-evidence">
          Because: {quoted(reading.tones.flatMap((t) => t.evidence))}
        </p>
      )}
      {type && (
        <p data-testid="ai-reading-type" data-type={type.type}>
          <strong>{TYPE_LABELS[type.type] ?? type.type}</strong> <span className="muted">({quoted(type.evidence)})</span>
          <br />
          <span className="approach">{type.approach}</span>
        </p>
      )}
      <AbuseNotice level={reading.abuse} evidence={quoted(reading.abuseEvidence)} testId="ai-reading-abuse" />
      {reading.wants && (
        <p data-testid="ai-reading-wants">
          <strong>Wants:</strong> {reading.wants}
        </p>
      )}
      {reading.dropped > 0 && (
        <p className="muted ai-note">
          {reading.dropped === 1 ? 'One label was' : `${reading.dropped} labels were`} left out: Claude could not quote the customer for{' '}
          {reading.dropped === 1 ? 'it' : 'them'}.
        </p>
      )}
      <p className="muted ai-note">Sent: the customer&apos;s last messages, with emails, phone and card numbers replaced by placeholders.</p>
    </div>
  );
}
