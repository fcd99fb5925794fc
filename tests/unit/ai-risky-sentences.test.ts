import { describe, expect, test } from 'vitest';
import { cueKey, riskyAmong, riskySentences, sentenceAt, sentencesOf } from '../../lib/ai/risky-sentences';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
import { toFindings } from '../../lib/findings';

const cuesOf = (draft: string) => riskySentences(draft).map((s) => [s.text, s.locale, s.cues.map((c) => c.id)]);

describe('risky sentences', () => {
  test.each([
    // en
    ['Thanks for writing. You should have ordered before noon.', [['You should have ordered before noon.', 'en', ['blame']]]],
    ['Unfortunately we cannot offer a refund on sale items.', [['Unfortunately we cannot offer a refund on sale items.', 'en', ['refusal', 'unfortunately']]]],
    ['We will look into it as soon as possible.', [['We will look into it as soon as possible.', 'en', ['vague-timing']]]],
    ['As I already explained, the box was intact.', [['As I already explained, the box was intact.', 'en', ['as-i-said']]]],
    ['Please do not email us again about this.', [['Please do not email us again about this.', 'en', ['negative-imperative']]]],
    ['That is beyond our control.', [['That is beyond our control.', 'en', ['not-our-fault']]]],
    ['I am sorry the parcel arrived crushed. I will send a new one by Friday.', []],
    // A vague word beside a stated time is fine, as the timing entries' @time and the checklist agree.
    ['We will get back to you shortly, within 2 hours.', []],
    ['We will fix it as soon as possible, and refuse nothing else.', [['We will fix it as soon as possible, and refuse nothing else.', 'en', ['vague-timing']]]],
    // sv
    ['Hej! Du borde ha läst villkoren.', [['Du borde ha läst villkoren.', 'sv', ['blame']]]],
    ['Tyvärr kan vi inte återbetala beloppet.', [['Tyvärr kan vi inte återbetala beloppet.', 'sv', ['refusal', 'unfortunately']]]],
    ['Vi återkommer så snart som möjligt.', [['Vi återkommer så snart som möjligt.', 'sv', ['vague-timing']]]],
    ['Tack för ditt tålamod, jag skickar ett nytt paket i dag.', []],
    ['Vi återkommer så snart som möjligt, senast på fredag.', []],
    // zh
    ['您好。这个你应该早点告诉我们。', [['这个你应该早点告诉我们。', 'zh', ['blame']]]],
    ['很遗憾，我们无法退款。', [['很遗憾，我们无法退款。', 'zh', ['refusal', 'unfortunately']]]],
    ['我们会尽快处理。', [['我们会尽快处理。', 'zh', ['vague-timing']]]],
    ['非常抱歉给您带来不便，我今天下午五点前给您回电。', []],
    ['我们会尽快处理，24小时内给您答复。', []],
  ])('%s', (draft, expected) => expect(cuesOf(draft)).toEqual(expected));

  test('offsets point at the sentence in the draft', () => {
    const draft = 'Hi Dev.\n  Unfortunately the queue is long!  Bye.';
    const [s] = riskySentences(draft);
    expect(draft.slice(s!.start, s!.end)).toBe('Unfortunately the queue is long!');
  });

  test('a sentence a phrasebook finding covers is left to the phrasebook; an AI finding does not count', () => {
    const draft = 'Unfortunately that is our policy. Unfortunately the parcel is lost.';
    const phrasebook = compilePhrasebook(readPhrasebookDir('phrasebook').entries);
    const findings = toFindings(phrasebook.match(draft));
    expect(findings.length).toBeGreaterThan(0);
    expect(riskySentences(draft, findings).map((s) => s.text)).toEqual(['Unfortunately the parcel is lost.']);
    const ai = { start: 34, end: 67, source: 'ai' as const };
    expect(riskySentences(draft, [ai]).map((s) => s.text)).toEqual(['Unfortunately that is our policy.', 'Unfortunately the parcel is lost.']);
  });

  test.each([
    ['One. Two? Three!', ['One.', 'Two?', 'Three!']],
    ['Wait... what?! Ok', ['Wait...', 'what?!', 'Ok']],
    ['Version 4.5 is out. Yes', ['Version 4.5 is out.', 'Yes']],
    ['第一句。第二句！', ['第一句。', '第二句！']],
    ['line one\n\nline two', ['line one', 'line two']],
    ['', []],
  ])('sentencesOf(%j)', (draft, expected) => expect(sentencesOf(draft).map((s) => s.text)).toEqual(expected));
});

describe('sentenceAt', () => {
  const draft = 'Hello Dev. The account is unlocked now.  Let me know!';
  const sentences = sentencesOf(draft);
  const at = (offset: number) => sentenceAt(sentences, offset)?.text;

  test('the sentence the caret is in, from its first character to just after its last', () => {
    expect(at(0)).toBe('Hello Dev.');
    expect(at(draft.indexOf('account'))).toBe('The account is unlocked now.');
    expect(at(draft.indexOf('now.') + 4)).toBe('The account is unlocked now.');
    expect(at(draft.length)).toBe('Let me know!');
  });

  test('between two sentences, the one just written; before any, none', () => {
    expect(at(draft.indexOf('now.') + 5)).toBe('The account is unlocked now.');
    expect(sentenceAt(sentencesOf('  Hi.'), 0)).toBeUndefined();
    expect(sentenceAt([], 3)).toBeUndefined();
  });
});


test('a cue switched off in the settings offers nothing; a sentence another cue finds is still offered, with that cue only', () => {
  const draft = 'Unfortunately the parcel is lost. Unfortunately, as I said, we cannot refund it.';
  const sentences = sentencesOf(draft);
  const on = riskyAmong(sentences);
  expect(on.map((s) => s.cues.map((c) => c.id))).toEqual([['unfortunately'], expect.arrayContaining(['unfortunately', 'as-i-said', 'refusal'])]);
  const off = riskyAmong(sentences, [], new Set([cueKey('en', 'unfortunately')]));
  expect(off).toHaveLength(1);
  expect(off[0]!.text).toContain('as I said');
  expect(off[0]!.cues.map((c) => c.id)).not.toContain('unfortunately');
});
