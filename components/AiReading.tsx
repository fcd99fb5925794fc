import { useEffect, useRef, useState } from 'react';
import { aiReady, type AiStatus, type ReadCustomerResult, type TabState } from '@/lib/protocol';
import type { CustomerReading } from '@/lib/ai/reading-schema';
import { sendMessage } from '@/utils/messaging';
import { AiErrorNotice } from './AiErrorNotice';
import { ABUSE_PROTOCOL, TYPE_LABELS } from './customer-labels';

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
export function AiReading({ state, status }: { state: TabState; status: AiStatus | null }) {
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
      {shown.kind === 'done' && <ReadingView reading={shown.reading} onHide={() => setSlot({ key: customerKey, shown: IDLE })} />}
    </section>
  );
}

/** The classifier could not say (no verdict), is unsure, or does not read the language. */
const neededFor = (verdict: TabState['verdict']) => !verdict || verdict.unsure || verdict.language === 'unsupported';

const quoted = (quotes: readonly string[]) => quotes.map((q) => `“${q}”`).join(', ');

export function ReadingView({ reading, onHide }: { reading: CustomerReading; onHide(): void }) {
  const type = reading.customerType;
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
        </button>
      </p>
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
      {reading.abuse !== 'none' && (
        <p className="notice abuse" role="alert" data-testid="ai-reading-abuse">
          <strong>Abuse ({reading.abuse}):</strong> {quoted(reading.abuseEvidence)}. {ABUSE_PROTOCOL[reading.abuse]}
        </p>
      )}
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
