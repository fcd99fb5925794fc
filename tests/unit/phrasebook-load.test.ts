import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parsePhrasebookFiles } from '../../lib/phrasebook/load';
import { fileOf } from '../../lib/phrasebook/origin';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import type { EntryInput } from '../../lib/phrasebook/schema';

const e = (id: string, avoid: string[], more: Partial<EntryInput> = {}): EntryInput => ({ id, avoid, prefer: ['better'], why: 'because', source: 'test', ...more });
const file = (name: string, entries: unknown[], head: object = {}) => {
  const [locale, category] = name.replace(/\.json$/, '').split('/').slice(-2);
  return { name, data: { locale, category, entries, ...head } };
};
const errorsOf = (files: { name: string; data: unknown }[]) =>
  parsePhrasebookFiles(files).errors.map((x) => `${x.file}|${x.entryId ?? '-'}|${x.message}`);

describe('parsePhrasebookFiles', () => {
  test('valid files give entries with locale and category, defaults applied, file remembered', () => {
    const { entries, errors } = parsePhrasebookFiles([file('pb/en/blame.json', [e('a-one', ['calm down']), e('b-two', ['our policy'], { severity: 'risk' })])]);
    expect(errors).toEqual([]);
    expect(entries.map((x) => [x.id, x.locale, x.category, x.severity])).toEqual([
      ['a-one', 'en', 'blame', 'warning'],
      ['b-two', 'en', 'blame', 'risk'],
    ]);
    expect(fileOf(entries[0]!)).toBe('pb/en/blame.json');
  });

  test.each([
    ['not an object', [{ name: 'pb/en/blame.json', data: 'nope' }], [/^pb\/en\/blame\.json\|-\|/]],
    ['unknown locale', [file('pb/fr/blame.json', [e('a', ['calm down'])])], [/\|-\|locale: /]],
    ['unknown field in an entry', [file('pb/en/blame.json', [{ ...e('a-b', ['calm down']), colour: 'red' }])], [/\|a-b\|entries\.0: .*colour/]],
    ['an entry with no alternatives', [file('pb/en/blame.json', [e('no-prefer', ['calm down'], { prefer: [] })])], [/\|no-prefer\|entries\.0\.prefer: an entry needs at least one alternative/]],
    ['a bad id', [file('pb/en/blame.json', [e('Bad Id', ['calm down'])])], [/\|Bad Id\|entries\.0\.id: ids are lowercase words joined by hyphens/]],
    ['an empty pattern', [file('pb/en/blame.json', [e('a', ['  '])])], [/\|a\|entries\.0\.avoid\.0: /]],
    ['no entries', [file('pb/en/blame.json', [])], [/\|-\|entries: /]],
    ['entries out of order', [file('pb/en/blame.json', [e('b', ['calm down']), e('a', ['our policy'])])], [/\|a\|entries must be sorted by id: "a" comes after "b"/]],
    [
      'duplicate ids across files',
      [file('pb/en/blame.json', [e('same', ['calm down'])]), file('pb/sv/blame.json', [e('same', ['lugna dig'])])],
      [/^pb\/sv\/blame\.json\|same\|duplicate id: already used in pb\/en\/blame\.json/],
    ],
    [
      'duplicate patterns, folded for case, apostrophes and spaces',
      [file('pb/en/blame.json', [e('a', ["Don't  worry"]), e('b', ['don\u2019t worry'])])],
      [/\|b\|duplicate pattern "don’t worry": already in entry a/],
    ],
    ['a file named for another slot', [{ name: 'pb/en/argue.json', data: file('x/en/blame.json', [e('a', ['calm down'])]).data }], [/should be named en\/blame\.json/]],
    [
      'two files for one slot',
      [file('pb/en/blame.json', [e('a', ['calm down'])]), { name: 'other/en/blame.json', data: file('x/en/blame.json', [e('b', ['our policy'])]).data }],
      [/already holds en\/blame; one file per locale and category/],
    ],
  ])('reports %s with file and entry', (_, files, expected) => {
    const errors = errorsOf(files);
    expect(errors).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(errors[i]).toMatch(re));
  });

  test('entries with errors are left out, the others kept', () => {
    const { entries } = parsePhrasebookFiles([file('pb/en/blame.json', [e('a', ['calm down']), e('b', ['calm down']), e('c', ['our policy'])])]);
    expect(entries.map((x) => x.id)).toEqual(['a', 'c']);
  });
});

describe('readPhrasebookDir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tact-pb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads <locale>/<category>.json, skips generated files, reports broken JSON by file', () => {
    mkdirSync(join(dir, 'en'));
    mkdirSync(join(dir, 'zh'));
    writeFileSync(join(dir, 'phrasebook.schema.json'), '{}');
    writeFileSync(join(dir, 'rules.md'), '# rules');
    writeFileSync(join(dir, 'en', 'blame.json'), JSON.stringify(file('en/blame.json', [e('calm-down', ['calm down'])]).data));
    writeFileSync(join(dir, 'zh', 'blame.json'), '{ "locale": "zh", ');
    const { entries, errors, files } = readPhrasebookDir(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['en/blame.json', 'zh/blame.json']);
    expect(entries.map((x) => x.id)).toEqual(['calm-down']);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toMatch(/zh\/blame\.json$/);
    expect(errors[0]!.message).toMatch(/^not valid JSON/);
  });
});
