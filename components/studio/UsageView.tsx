import { useMemo, useState } from 'react';
import type { Feedback } from '@/lib/storage/feedback';
import type { StudioEntry } from '@/lib/studio/overlay';
import { usageByEntry, usageToCsv } from '@/lib/studio/usage';
import { Choice } from './Choice';
import { download } from './download';

const DAY = 24 * 3600 * 1000;
const PERIODS = { '7 days': 7 * DAY, '30 days': 30 * DAY, '90 days': 90 * DAY } as const;
type Period = keyof typeof PERIODS;

interface Props {
  feedback: Feedback[];
  rows: StudioEntry[];
  openEntry(id: string): void;
}

/** What agents did with each entry's suggestions; the entries they reject most come first. */
export function UsageView({ feedback, rows, openEntry }: Props) {
  const [period, setPeriod] = useState<Period | ''>('30 days');
  // Read once, when the view opens: a clock read in render would move the list under the QA lead.
  const [now] = useState(() => Date.now());
  const usage = useMemo(() => usageByEntry(feedback, period ? now - PERIODS[period] : 0), [feedback, period, now]);
  const known = new Set(rows.map((r) => r.id));
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      <p className="muted">
        What agents did with each entry&apos;s suggestions. Tact records an apply, a dismissal or a flag, not how often a suggestion was
        shown. AI rewrites are listed by model.
      </p>
      <label>
        In the last <Choice<Period> value={period} options={Object.keys(PERIODS) as Period[]} empty="all time" onChange={setPeriod} />
      </label>{' '}
      {usage.length > 0 && (
        <button type="button" data-action="export-usage" onClick={() => download('tact-usage.csv', usageToCsv(usage), 'text/csv')}>
          Export CSV
        </button>
      )}
      {usage.length === 0 ? (
        <p className="muted">Nothing recorded in this period.</p>
      ) : (
        <table className="usage" data-testid="usage">
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Applied</th>
              <th scope="col">Dismissed</th>
              <th scope="col">Flagged</th>
              <th scope="col">Accepted</th>
              <th scope="col">Undone</th>
            </tr>
          </thead>
          <tbody>
            {usage.map((u) => (
              <tr key={u.entryId} data-entry={u.entryId}>
                <th scope="row">
                  {known.has(u.entryId) ? (
                    <button type="button" className="link" onClick={() => openEntry(u.entryId)}>
                      {u.entryId}
                    </button>
                  ) : (
                    u.entryId
                  )}
                </th>
                <td data-col="applied">{u.applied}</td>
                <td data-col="dismissed">{u.dismissed}</td>
                <td data-col="flagged">{u.flagged}</td>
                <td data-col="accepted">{pct(u.accepted)}</td>
                <td data-col="undone">{u.undone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
