import { describeChange, type HistoryRecord } from '@/lib/studio/history';

/** Every studio change, newest first, with an Undo for each (an import undoes as a whole). */
export function HistoryList({
  records,
  shippedIds,
  undo,
  openEntry,
}: {
  records: HistoryRecord[];
  shippedIds: ReadonlySet<string>;
  undo(id: number): Promise<void>;
  openEntry(id: string): void;
}) {
  return (
    <section aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">History</h2>
      {records.length === 0 && <p className="muted">No changes yet: the phrasebook is as shipped.</p>}
      <ol className="history" reversed>
        {records.map((r) => (
          <li key={r.id} className={r.undoneAt ? 'undone' : undefined} data-testid="history-record" data-action={r.action}>
            <p>
              <strong>{r.summary}</strong>{' '}
              <span className="muted">
                {r.by} · {new Date(r.at).toLocaleString()}
                {r.undoneAt ? ` · undone by ${r.undoneBy ?? '?'} ${new Date(r.undoneAt).toLocaleString()}` : ''}
              </span>
            </p>
            <p className="muted">
              {r.changes.length} entr{r.changes.length === 1 ? 'y' : 'ies'}:{' '}
              {r.changes.slice(0, 8).map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  <button type="button" className="link" onClick={() => openEntry(c.id)}>
                    {c.id}
                  </button>{' '}
                  ({describeChange(c, shippedIds.has(c.id))})
                </span>
              ))}
              {r.changes.length > 8 ? ` and ${r.changes.length - 8} more` : ''}
            </p>
            {!r.undoneAt && r.action !== 'undo' && (
              <button type="button" data-action="undo" onClick={() => void undo(r.id!)}>
                Undo
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
