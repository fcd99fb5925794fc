import { useCallback, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TactDb } from '@/lib/storage/db';
import type { Entry } from '@/lib/phrasebook/schema';
import { compilePhrasebook } from '@/lib/phrasebook/engine';
import { effectivePhrasebook, type EditChange } from '@/lib/studio/overlay';
import type { StudioAction } from '@/lib/studio/changes';
import { commitChanges, undoRecord } from '@/lib/storage/studio';
import { groupFlags } from '@/lib/studio/flags';
import type { PhrasebookReloaded } from '@/lib/protocol';
import { EntriesView, type EntryFilters } from './EntriesView';
import { TestBench } from './TestBench';
import { ImportExport } from './ImportExport';
import { FlagQueue } from './FlagQueue';
import { UsageView } from './UsageView';
import { HistoryList } from './HistoryList';
import { LocalesView } from './LocalesView';

const VIEWS = [
  ['entries', 'Entries'],
  ['bench', 'Test bench'],
  ['import', 'Import & export'],
  ['flags', 'Flagged'],
  ['usage', 'Usage'],
  ['history', 'History'],
  ['locales', 'Locales'],
] as const;
export type View = (typeof VIEWS)[number][0];

const AUTHOR_KEY = 'tact-studio-author';

export interface StudioProps {
  db: TactDb;
  shipped: Entry[];
  /** Tells the worker the team phrasebook changed, so it recompiles and re-analyses open drafts. */
  notifyChanged(reason: string): Promise<PhrasebookReloaded>;
}

/** The phrasebook studio: where QA leads edit the team phrasebook on top of the shipped one. */
export function Studio({ db, shipped, notifyChanged }: StudioProps) {
  // ?view=history opens a section directly (links from elsewhere; the browser tests).
  const [view, setView] = useState<View>(() => {
    const asked = new URLSearchParams(location.search).get('view');
    return VIEWS.find(([id]) => id === asked)?.[0] ?? 'entries';
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const [filters, setFilters] = useState<EntryFilters>({ q: '', locale: '', category: '', severity: '', origin: '' });
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [status, setStatus] = useState('');

  const edits = useLiveQuery(() => db.phrasebookEdits.toArray(), [db]);
  const history = useLiveQuery(() => db.phrasebookHistory.orderBy('at').reverse().toArray(), [db]);
  const feedback = useLiveQuery(() => db.feedback.toArray(), [db]);
  const reviews = useLiveQuery(() => db.flagReviews.toArray(), [db]);

  const shippedIds = useMemo(() => new Set(shipped.map((e) => e.id)), [shipped]);
  const effective = useMemo(() => effectivePhrasebook(shipped, edits ?? []), [shipped, edits]);
  const compiled = useMemo(() => compilePhrasebook(effective.entries, { skipInvalid: true }), [effective]);
  // Entries the engine leaves out (e.g. a release added a pattern a team entry also has): shown in the list.
  const leftOut = useMemo(() => new Map(compiled.problems.map((p) => [p.entryId ?? '', p.message])), [compiled]);
  const groups = useMemo(() => groupFlags(feedback ?? [], reviews ?? []), [feedback, reviews]);
  const openFlags = groups.reduce((n, g) => n + g.open.length, 0);

  const who = useCallback(() => ({ by: author.trim() || 'QA lead', at: Date.now() }), [author]);

  const tell = useCallback(
    async (done: string) => {
      try {
        const reloaded = await notifyChanged(done);
        setStatus(`${done} Tact now matches with ${reloaded.entries} entries${reloaded.problems.length ? ` (${reloaded.problems.length} left out)` : ''}.`);
      } catch (err) {
        setStatus(`${done} Saved, but the extension's worker did not answer (${(err as Error).message}); it reads the change when it next starts.`);
      }
    },
    [notifyChanged],
  );

  const commit = useCallback(
    async (action: StudioAction, summary: string, changes: EditChange[]): Promise<boolean> => {
      if (changes.length === 0) {
        setStatus('Nothing changed.');
        return false;
      }
      try {
        await commitChanges(db, action, summary, changes, who());
      } catch (err) {
        setStatus(`Not saved: ${(err as Error).message}`);
        return false;
      }
      await tell(`${summary}.`);
      return true;
    },
    [db, who, tell],
  );

  const undo = useCallback(
    async (id: number) => {
      const result = await undoRecord(db, id, who());
      if (!result.ok) return setStatus(`Not undone: ${result.message}`);
      await tell('Undone.');
    },
    [db, who, tell],
  );

  const openEntry = (id: string) => {
    setOpenId(id);
    setView('entries');
  };

  return (
    <main className="panel studio" data-testid="studio">
      <header className="panel-header">
        <h1>Tact phrasebook studio</h1>
        <label className="author">
          Your name (for the history){' '}
          <input
            value={author}
            placeholder="QA lead"
            onChange={(e) => {
              setAuthor(e.target.value);
              localStorage.setItem(AUTHOR_KEY, e.target.value);
            }}
          />
        </label>
      </header>
      <nav className="studio-nav" aria-label="Studio sections">
        {VIEWS.map(([id, label]) => (
          <button key={id} type="button" aria-current={view === id ? 'page' : undefined} data-view={id} onClick={() => setView(id)}>
            {label}
            {id === 'flags' && openFlags > 0 ? ` (${openFlags})` : ''}
          </button>
        ))}
      </nav>
      <p className="status" role="status" data-testid="studio-status">
        {status}
      </p>
      {!edits ? (
        <p className="muted">Loading…</p>
      ) : view === 'entries' ? (
        <EntriesView rows={effective.rows} entries={effective.entries} leftOut={leftOut} filters={filters} setFilters={setFilters} openId={openId} setOpenId={setOpenId} who={who} commit={commit} />
      ) : view === 'bench' ? (
        <TestBench compiled={compiled} openEntry={openEntry} />
      ) : view === 'import' ? (
        <ImportExport shipped={shipped} edits={edits} entries={effective.entries} who={who} commit={commit} />
      ) : view === 'flags' ? (
        <FlagQueue groups={groups} rows={effective.rows} openEntry={openEntry} db={db} who={who} />
      ) : view === 'usage' ? (
        <UsageView feedback={feedback ?? []} rows={effective.rows} openEntry={openEntry} />
      ) : view === 'history' ? (
        <HistoryList records={history ?? []} shippedIds={shippedIds} undo={undo} openEntry={openEntry} />
      ) : (
        <LocalesView
          rows={effective.rows}
          show={(locale, category) => {
            setFilters({ q: '', locale, category, severity: '', origin: '' });
            setView('entries');
          }}
        />
      )}
    </main>
  );
}
