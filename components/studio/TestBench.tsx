import { useDeferredValue, useId, useMemo, useState } from 'react';
import { classifyCustomer, type Verdict } from '@/lib/classify';
import { verdictContext } from '@/lib/draft-analysis';
import type { CompiledPhrasebook, Match } from '@/lib/phrasebook/engine';
import { CHANNELS, CUSTOMER_TYPES, LOCALES, TONES, type Channel, type CustomerType, type Locale, type Tone } from '@/lib/phrasebook/vocabulary';
import { Choice } from './Choice';

/** The draft cut at each finding: plain text and marked spans, rendered as React text nodes (never HTML). */
function segments(text: string, matches: readonly Match[]) {
  const out: { text: string; match?: Match }[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), match: m });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Paste a draft and see what the team phrasebook, as edited, finds in it, as the agent's panel would. */
export function TestBench({ compiled, openEntry }: { compiled: CompiledPhrasebook; openEntry(id: string): void }) {
  const [draft, setDraft] = useState('');
  const [locale, setLocale] = useState<Locale | ''>('');
  const [tones, setTones] = useState<Tone[]>([]);
  const [type, setType] = useState<CustomerType | ''>('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [customer, setCustomer] = useState('');
  const [reading, setReading] = useState<Verdict | null>(null);
  const uid = useId();

  // A customer's message picks the tones and type as the agent's panel would (then they can be changed by hand).
  const readCustomer = (message: string) => {
    setCustomer(message);
    const verdict = message.trim() ? classifyCustomer({ text: message }) : null;
    setReading(verdict);
    if (!verdict) return;
    const context = verdictContext(verdict);
    setTones(context.tones);
    setType(context.type ?? '');
  };
  const text = useDeferredValue(draft);
  const matches = useMemo(
    () => compiled.match(text, { locales: locale ? [locale] : undefined, tones, type: type || null, channel: channel || null }),
    [compiled, text, locale, tones, type, channel],
  );

  return (
    <section aria-labelledby={`${uid}-t`} className="bench" data-testid="test-bench">
      <h2 id={`${uid}-t`}>Test bench</h2>
      <p className="muted">
        What the phrasebook as edited here finds in a draft. Entries limited to tones, customer types or a channel fire only when
        those are picked below.
      </p>
      <label htmlFor={`${uid}-c`}>Customer&apos;s message (optional: sets the tones and type below as the agent&apos;s panel reads them)</label>
      <textarea id={`${uid}-c`} rows={3} value={customer} onChange={(e) => readCustomer(e.target.value)} data-testid="bench-customer" />
      {reading && (
        <p className="muted" data-testid="bench-reading">
          {reading.language === 'unsupported'
            ? 'Tact does not read this language; pick the tones by hand.'
            : `Tact reads: ${reading.tones.map((t) => `${t.tone} ${Math.round(t.score * 100)}%`).join(', ')}` +
              (reading.customerType ? ` · ${reading.customerType.type}` : '') +
              (reading.abuse.level !== 'none' ? ` · abuse: ${reading.abuse.level}` : '')}
        </p>
      )}
      <label htmlFor={`${uid}-d`}>Draft</label>
      <textarea id={`${uid}-d`} rows={6} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="bench-draft" />
      <div className="row">
        <label>
          Locale{' '}
          <Choice<Locale> value={locale} options={LOCALES} empty="all" onChange={setLocale} />
        </label>
        <label>
          Customer type{' '}
          <Choice<CustomerType> value={type} options={CUSTOMER_TYPES} empty="none" onChange={setType} />
        </label>
        <label>
          Channel{' '}
          <Choice<Channel> value={channel} options={CHANNELS} empty="unknown" onChange={setChannel} />
        </label>
      </div>
      <fieldset className="checks">
        <legend>Customer sounds</legend>
        {TONES.map((t) => (
          <label key={t}>
            <input type="checkbox" checked={tones.includes(t)} onChange={(e) => setTones(e.target.checked ? [...tones, t] : tones.filter((x) => x !== t))} /> {t}
          </label>
        ))}
      </fieldset>
      <h3>Result</h3>
      <p className="bench-preview" data-testid="bench-preview">
        {segments(text, matches).map((s, i) =>
          s.match ? (
            <mark key={i} className={`sev-${s.match.entry.severity}`} title={s.match.entry.id}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </p>
      <p className="muted" aria-live="polite">
        {text.trim() ? `${matches.length} finding${matches.length === 1 ? '' : 's'}` : 'Type or paste a draft above.'}
      </p>
      <ul className="findings">
        {matches.map((m) => (
          <li key={`${m.entry.id}:${m.start}`} className={`finding severity-${m.entry.severity}`} data-testid="bench-finding" data-entry={m.entry.id}>
            <p>
              <strong>“{m.text}”</strong> → {m.suggestions.join(' / ')}
            </p>
            <p className="why">{m.entry.why}</p>
            <button type="button" onClick={() => openEntry(m.entry.id)}>
              Open {m.entry.id}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
