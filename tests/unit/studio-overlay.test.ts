import { describe, expect, test } from 'vitest';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
import { applyChanges, effectivePhrasebook, type EntryEdit } from '../../lib/studio/overlay';
import { deleteChange, disableChange, isNoop, restoreChange, saveChange } from '../../lib/studio/changes';
import { ASAP, shipped, shippedEntry, teamEntry, who } from './studio-fixtures';

const rowOf = (edits: EntryEdit[], id: string) => effectivePhrasebook(shipped, edits).rows.find((r) => r.id === id);
const ids = (edits: EntryEdit[]) => effectivePhrasebook(shipped, edits).entries.map((e) => e.id);
const matchIds = (edits: EntryEdit[], text: string) =>
  compilePhrasebook(effectivePhrasebook(shipped, edits).entries).matchAll(text).map((m) => m.entry.id);

describe('effective phrasebook = shipped + team edits', () => {
  test('no edits: exactly the shipped entries, all of origin "shipped"', () => {
    const { entries, rows } = effectivePhrasebook(shipped, []);
    expect(entries.map((e) => e.id)).toEqual(shipped.map((e) => e.id).sort());
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['shipped']));
  });

  test('add, edit, disable and delete each change what matches', () => {
    let edits: EntryEdit[] = [];
    const add = saveChange(undefined, teamEntry(), who);
    edits = applyChanges(edits, [add]);
    expect(rowOf(edits, teamEntry().id)?.origin).toBe('team');
    expect(matchIds(edits, 'We will circle back later.')).toContain(teamEntry().id);

    const asap = shippedEntry(ASAP);
    const edited = { ...asap, avoid: ['as soon as humanly possible'], tests: { match: ['as soon as humanly possible'], noMatch: [] } };
    edits = applyChanges(edits, [saveChange(rowOf(edits, ASAP), edited, who)]);
    expect(rowOf(edits, ASAP)).toMatchObject({ origin: 'edited', shipped: asap, entry: { avoid: ['as soon as humanly possible'] } });
    expect(matchIds(edits, 'We will fix this as soon as possible.')).not.toContain(ASAP);
    expect(matchIds(edits, 'We will fix this as soon as humanly possible.')).toContain(ASAP);

    edits = applyChanges(edits, [disableChange(rowOf(edits, ASAP)!, true, who)]);
    expect(rowOf(edits, ASAP)).toMatchObject({ origin: 'disabled', entry: { avoid: ['as soon as humanly possible'] } });
    expect(ids(edits)).not.toContain(ASAP);
    // Enabling keeps the edited text.
    edits = applyChanges(edits, [disableChange(rowOf(edits, ASAP)!, false, who)]);
    expect(rowOf(edits, ASAP)?.origin).toBe('edited');

    edits = applyChanges(edits, [deleteChange(rowOf(edits, ASAP)!, who)]);
    expect(rowOf(edits, ASAP)?.origin).toBe('deleted');
    expect(ids(edits)).not.toContain(ASAP);
    edits = applyChanges(edits, [restoreChange(rowOf(edits, ASAP)!)]);
    expect(rowOf(edits, ASAP)).toMatchObject({ origin: 'shipped', edit: null, entry: asap });

    // A team entry deleted is gone, not tombstoned.
    edits = applyChanges(edits, [deleteChange(rowOf(edits, teamEntry().id)!, who)]);
    expect(edits).toEqual([]);
    expect(rowOf(edits, teamEntry().id)).toBeUndefined();
  });

  test('saving a shipped entry back to its shipped text drops the edit; the same save twice is a no-op', () => {
    const asap = shippedEntry(ASAP);
    const change = saveChange(rowOf([], ASAP), { ...asap }, who);
    expect(change).toEqual({ id: ASAP, before: null, after: null });
    expect(isNoop(change)).toBe(true);
    const edits = applyChanges([], [saveChange(rowOf([], ASAP), { ...asap, why: 'Say when.' }, who)]);
    expect(isNoop(saveChange(rowOf(edits, ASAP), { ...asap, why: 'Say when.' }, { ...who, at: who.at + 1 }))).toBe(true);
    expect(saveChange(rowOf(edits, ASAP), asap, who)).toEqual({ id: ASAP, before: edits[0], after: null });
  });

  test('a tombstone for an entry a release removed shows nothing', () => {
    const stale: EntryEdit = { id: 'en-gone-in-a-release', entry: null, disabled: false, updatedAt: 1, by: 'x' };
    expect(effectivePhrasebook(shipped, [stale]).rows.find((r) => r.id === stale.id)).toBeUndefined();
  });
});
