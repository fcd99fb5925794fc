import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { TactDb } from '../../lib/storage/db';
import { commitChanges, StaleEditError, undoRecord } from '../../lib/storage/studio';
import { effectivePhrasebook, type EntryEdit } from '../../lib/studio/overlay';
import { describeChange, planUndo } from '../../lib/studio/history';
import { disableChange, saveChange } from '../../lib/studio/changes';
import { planImport } from '../../lib/studio/import';
import { ASAP, shipped, shippedEntry, teamEntry, who } from './studio-fixtures';

let n = 0;
const dbs: TactDb[] = [];
const fresh = () => {
  const db = new TactDb(`tact-studio-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const effective = async (db: TactDb) => effectivePhrasebook(shipped, await db.phrasebookEdits.toArray());
const rowOf = async (db: TactDb, id: string) => (await effective(db)).rows.find((r) => r.id === id);
const later = (i: number) => ({ by: 'Ben (QA)', at: who.at + i });

describe('history and undo (Dexie, fake-indexeddb)', () => {
  test('each change is recorded with who, when, what, before and after; undo restores the previous state', async () => {
    const db = fresh();
    const start = (await effective(db)).entries;
    const asap = shippedEntry(ASAP);
    const edit = saveChange(await rowOf(db, ASAP), { ...asap, why: 'Name a time.' }, who);
    const id = await commitChanges(db, 'save', `Saved ${ASAP}`, [edit], who);
    const record = await db.phrasebookHistory.get(id);
    expect(record).toEqual({ id, at: who.at, by: who.by, action: 'save', summary: `Saved ${ASAP}`, changes: [{ id: ASAP, before: null, after: edit.after }] });
    expect((await rowOf(db, ASAP))?.entry.why).toBe('Name a time.');

    const undone = await undoRecord(db, id, later(1));
    expect(undone.ok).toBe(true);
    expect((await effective(db)).entries).toEqual(start);
    expect(await db.phrasebookEdits.count()).toBe(0);
    expect(await db.phrasebookHistory.get(id)).toMatchObject({ undoneAt: who.at + 1, undoneBy: 'Ben (QA)' });
    const undoRow = undone.ok ? await db.phrasebookHistory.get(undone.id) : undefined;
    expect(undoRow).toMatchObject({ action: 'undo', undoes: id, summary: `Undid: Saved ${ASAP}`, changes: [{ id: ASAP, before: edit.after, after: null }] });
    // Not twice.
    expect(await undoRecord(db, id, later(2))).toEqual({ ok: false, message: 'This change was already undone.' });
  });

  test('undoing an import undoes the whole import', async () => {
    const db = fresh();
    // Something before the import, which must survive its undo.
    await commitChanges(db, 'disable', 'Disabled', [disableChange((await rowOf(db, ASAP))!, true, who)], who);
    const before = await effective(db);
    const { locale: _l, category: _c, ...a } = teamEntry();
    const b = { ...a, id: 'en-timing-team-touch-base', avoid: ['touch base (later|soon)'], tests: { match: ['Let us touch base later.'] } };
    const edited = { ...shippedEntry('en-timing-at-some-point'), why: 'Give a date.' };
    const { locale: _l2, category: _c2, ...c } = edited;
    const plan = planImport(
      [{ name: 'team.json', text: JSON.stringify({ locale: 'en', category: 'timing', entries: [c, a, b].sort((x, y) => (x.id < y.id ? -1 : 1)) }) }],
      'merge',
      shipped,
      await db.phrasebookEdits.toArray(),
      later(1),
    );
    if (!plan.ok) throw new Error(plan.problems.map((p) => p.message).join('\n'));
    const id = await commitChanges(db, 'import', 'Imported team.json', plan.changes, later(1));
    const during = await effective(db);
    expect(during.entries.length).toBe(before.entries.length + 2);
    expect(during.rows.find((r) => r.id === 'en-timing-at-some-point')?.origin).toBe('edited');

    expect((await undoRecord(db, id, later(2))).ok).toBe(true);
    expect((await effective(db)).entries).toEqual(before.entries);
    expect((await rowOf(db, ASAP))?.origin).toBe('disabled');
  });

  test('an undo is refused when a later change touched the same entry', async () => {
    const db = fresh();
    const first = await commitChanges(db, 'add', 'Added', [saveChange(undefined, teamEntry(), who)], who);
    await commitChanges(db, 'save', 'Saved', [saveChange(await rowOf(db, teamEntry().id), { ...teamEntry(), why: 'Later.' }, later(1))], later(1));
    expect(await undoRecord(db, first, later(2))).toEqual({
      ok: false,
      message: `Changed again since: ${teamEntry().id}. Undo the later change first.`,
    });
    expect((await rowOf(db, teamEntry().id))?.entry.why).toBe('Later.');
  });

  test('a change made from a stale view is refused and changes nothing', async () => {
    const db = fresh();
    const stale = saveChange(undefined, teamEntry(), who);
    await commitChanges(db, 'add', 'Added', [stale], who);
    await expect(commitChanges(db, 'add', 'Added again', [{ ...stale, after: { ...stale.after!, by: 'other' } }], who)).rejects.toThrow(StaleEditError);
    expect(await db.phrasebookHistory.count()).toBe(1);
    expect((await db.phrasebookEdits.get(teamEntry().id))?.by).toBe(who.by);
  });

  test('planUndo alone: an undo record cannot be undone', () => {
    const edits: EntryEdit[] = [];
    expect(planUndo({ at: 1, by: 'x', action: 'undo', summary: '', changes: [] }, edits)).toEqual({ ok: false, message: 'An undo cannot be undone; make the change again instead.' });
  });
});

describe('describeChange', () => {
  const edit = (over: Partial<EntryEdit> = {}): EntryEdit => ({ id: 'x', entry: teamEntry(), disabled: false, updatedAt: 1, by: 'a', ...over });
  test.each<[string, EntryEdit | null, EntryEdit | null, boolean]>([
    ['added', null, edit(), false],
    ['edited', null, edit(), true],
    ['edited', edit(), edit({ updatedAt: 2 }), false],
    ['disabled', null, edit({ disabled: true }), true],
    ['enabled', edit({ disabled: true }), edit(), false],
    ['deleted', null, edit({ entry: null }), true],
    ['restored', edit({ entry: null }), null, true],
    ['back to shipped', edit(), null, true],
    ['removed', edit(), null, false],
  ])('%s', (expected, before, after, shipped) => {
    expect(describeChange({ id: 'x', before, after }, shipped)).toBe(expected);
  });
});
