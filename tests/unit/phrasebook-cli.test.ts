import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run as check } from '../../scripts/cli/check';
import { run as lint } from '../../scripts/cli/lint-phrasebook';

const root = mkdtempSync(join(tmpdir(), 'tact-cli-'));
const good = join(root, 'good');
const bad = join(root, 'bad');
const draft = join(root, 'draft.txt');

const entry = (id: string, avoid: string[], severity: string, tests?: object) => ({ id, avoid, prefer: ['I hear you'], why: 'it dismisses the feeling', severity, source: 'test', tests });

beforeAll(() => {
  mkdirSync(join(good, 'en'), { recursive: true });
  writeFileSync(
    join(good, 'en', 'empathise.json'),
    JSON.stringify({
      locale: 'en',
      category: 'empathise',
      entries: [entry('calm-down', ['calm down'], 'risk', { match: ['please calm down'], noMatch: ['stay calm'] }), entry('no-worries', ['no worries'], 'hint')],
    }),
  );
  mkdirSync(join(bad, 'en'), { recursive: true });
  writeFileSync(
    join(bad, 'en', 'empathise.json'),
    JSON.stringify({
      locale: 'en',
      category: 'empathise',
      entries: [entry('b-broad', ['the'], 'risk'), entry('a-late', ['calm down'], 'risk', { match: ['relax'] })],
    }),
  );
  writeFileSync(draft, 'Hello.\nNo worries, just calm down.\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    streams: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      stdin: Readable.from([stdin]),
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('tact check', () => {
  test('prints findings like a linter and fails on a risk', async () => {
    const t = io();
    expect(await check([draft, '--phrasebook', good], t.streams)).toBe(1);
    expect(t.out()).toBe(
      `${draft}:2:1 hint no-worries "No worries": it dismisses the feeling → I hear you\n` +
        `${draft}:2:18 risk calm-down "calm down": it dismisses the feeling → I hear you\n\n2 findings\n`,
    );
  });

  test.each([
    ['risk', 1],
    ['hint', 1],
  ])('--fail-on %s', async (sev, code) => {
    expect(await check([draft, '--phrasebook', good, '--fail-on', sev], io().streams)).toBe(code);
  });

  test('only hints below --fail-on warning: exit 0', async () => {
    const t = io('no worries at all');
    expect(await check(['-', '--phrasebook', good], t.streams)).toBe(0);
    expect(t.out()).toMatch(/^<stdin>:1:1 hint no-worries/);
  });

  test('--json gives positions, offsets and suggestions', async () => {
    const t = io('Please calm down.');
    expect(await check(['-', '--json', '--phrasebook', good], t.streams)).toBe(1);
    expect(JSON.parse(t.out())).toEqual([
      {
        file: '<stdin>', line: 1, column: 8, start: 7, end: 16, text: 'calm down', id: 'calm-down', severity: 'risk',
        category: 'empathise', locale: 'en', why: 'it dismisses the feeling', suggestions: ['I hear you'],
      },
    ]);
  });

  test.each([
    [[], /which draft/],
    [['a', 'b'], /one draft at a time/],
    [['x', '--fail-on', 'fatal'], /bad value for --fail-on/],
    [['x', '--bogus'], /unknown option --bogus/],
    [['/no/such/file', '--phrasebook', good], /cannot read \/no\/such\/file/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const t = io();
    expect(await check(args, t.streams)).toBe(2);
    expect(t.err()).toMatch(message);
  });

  test('a broken phrasebook is reported with entry and file, exit 2', async () => {
    const t = io('hi');
    expect(await check(['-', '--phrasebook', bad], t.streams)).toBe(2);
    expect(t.err()).toMatch(/en\/empathise\.json: b-broad: pattern "the" is too broad/);
  });
});

describe('tact lint-phrasebook', () => {
  test('a good folder passes', async () => {
    const t = io();
    expect(await lint([good], t.streams)).toBe(0);
    expect(t.out()).toBe('1 files, 2 entries, 2 inline tests: all good\n');
  });

  test('a bad folder lists every problem with file and entry', async () => {
    const t = io();
    expect(await lint([bad], t.streams)).toBe(1);
    const lines = t.out().trim().split('\n');
    expect(lines[0]).toMatch(/en\/empathise\.json: b-broad: entries must be sorted|en\/empathise\.json: a-late: entries must be sorted/);
    expect(t.out()).toMatch(/en\/empathise\.json: b-broad: pattern "the" is too broad/);
    expect(t.out()).toMatch(/en\/empathise\.json: a-late: inline test: should be flagged but is not: "relax"/);
    expect(lines.at(-1)).toBe('1 files, 2 entries, 1 inline tests: 3 problems');
  });

  test('a suggestion that says what another entry flags is a problem', async () => {
    const clash = join(root, 'clash');
    mkdirSync(join(clash, 'en'), { recursive: true });
    const calm = { ...entry('calm-down', ['calm down'], 'risk'), prefer: ['please calm down and bear with me'] };
    writeFileSync(join(clash, 'en', 'empathise.json'), JSON.stringify({ locale: 'en', category: 'empathise', entries: [calm] }));
    const t = io();
    expect(await lint([clash], t.streams)).toBe(1);
    expect(t.out()).toContain('en/empathise.json: calm-down: `prefer` "please calm down and bear with me" says "calm down", which entry calm-down flags');
  });

  test('an empty folder fails', async () => {
    const t = io();
    expect(await lint([root + '/nothing-here'], t.streams)).toBe(2);
  });
});
