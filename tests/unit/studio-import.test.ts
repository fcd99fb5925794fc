import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyChanges, effectivePhrasebook, type EntryEdit } from '../../lib/studio/overlay';
import { planImport, type ImportInput } from '../../lib/studio/import';
import { bundleOf, exportFiles, fileText } from '../../lib/studio/export';
import { entriesToCsv } from '../../lib/studio/csv';
import { deleteChange, disableChange, saveChange } from '../../lib/studio/changes';
import { ASAP, shipped, shippedEntry, teamEntry, who } from './studio-fixtures';

const fileWith = (entries: object[], over: object = {}) => ({ locale: 'en', category: 'timing', entries, ...over });
const input = (data: unknown, name = 'team.json'): ImportInput => ({ name, text: typeof data === 'string' ? data : JSON.stringify(data) });
const { locale: _l, category: _c, ...teamFileEntry } = teamEntry();

describe('import', () => {
  test('a good file in the shipped format adds its entries (merge)', () => {
    const plan = planImport([input(fileWith([teamFileEntry]))], 'merge', shipped, [], who);
    expect(plan).toMatchObject({ ok: true, added: 1, changed: 0, removed: 0 });
    if (!plan.ok) throw new Error('rejected');
    expect(plan.changes).toEqual([{ id: teamEntry().id, before: null, after: { id: teamEntry().id, entry: teamEntry(), disabled: false, updatedAt: who.at, by: who.by } }]);
    const after = effectivePhrasebook(shipped, applyChanges([], plan.changes));
    expect(after.entries.length).toBe(shipped.length + 1);
  });

  test.each<[string, ImportInput[], { file: string; entryId?: string; message: RegExp }[]]>([
    ['malformed JSON', [input('{"locale": "en",', 'broken.json')], [{ file: 'broken.json', message: /^not valid JSON: / }]],
    [
      'schema errors, each with its place',
      [input(fileWith([{ ...teamFileEntry, severity: 'fatal', prefer: [] }]))],
      [
        { file: 'team.json (en/timing.json)', entryId: teamEntry().id, message: /^entries\.0\.prefer: an entry needs at least one alternative$/ },
        { file: 'team.json (en/timing.json)', entryId: teamEntry().id, message: /^entries\.0\.severity: / },
      ],
    ],
    [
      'duplicate ids across files',
      [input(fileWith([teamFileEntry]), 'a.json'), input(fileWith([{ ...teamFileEntry, avoid: ['circle round'] }], { category: 'follow-up' }), 'b.json')],
      // The loader reads files in path order: en/follow-up.json claims the id first.
      [{ file: 'a.json (en/timing.json)', entryId: teamEntry().id, message: /^duplicate id: already used in en\/follow-up\.json$/ }],
    ],
    [
      'a pattern a shipped entry already has',
      [input(fileWith([{ ...teamFileEntry, avoid: [shippedEntry(ASAP).avoid[0]], tests: undefined }]))],
      [{ file: 'team.json (en/timing.json)', entryId: expect.any(String), message: /matches the same words as pattern/ }],
    ],
    [
      'a failing inline test',
      [input(fileWith([{ ...teamFileEntry, tests: { match: ['Talk soon.'] } }]))],
      [{ file: 'team.json (en/timing.json)', entryId: teamEntry().id, message: /^inline test should be flagged but is not: "Talk soon\."$/ }],
    ],
    [
      'a suggestion a shipped entry flags',
      [input(fileWith([{ ...teamFileEntry, prefer: ['I will get it done as soon as possible'] }]))],
      [{ file: 'team.json (en/timing.json)', entryId: teamEntry().id, message: new RegExp(`^\`prefer\` "I will get it done as soon as possible" says "as soon as possible", which entry ${ASAP} flags$`) }],
    ],
    ['not a phrasebook at all', [input([1, 2, 3])], [{ file: 'team.json', message: /expected object/ }]],
  ])('%s: rejected as a whole, with the list', (_name, inputs, expected) => {
    // A good file alongside must not get in either.
    const plan = planImport([...inputs, input(fileWith([{ ...teamFileEntry, id: 'sv-timing-team-circle-back', tests: undefined }], { locale: 'sv' }), 'good.json')], 'merge', shipped, [], who);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems).toEqual(expected.map((e) => ({ ...e, entryId: e.entryId, message: expect.stringMatching(e.message) })).map((e) => (e.entryId === undefined ? { file: e.file, message: e.message } : e)));
  });

  test('a hostile pattern is an error, found fast, not a hang', () => {
    const blowUp = Array.from({ length: 12 }, (_, i) => `(a${i}|b${i})`).join(' ');
    const nested = '('.repeat(60) + 'circle back' + ')'.repeat(60);
    const gaps = 'circle ' + Array.from({ length: 20 }, () => '...6 *').join(' ') + ' back';
    const t0 = performance.now();
    const explode = planImport([input(fileWith([{ ...teamFileEntry, avoid: [blowUp] }]))], 'merge', shipped, [], who);
    expect(explode).toEqual({
      ok: false,
      problems: [{ file: 'team.json (en/timing.json)', entryId: teamEntry().id, message: `pattern "${blowUp}" cannot compile: expands into more than 64 variants; split it into several patterns` }],
    });
    // Legal but heavy: deep nesting, a chain of gaps and wildcards, an inline test of 5,000 words.
    const long = 'circle ' + 'word '.repeat(5000) + 'back';
    const heavy = planImport([input(fileWith([{ ...teamFileEntry, avoid: [nested, gaps], tests: { match: [long] } }]))], 'merge', shipped, [], who);
    expect(heavy).toEqual({ ok: false, problems: [{ file: 'team.json (en/timing.json)', entryId: teamEntry().id, message: `inline test should be flagged but is not: "${long}"` }] });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  test('a huge import is refused before parsing', () => {
    const plan = planImport([input('x'.repeat(5_000_001))], 'merge', shipped, [], who);
    expect(plan).toEqual({ ok: false, problems: [{ file: 'team.json', message: 'the import is larger than 5 MB; split it' }] });
  });
});

describe('export', () => {
  test('files in the shipped format: the untouched phrasebook exports as the shipped files', () => {
    const files = exportFiles(effectivePhrasebook(shipped, []).entries);
    expect(files.length).toBe(36);
    expect(files[0]!.path).toBe('en/abuse.json');
    const timing = files.find((f) => f.path === 'en/timing.json')!;
    expect(timing.data).toMatchObject({ $schema: '../phrasebook.schema.json', locale: 'en', category: 'timing' });
    expect(timing.data.entries.map((e) => e.id)).toEqual(shipped.filter((e) => e.locale === 'en' && e.category === 'timing').map((e) => e.id).sort());
    expect(Object.keys(timing.data.entries[0]!)).not.toContain('locale');
    expect(fileText(timing).endsWith('}\n')).toBe(true);
  });

  test('the untouched phrasebook exports as exactly the shipped files (same keys, same order): committing it changes nothing', () => {
    for (const f of exportFiles(effectivePhrasebook(shipped, []).entries))
      expect(JSON.stringify(f.data), f.path).toBe(JSON.stringify(JSON.parse(readFileSync(`phrasebook/${f.path}`, 'utf8'))));
  });

  test('round trip: export, then import (replace) into a fresh studio, gives the same effective phrasebook', () => {
    let edits: EntryEdit[] = [];
    const rows = () => new Map(effectivePhrasebook(shipped, edits).rows.map((r) => [r.id, r]));
    edits = applyChanges(edits, [saveChange(undefined, teamEntry(), who)]);
    edits = applyChanges(edits, [saveChange(rows().get(ASAP), { ...shippedEntry(ASAP), why: 'Name a time you can keep.' }, who)]);
    const [deleted, disabled] = shipped.filter((e) => e.locale === 'sv').map((e) => e.id);
    edits = applyChanges(edits, [deleteChange(rows().get(deleted!)!, who), disableChange(rows().get(disabled!)!, true, who)]);
    const before = effectivePhrasebook(shipped, edits).entries;

    const bundle = bundleOf(exportFiles(before), new Date(who.at));
    const plan = planImport([input(bundle, 'tact-phrasebook.json')], 'replace', shipped, [], who);
    if (!plan.ok) throw new Error(plan.problems.map((p) => p.message).join('\n'));
    expect(plan).toMatchObject({ added: 1, changed: 1, removed: 2 });
    expect(effectivePhrasebook(shipped, applyChanges([], plan.changes)).entries).toEqual(before);

    // The files one by one, as committed into phrasebook/, say the same.
    const perFile = planImport(exportFiles(before).map((f) => ({ name: f.path, text: fileText(f) })), 'replace', shipped, [], who);
    if (!perFile.ok) throw new Error('rejected');
    expect(effectivePhrasebook(shipped, applyChanges([], perFile.changes)).entries).toEqual(before);
  });
});

describe('CSV', () => {
  test('round trip: the phrasebook with team edits as CSV, imported (replace) into a fresh studio, is the same phrasebook', () => {
    const edits = applyChanges([], [saveChange(undefined, teamEntry(), who)]);
    const before = effectivePhrasebook(shipped, edits).entries;
    const csv = entriesToCsv(before);
    expect(csv.split('\n')[0]).toBe('id,locale,category,severity,avoid,prefer,why,unless,tones,types,channel,source,match,noMatch');
    const plan = planImport([{ name: 'phrasebook.csv', text: csv }], 'replace', shipped, [], who);
    if (!plan.ok) throw new Error(plan.problems.map((p) => p.message).join('\n'));
    expect(effectivePhrasebook(shipped, applyChanges([], plan.changes)).entries).toEqual(before);
  });

  test('a bad CSV is refused with the row or column at fault, and nothing is imported', () => {
    const header = 'id,locale,category,severity,avoid,prefer,why,source\n';
    expect(planImport([{ name: 'a.csv', text: 'id,locale\nx,en\n' }], 'merge', shipped, [], who)).toEqual({
      ok: false,
      problems: [{ file: 'a.csv', message: 'missing columns: category, avoid, prefer, why, source' }],
    });
    const bad = planImport([{ name: 'b.csv', text: header + 'en-timing-team-x,en,timing,fatal,"circle back later",,"No time.",team\n' }], 'merge', shipped, [], who);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([
      { file: 'b.csv (en/timing.json)', entryId: 'en-timing-team-x', message: 'entries.0.prefer: an entry needs at least one alternative' },
      { file: 'b.csv (en/timing.json)', entryId: 'en-timing-team-x', message: expect.stringMatching(/^entries\.0\.severity: /) },
    ]);
  });
});
