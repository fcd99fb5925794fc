import { useMemo, useState } from 'react';
import type { Entry } from '@/lib/phrasebook/schema';
import { CATEGORIES, LOCALES, SEVERITIES } from '@/lib/phrasebook/vocabulary';
import type { EditChange, Origin, StudioEntry } from '@/lib/studio/overlay';
import { deleteChange, disableChange, isNoop, restoreChange, saveChange, type StudioAction } from '@/lib/studio/changes';
import { EntryEditor } from './EntryEditor';
import { Choice } from './Choice';

export interface EntryFilters {
  q: string;
  locale: string;
  category: string;
  severity: string;
  origin: string;
}

const ORIGINS: Origin[] = ['shipped', 'edited', 'team', 'disabled', 'deleted'];
/** Rows listed at a time: a 5,000-entry phrasebook is paged, not drawn at once. */
const PAGE = 200;

interface Props {
  rows: StudioEntry[];
  entries: Entry[];
  /** Entries the engine leaves out, with why. */
  leftOut: ReadonlyMap<string, string>;
  filters: EntryFilters;
  setFilters(f: EntryFilters): void;
  openId: string | null;
  setOpenId(id: string | null): void;
  who(): { by: string; at: number };
  commit(action: StudioAction, summary: string, changes: EditChange[]): Promise<boolean>;
}

const matchesQuery = (r: StudioEntry, q: string) => {
  if (!q) return true;
  const e = r.entry;
  return [e.id, e.why, ...e.avoid, ...e.prefer].some((s) => s.toLowerCase().includes(q));
};

/** The entry list with its filters, and the editor for the entry opened (or a new one). */
export function EntriesView({ rows, entries, leftOut, filters, setFilters, openId, setOpenId, who, commit }: Props) {
  const [creating, setCreating] = useState(false);
  const shown = useMemo(() => {
    const q = filters.q.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (!filters.locale || r.entry.locale === filters.locale) &&
        (!filters.category || r.entry.category === filters.category) &&
        (!filters.severity || r.entry.severity === filters.severity) &&
        (!filters.origin || r.origin === filters.origin) &&
        matchesQuery(r, q),
    );
  }, [rows, filters]);
  // How many are listed belongs to the filters it was asked for: new filters start at one page again.
  const filtersKey = JSON.stringify(filters);
  const [more, setMore] = useState({ key: filtersKey, limit: PAGE });
  const limit = more.key === filtersKey ? more.limit : PAGE;
  const open = openId ? rows.find((r) => r.id === openId) : undefined;
  const set = (k: keyof EntryFilters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value });

  const select = (label: string, key: keyof EntryFilters, options: readonly string[]) => (
    <label>
      {label}{' '}
      <Choice value={filters[key]} options={options} empty="all" onChange={(v) => setFilters({ ...filters, [key]: v })} />
    </label>
  );

  return (
    <div className="studio-split">
      <section aria-labelledby="entries-title" className="entry-list">
        <h2 id="entries-title">Entries</h2>
        <div className="filters">
          <label>
            Search <input type="search" value={filters.q} onChange={set('q')} placeholder="id, pattern, alternative, why" />
          </label>
          {select('Locale', 'locale', LOCALES)}
          {select('Category', 'category', CATEGORIES)}
          {select('Severity', 'severity', SEVERITIES)}
          {select('Origin', 'origin', ORIGINS)}
          <button
            type="button"
            data-action="new-entry"
            onClick={() => {
              setOpenId(null);
              setCreating(true);
            }}
          >
            New entry
          </button>
        </div>
        <p className="muted" aria-live="polite" data-testid="entry-count">
          {shown.length} of {rows.length} entries{shown.length > limit ? `; the first ${limit} are listed` : ''}
        </p>
        <ul className="entries" data-testid="entry-list">
          {shown.slice(0, limit).map((r) => (
            <li key={r.id} className={`origin-${r.origin}`} data-entry={r.id}>
              <button
                type="button"
                className="entry-row"
                aria-current={r.id === openId ? 'true' : undefined}
                onClick={() => {
                  setCreating(false);
                  setOpenId(r.id);
                }}
              >
                <span className="entry-id">{r.id}</span>
                <span className={`chip sev-${r.entry.severity}`}>{r.entry.severity}</span>
                {r.origin !== 'shipped' && <span className="chip">{r.origin}</span>}
                {leftOut.has(r.id) && (
                  <span className="chip sev-risk" title={leftOut.get(r.id)}>
                    left out: {leftOut.get(r.id)}
                  </span>
                )}
                <span className="muted entry-avoid">{r.entry.avoid.join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
        {shown.length > limit && (
          <button type="button" data-action="show-more" onClick={() => setMore({ key: filtersKey, limit: limit + PAGE })}>
            Show {Math.min(PAGE, shown.length - limit)} more
          </button>
        )}
      </section>
      {creating || open ? (
        <EntryEditor
          key={creating ? 'new' : open!.id + (open!.edit?.updatedAt ?? '')}
          row={creating ? undefined : open}
          others={entries.filter((e) => creating || e.id !== open?.id)}
          taken={creating ? new Set(rows.map((r) => r.id)) : undefined}
          onClose={() => {
            setCreating(false);
            setOpenId(null);
          }}
          onSave={async (entry) => {
            const current = rows.find((r) => r.id === entry.id);
            const ok = await commit(current ? 'save' : 'add', `${current ? 'Saved' : 'Added'} ${entry.id}`, [saveChange(current, entry, who())].filter((c) => !isNoop(c)));
            if (ok) {
              setCreating(false);
              setOpenId(entry.id);
            }
          }}
          onDisable={(disabled) => open && void commit(disabled ? 'disable' : 'enable', `${disabled ? 'Disabled' : 'Enabled'} ${open.id}`, [disableChange(open, disabled, who())])}
          onDelete={() => open && void commit('delete', `Deleted ${open.id}`, [deleteChange(open, who())]).then((ok) => ok && !open.shipped && setOpenId(null))}
          onRestore={() => open && void commit('restore', `Restored ${open.id} as shipped`, [restoreChange(open)])}
        />
      ) : (
        <p className="muted editor-placeholder">Pick an entry to edit it, or add a new one.</p>
      )}
    </div>
  );
}
