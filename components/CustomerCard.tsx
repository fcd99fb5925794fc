import type { ReactNode } from 'react';
import type { TabState } from '@/lib/protocol';
import type { Verdict } from '@/lib/classify/verdict';
import { AbuseNotice } from './AbuseNotice';
import { TYPE_LABELS } from './customer-labels';

/** Who the agent is talking to: the latest words, the tone and type read from them, and how to respond. */
export function CustomerCard({ state }: { state: TabState }) {
  const latest = state.customer.at(-1);
  const verdict = state.verdict;
  return (
    <section aria-labelledby="customer-title" className="customer">
      <h2 id="customer-title">Customer{latest?.author ? `: ${latest.author}` : ''}</h2>
      {!latest ? (
        <p className="muted">No customer message found on this page yet.</p>
      ) : (
        <blockquote data-testid="customer-latest">{withEvidence(latest.text, verdict)}</blockquote>
      )}
      {latest && verdict && <VerdictView verdict={verdict} />}
    </section>
  );
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  if (verdict.language === 'unsupported')
    return (
      <p className="muted" data-testid="verdict-unsupported">
        Tone and type: this language is not supported yet (English, Chinese and Swedish are).
      </p>
    );
  const tones = verdict.tones.filter((t) => t.score >= 0.2).slice(0, 3);
  const type = verdict.customerType;
  return (
    <div className="verdict" data-testid="verdict">
      <p className="tones" data-testid="tones">
        {tones.length === 0 ? (
          <span className="chip">neutral</span>
        ) : (
          tones.map((t) => (
            <span key={t.tone} className="chip" title={t.evidence.map((e) => e.text).join(', ')} data-tone={t.tone}>
              {t.tone} <span className="muted">{Math.round(t.score * 100)}%</span>
            </span>
          ))
        )}
        {verdict.unsure && <span className="chip unsure">unsure</span>}
        <span className="muted"> · {verdict.register}</span>
      </p>
      {type && (
        <p data-testid="customer-type" data-type={type.type}>
          <strong>{TYPE_LABELS[type.type] ?? type.type}</strong>{' '}
          <span className="muted">({Math.round(type.confidence * 100)}%{type.confidence < 0.5 ? ', low confidence' : ''})</span>
          {/* An abusive customer's approach is the abuse notice below, said once, for the level found. */}
          {!(type.type === 'abusive' && verdict.abuse.level !== 'none') && (
            <>
              <br />
              <span className="approach">{type.approach}</span>
            </>
          )}
          {type.evidence.length > 0 && (
            <>
              <br />
              <span className="muted" data-testid="type-evidence">
                Because: {type.evidence.map((e) => `“${e.text}”${e.in === 'history' ? ' (earlier)' : ''}`).join(', ')}
              </span>
            </>
          )}
        </p>
      )}
      <AbuseNotice level={verdict.abuse.level} earlier={verdict.abuse.earlier} testId="abuse" />
    </div>
  );
}

/** The customer's text with the words behind the verdict marked (React escapes all of it). */
function withEvidence(text: string, verdict: Verdict | null | undefined): ReactNode {
  const spans = (verdict?.tones ?? [])
    .flatMap((t) => t.evidence)
    .concat(verdict?.abuse.evidence ?? [])
    .filter((e) => e.start >= 0 && e.end <= text.length && e.start < e.end)
    .sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const e of spans) {
    if (e.start < at) continue;
    out.push(text.slice(at, e.start), <mark key={e.start}>{text.slice(e.start, e.end)}</mark>);
    at = e.end;
  }
  out.push(text.slice(at));
  return out;
}
