import { describe, expect, test } from 'vitest';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
import { runInlineTests } from '../../lib/phrasebook/inline-tests';
import type { Entry } from '../../lib/phrasebook/schema';

const entry = (id: string, avoid: string[], tests: { match: string[]; noMatch: string[] }, more: Partial<Entry> = {}): Entry => ({
  id, avoid, prefer: ['better'], why: 'because', severity: 'warning', source: 'test', locale: 'en', category: 'blame', tests, ...more,
});

describe('runInlineTests', () => {
  test('passing examples give no failures, including ones a longer entry shadows and ones behind `when`', () => {
    const entries = [
      entry('short', ['sorry but'], { match: ["I'm sorry but no"], noMatch: ['sorry, I was wrong'] }),
      entry('long', ["I'm sorry but"], { match: ["I'm sorry but no"], noMatch: [] }),
      entry('angry', ['our policy'], { match: ['Our policy is clear'], noMatch: [] }, { when: { tones: ['angry'], types: ['active-hater'], channel: 'chat' } }),
    ];
    expect(runInlineTests(compilePhrasebook(entries), entries)).toEqual([]);
  });

  test('reports each failing example with entry, kind and text', () => {
    const entries = [
      entry('calm', ['calm down'], { match: ['please calm down', 'relax please'], noMatch: ['stay calm. Down the hall', 'calm down now'] }),
      entry('policy', ['our policy'], { match: ['calm down, then'], noMatch: [] }),
    ];
    const failures = runInlineTests(compilePhrasebook(entries), entries);
    expect(failures.map((f) => [f.entryId, f.kind, f.text])).toEqual([
      ['calm', 'match', 'relax please'],
      ['calm', 'noMatch', 'calm down now'],
      ['policy', 'match', 'calm down, then'],
    ]);
    expect(failures[1]!.message).toBe('should not be flagged but "calm down" is: "calm down now"');
    expect(failures[2]!.message).toBe('should be flagged but is not (found: calm): "calm down, then"');
  });
});
