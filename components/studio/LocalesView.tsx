import { CATEGORIES, LOCALES } from '@/lib/phrasebook/vocabulary';
import type { StudioEntry } from '@/lib/studio/overlay';

/** Active entries per locale and category (team changes in brackets); a count opens that slice. */
export function LocalesView({ rows, show }: { rows: StudioEntry[]; show(locale: string, category: string): void }) {
  const active = (r: StudioEntry) => r.origin !== 'deleted' && r.origin !== 'disabled';
  const count = (locale: string, category?: string) => {
    const slice = rows.filter((r) => r.entry.locale === locale && (!category || r.entry.category === category));
    return { active: slice.filter(active).length, team: slice.filter((r) => r.origin !== 'shipped').length };
  };
  return (
    <section aria-labelledby="locales-title" data-testid="locales">
      <h2 id="locales-title">Locales</h2>
      <table className="locales">
        <caption className="muted">Active entries; in brackets, entries the team added, edited, disabled or deleted.</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            {LOCALES.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((c) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {LOCALES.map((l) => {
                const n = count(l, c);
                return (
                  <td key={l}>
                    <button type="button" className="link" onClick={() => show(l, c)} aria-label={`${n.active} ${l} ${c} entries`}>
                      {n.active}
                    </button>
                    {n.team > 0 && <span className="muted"> ({n.team})</span>}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">all</th>
            {LOCALES.map((l) => {
              const n = count(l);
              return (
                <td key={l} data-locale={l}>
                  <strong>{n.active}</strong>
                  {n.team > 0 && <span className="muted"> ({n.team})</span>}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
