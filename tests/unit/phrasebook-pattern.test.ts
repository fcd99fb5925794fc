import { describe, expect, test } from 'vitest';
import { compilePattern, MAX_VARIANTS, PatternError, sequenceKey } from '../../lib/phrasebook/pattern';

const keys = (p: string) => compilePattern(p).map(sequenceKey);

describe('compilePattern', () => {
  test.each([
    ['words are folded', 'Calm DOWN', ['calm down']],
    ['contractions expand', "I don’t know", ['i do not know']],
    ['alternatives', '(our|the) policy', ['our policy', 'the policy']],
    ['multi-word alternatives', '(as I said|like I told you) before', ['as i said before', 'like i told you before']],
    ['optional words', 'I [really] understand', ['i really understand', 'i understand']],
    ['optional alternatives', 'sorry [(but|however)] no', ['sorry but no', 'sorry however no', 'sorry no']],
    ['wildcard', 'you * wrong', ['you * wrong']],
    ['capture is one word', 'you {verb} it wrong', ['you * it wrong']],
    ['gap', 'policy ...3 says', ['policy ...3 says']],
    ['unicode ellipsis gap', 'policy \u20263 says', ['policy ...3 says']],
    ['neighbouring gaps add up', 'policy ...2 [clearly] ...2 says', ['policy ...2 clearly ...2 says', 'policy ...4 says']],
    ['a gap left at an edge by an optional is dropped', '[really] ...2 sorry but', ['really ...2 sorry but', 'sorry but']],
    ['Chinese splits into characters', '请稍等', ['请 稍 等']],
    ['trailing sentence punctuation is ignored', 'calm down!', ['calm down']],
    ['forms that expand to the same words are listed once', "(don't|do not) know", ['do not know']],
  ])('%s', (_, pattern, expected) => {
    expect(keys(pattern)).toEqual(expected);
  });

  test.each([
    ['unclosed group', '(our|the policy', /never closed/],
    ['stray closer', 'policy)', /unexpected "\)"/],
    ['empty alternative', '(our|) policy', /alternative is empty/],
    ['empty optional', 'sorry [] but', /empty/],
    ['gap without a number', 'policy ... says', /gap is written \.\.\.N/],
    ['gap too wide', 'policy ...7 says', /too wide; the limit is 6/],
    ['gap at the start', '...2 policy says', /gap at the start or end/],
    ['bad capture name', 'you {Verb} it', /capture is written \{name\}/],
    ['unclosed capture', 'you {verb it', /capture is written/],
    ['only wildcards', '* {x}', /no fixed words/],
    ['everything optional', '[calm down]', /empty text/],
    ['same capture twice', '{a} and {a}', /same \{name\} twice/],
    ['two sentences', 'sorry. but', /span two sentences/],
    ['too many variants', '(a1|a2|a3|a4) (b1|b2|b3|b4) (c1|c2|c3|c4) (d1|d2)', new RegExp(`more than ${MAX_VARIANTS} variants`)],
  ])('rejects %s', (_, pattern, message) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern)).toThrow(message);
  });

  test('nested groups expand in order', () => {
    expect(keys('((very|so) sorry|apologies) for')).toEqual(['very sorry for', 'so sorry for', 'apologies for']);
  });
});
