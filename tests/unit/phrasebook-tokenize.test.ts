import { describe, expect, test } from 'vitest';
import { IS_CJK, NOT_FIRST, NOT_LAST, SENTENCE_START, tokenize } from '../../lib/phrasebook/tokenize';

/** Each token as "word@start-end", with the original slice checked against the offsets. */
function spans(text: string) {
  return tokenize(text).map((t) => `${t.word}@${t.start}-${t.end}`);
}

describe('tokenize', () => {
  test.each([
    ['plain words', 'Calm down, sir.', ['calm@0-4', 'down@5-9', 'sir@11-14']],
    ['case and diacritics', 'ZOË Café NAÏVE', ['zoe@0-3', 'cafe@4-8', 'naive@9-14']],
    ['decomposed diacritic stays inside its word', 'Cafe\u0301 ok', ['cafe@0-5', 'ok@6-8']],
    ['full-width letters', 'ｓｏｒｒｙ ＯＫ', ['sorry@0-5', 'ok@6-8']],
    ['straight apostrophe contraction', "don't", ['do@0-5', 'not@0-5']],
    ['curly apostrophe contraction', 'don\u2019t', ['do@0-5', 'not@0-5']],
    ['modifier-letter apostrophe', 'can\u02bct', ['can@0-5', 'not@0-5']],
    ['apostrophe-less contraction', 'dont cant', ['do@0-4', 'not@0-4', 'can@5-9', 'not@5-9']],
    ['cannot and won\u2019t', 'cannot won\u2019t', ['can@0-6', 'not@0-6', 'will@7-12', 'not@7-12']],
    ['pronoun contractions', "I'm you're it's that's we'll I've", ['i@0-3', 'am@0-3', 'you@4-10', 'are@4-10', 'it@11-15', 'is@11-15', 'that@16-22', 'is@16-22', 'we@23-28', 'will@23-28', 'i@29-33', 'have@29-33']],
    ['possessive stays one word', "customer's fault", ["customer's@0-10", 'fault@11-16']],
    ['quotes at word edges are not apostrophes', '\u2018sorry\u2019 customers\'', ['sorry@1-6', 'customers@8-17']],
    ['zero-width space inside a word', 'sor\u200bry', ['sorry@0-6']],
    ['soft hyphen and word joiner inside a word', 'ref\u00adund re\u2060turn', ['refund@0-7', 'return@8-15']],
    ['bidi marks around and inside words', '\u200fsorry\u200e \u202bpol\u200eicy\u202c', ['sorry@1-6', 'policy@9-16']],
    ['emoji between words, with variation selector and ZWJ', 'ok\u{1f600}thanks \u2764\ufe0f \u{1f468}\u200d\u{1f469} bye', ['ok@0-2', 'thanks@4-10', 'bye@20-23']],
    ['Chinese is one token per character', '请您稍等', ['请@0-1', '您@1-2', '稍@2-3', '等@3-4']],
    ['mixed scripts', '我用iPhone下单', ['我@0-1', '用@1-2', 'iphone@2-8', '下@8-9', '单@9-10']],
    ['astral Han character', '\u{20bb7}好', ['\u{20bb7}@0-2', '好@2-3']],
    ['Cyrillic and Swedish', 'Привет, tyvärr', ['привет@0-6', 'tyvarr@8-14']],
    ['hyphen splits', 'follow-up', ['follow@0-6', 'up@7-9']],
    ['decimal point is not a sentence end', '3.5 days', ['3@0-1', '5@2-3', 'days@4-8']],
  ])('%s', (_, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  test('offsets always point at the original characters', () => {
    const text = '\u200fHi Zoë,\u200b I\u2019m sorry 😀 我们很抱歉 — ｄｏｎ’ｔ worry.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Hi', 'Zoë', 'I\u2019m', 'I\u2019m', 'sorry', '我', '们', '很', '抱', '歉', 'ｄｏｎ’ｔ', 'ｄｏｎ’ｔ', 'worry',
    ]);
  });

  test('flags mark sentence starts, contraction parts and CJK', () => {
    const flags = tokenize("Fine. Don't! 好").map((t) => t.flags);
    expect(flags).toEqual([SENTENCE_START, SENTENCE_START | NOT_LAST, NOT_FIRST, SENTENCE_START | IS_CJK]);
  });

  test.each([
    ['newline', 'one\ntwo'],
    ['question mark', 'one? two'],
    ['Chinese full stop', '一。二'],
    ['ellipsis character', 'one\u2026 two'],
  ])('%s ends a sentence', (_, text) => {
    expect(tokenize(text).map((t) => (t.flags & SENTENCE_START) !== 0)).toEqual([true, true]);
  });
});
