import { describe, expect, test } from 'vitest';
import { prng } from '../../scripts/prng';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import { compilePhrasebook, type MatchContext } from '../../lib/phrasebook/engine';
import { sentenceCachedMatcher } from '../../lib/phrasebook/sentence-cache';
import { sentenceEnds } from '../../lib/phrasebook/tokenize';

const { entries } = readPhrasebookDir('phrasebook');
const phrasebook = compilePhrasebook(entries, { skipInvalid: true });
const examples = entries.flatMap((e) => [...(e.tests?.match ?? []), ...(e.tests?.noMatch ?? [])]);

const SEPARATORS = [' ', '\n', '\n\n', '. ', '! ', '? ', '… ', '。', '！', ', ', ' 3.5 ', '', ' (see 1.2) ', '\r\n', ' - '];

function draft(random: () => number, sentences: number): string {
  let out = '';
  for (let i = 0; i < sentences; i++) {
    out += examples[Math.floor(random() * examples.length)]!;
    out += SEPARATORS[Math.floor(random() * SEPARATORS.length)]!;
  }
  return out;
}

describe('sentence-cached matching finds what matching the whole draft finds', () => {
  const contexts: (MatchContext | undefined)[] = [
    undefined,
    { channel: 'chat', tones: ['angry', 'frustrated'], type: 'loyal-at-risk' },
    { channel: 'email', tones: ['abusive'], type: 'abusive' },
  ];

  test('200 drafts built from every entry’s examples (en, zh, sv) and mixed separators, in three contexts', () => {
    const random = prng(42);
    const cached = sentenceCachedMatcher(phrasebook);
    let matches = 0;
    for (let i = 0; i < 200; i++) {
      const text = draft(random, 2 + Math.floor(random() * 12));
      for (const ctx of contexts) {
        const whole = phrasebook.match(text, ctx);
        expect(cached.match(text, ctx), text).toEqual(whole);
        matches += whole.length;
      }
    }
    expect(matches).toBeGreaterThan(500); // the drafts do hold risky phrases
  });

  test('typing a sentence letter by letter: each state matches as the whole text would, with a warm cache', () => {
    const random = prng(7);
    const cached = sentenceCachedMatcher(phrasebook);
    const head = draft(random, 6);
    const typed = 'Unfortunately that is our policy, please calm down and I will get back to you soon.';
    for (let i = 0; i <= typed.length; i += 3) {
      const text = `${head}${typed.slice(0, i)}\n\n${head}`;
      expect(cached.match(text)).toEqual(phrasebook.match(text));
    }
  });

  test('a cached answer is not reused for another context', () => {
    const conditional = entries.find((e) => e.when?.tones && !e.when.channel && !e.when.types && e.tests?.match.length)!;
    const text = conditional.tests!.match[0]!;
    const cached = sentenceCachedMatcher(phrasebook);
    const fires = { tones: conditional.when!.tones! };
    expect(cached.match(text, fires).some((m) => m.entry.id === conditional.id)).toBe(true);
    expect(cached.match(text, { tones: [] }).some((m) => m.entry.id === conditional.id)).toBe(false);
  });

  test('sentenceEnds cuts after each break, not inside a decimal number', () => {
    expect(sentenceEnds('Hi. It costs 3.5 euros!\nOk')).toEqual([3, 23, 24, 26]);
    expect(sentenceEnds('')).toEqual([0]);
    expect(sentenceEnds('你好。谢谢')).toEqual([3, 5]);
  });
});
