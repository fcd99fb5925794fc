import { describe, expect, test } from 'vitest';
import { validateEntry } from '../../lib/studio/validate';
import { ASAP, shipped, shippedEntry, teamEntry } from './studio-fixtures';

const others = shipped;
const problemsOf = (input: unknown, rest = others) => {
  const r = validateEntry(input, rest);
  return r.ok ? [] : r.problems;
};

describe('validating one edited entry', () => {
  test('a good new entry passes, with the schema defaults filled in', () => {
    const { severity: _s, ...noSeverity } = teamEntry();
    const r = validateEntry(noSeverity, others);
    expect(r).toEqual({ ok: true, entry: { ...teamEntry(), severity: 'warning' } });
  });

  test('an edited shipped entry is checked without its own old version', () => {
    const asap = shippedEntry(ASAP);
    expect(validateEntry({ ...asap, why: 'Name a time.' }, others.filter((e) => e.id !== ASAP)).ok).toBe(true);
  });

  test.each([
    ['id', { id: 'Has Spaces' }, [{ field: 'id', message: 'ids are lowercase words joined by hyphens' }]],
    ['empty alternatives', { prefer: [] }, [{ field: 'prefer', message: 'an entry needs at least one alternative' }]],
    ['unknown severity', { severity: 'fatal' }, [{ field: 'severity', message: expect.stringContaining('"hint"') }]],
    ['unclosed group', { avoid: ['ok', 'circle back (later'] }, [{ field: 'avoid.1', message: 'pattern "circle back (later" cannot compile: "(" is never closed' }]],
    [
      'too broad',
      { avoid: ['the'] },
      [{ field: 'avoid.0', message: 'pattern "the" is too broad: its longest fixed part is "the", a very common word; add the words around it' }],
    ],
    [
      'unknown placeholder',
      { prefer: ['write by {day}'] },
      [{ field: 'prefer', message: '`prefer` uses {day} but no pattern captures it' }],
    ],
    [
      'unless with a capture',
      { unless: ['by {day}'] },
      [{ field: 'unless.0', message: '`unless` pattern "by {day}" captures a word, which `unless` has no use for; write * instead' }],
    ],
    [
      'an unknown built-in in unless',
      { unless: ['@time', '@date'] },
      [{ field: 'unless.1', message: '`unless` pattern "@date" is no built-in; the one there is, @time, stands for any stated time' }],
    ],
  ])('%s', (_name, over, expected) => {
    const problems = problemsOf({ ...teamEntry(), ...over });
    // "ok" in the unclosed-group case is its own problem (too short); compare the one under test.
    expect(problems.filter((p) => expected.some((e: { field: string }) => e.field === p.field))).toEqual(expected);
  });

  test('a pattern another entry of the locale has is named with that entry, whichever sorts first', () => {
    const asap = shippedEntry(ASAP);
    for (const id of ['a-early-id', 'zz-late-id']) {
      const problems = problemsOf({ ...teamEntry(), id, avoid: ['circle back soon', asap.avoid[0]] });
      expect(problems).toEqual([{ field: 'avoid.1', message: expect.stringMatching(new RegExp(`^pattern "as soon as \\(possible\\|we can\\|i can\\)" matches the same words as pattern .* ${ASAP}$`)) }]);
    }
    // Another locale's entry may have the same words.
    expect(problemsOf({ ...teamEntry(), locale: 'sv', avoid: [asap.avoid[0]], tests: undefined })).toEqual([]);
  });

  test('"say this" is never a "not that": a suggestion another entry flags, or a pattern that flags another entry\'s suggestion', () => {
    const asap = shippedEntry(ASAP);
    expect(problemsOf({ ...teamEntry(), prefer: ['I will fix it as soon as possible'] })).toContainEqual({
      field: 'prefer',
      message: `\`prefer\` "I will fix it as soon as possible" says "as soon as possible", which entry ${ASAP} flags`,
    });
    const suggestion = asap.prefer[0]!;
    const word = suggestion.split(' ').slice(0, 3).join(' ');
    expect(problemsOf({ ...teamEntry(), avoid: [word], tests: undefined }).map((p) => p.field + ': ' + p.message)).toContainEqual(
      expect.stringMatching(new RegExp(`^avoid: it would flag ".+" in the suggestion ".+" of entry ${ASAP}$`)),
    );
  });

  test('the id of another entry is refused', () => {
    expect(problemsOf({ ...teamEntry(), id: ASAP })).toContainEqual({ field: 'id', message: `another entry already has the id "${ASAP}"` });
  });

  test('inline tests that fail point at the test', () => {
    const problems = problemsOf({ ...teamEntry(), tests: { match: ['We will circle back later.', 'Talk soon.'], noMatch: ['I will circle back soon.'] } });
    expect(problems).toEqual([
      { field: 'tests.match.1', message: 'should be flagged but is not: "Talk soon."' },
      { field: 'tests.noMatch.0', message: 'should not be flagged but "circle back soon" is: "I will circle back soon."' },
    ]);
  });
});
