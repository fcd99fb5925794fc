import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
import { formatProblem, PhrasebookError } from '../../lib/phrasebook/errors';
import { runInlineTests } from '../../lib/phrasebook/inline-tests';
import { phrasebookJsonSchema } from '../../lib/phrasebook/json-schema';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import { renderRulesMarkdown } from '../../lib/phrasebook/rules-md';
import { conflictMessage, suggestionConflicts } from '../../lib/phrasebook/suggestion-conflicts';

// The shipped phrasebook, linted as data: valid, unique, sorted, compiling, its examples passing,
// and the files generated from it current.
const DIR = 'phrasebook';
const { entries, errors, files } = readPhrasebookDir(DIR);

describe('shipped phrasebook', () => {
  test('has files, one per locale and category', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test('every file is valid: schema, sorted ids, no duplicate ids or patterns', () => {
    expect(errors.map(formatProblem)).toEqual([]);
  });

  test('compiles without problems', () => {
    let problems: string[] = [];
    try {
      compilePhrasebook(entries);
    } catch (err) {
      if (!(err instanceof PhrasebookError)) throw err;
      problems = err.problems.map(formatProblem);
    }
    expect(problems).toEqual([]);
  });

  test('every entry has examples, and they all pass', () => {
    expect(entries.filter((e) => !e.tests?.match.length).map((e) => e.id)).toEqual([]);
    const compiled = compilePhrasebook(entries, { skipInvalid: true });
    expect(runInlineTests(compiled, compiled.entries).map((f) => `${f.file}: ${f.entryId}: ${f.message}`)).toEqual([]);
  });

  test('no suggestion says what an entry flags ("say this" is never a "not that")', () => {
    const compiled = compilePhrasebook(entries, { skipInvalid: true });
    expect(suggestionConflicts(compiled.entries, compiled).map(conflictMessage)).toEqual([]);
  });

  test.each([
    ['rules.md', () => renderRulesMarkdown(entries)],
    ['phrasebook.schema.json', phrasebookJsonSchema],
  ])('%s is current (npx tsx scripts/gen-phrasebook.ts)', (name, render) => {
    const path = `${DIR}/${name}`;
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '(missing)').toBe(render());
  });
});
