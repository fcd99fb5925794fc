import { describe, expect, test } from 'vitest';
import { compilePhrasebook, type MatchContext } from '../../lib/phrasebook/engine';
import { PhrasebookError } from '../../lib/phrasebook/errors';
import { parsePhrasebookFiles } from '../../lib/phrasebook/load';
import type { Entry, EntryInput } from '../../lib/phrasebook/schema';

function entry(id: string, avoid: string[], more: Partial<Entry> = {}): Entry {
  return { id, avoid, prefer: ['Say it better'], why: 'why not', severity: 'warning', source: 'test', locale: 'en', category: 'blame', ...more };
}

const found = (entries: Entry[], text: string, ctx?: MatchContext) =>
  compilePhrasebook(entries)
    .match(text, ctx)
    .map((m) => `${m.entry.id}:${m.text}`);

describe('pattern features in running text', () => {
  test.each([
    ['a phrase, case folded', ['calm down'], 'Please CALM Down now.', ['e:CALM Down']],
    ['a phrase needs its words in order', ['calm down'], 'Down, calm.', []],
    ['a phrase needs whole words', ['calm down'], 'calmly downgrade', []],
    ['alternatives', ['(our|the) policy says'], 'Well, the policy says so.', ['e:the policy says']],
    ['optional word present', ['I [really] understand'], 'I really understand.', ['e:I really understand']],
    ['optional word absent', ['I [really] understand'], 'I understand.', ['e:I understand']],
    ['wildcard takes exactly one word', ['you * wrong'], 'you got wrong / you got it wrong', ['e:you got wrong']],
    ['gap of none', ['policy ...3 says'], 'policy says', ['e:policy says']],
    ['gap of three', ['policy ...3 says'], 'policy very clearly also says', ['e:policy very clearly also says']],
    ['gap of four is too many', ['policy ...3 says'], 'policy a b c d says', []],
    ['gap takes the fewest words', ['sorry ...3 but'], 'sorry but but', ['e:sorry but']],
    ['gap before the anchor', ['I ...2 can not help'], 'I really just cannot help', ['e:I really just cannot help']],
    ['no match across sentences', ['sorry ...3 but'], 'I am sorry. But we', []],
    ['phrase split by a sentence end', ['calm down'], 'Stay calm. Down the road', []],
    ['contraction in the text, full form in the pattern', ['do not worry'], 'Don’t worry!', ['e:Don’t worry']],
    ['full form in the text, contraction in the pattern', ["don't worry"], 'Do not worry.', ['e:Do not worry']],
    ['apostrophe-less contraction', ["can't help"], 'i cant help it', ['e:cant help']],
    ['cannot = can not', ["can't help"], 'We cannot help.', ['e:cannot help']],
    ['a match does not end inside a contraction', ['I can'], "I can't", []],
    ['a match does not start inside a contraction', ['not sure at all'], "Don't sure at all", []],
    ['diacritics fold', ['cafe policy'], 'The Café policy', ['e:Café policy']],
    ['width folds', ['calm down'], 'ｃａｌｍ ｄｏｗｎ', ['e:ｃａｌｍ ｄｏｗｎ']],
    ['zero-width characters inside words', ['calm down'], 'cal\u200bm do\u00adwn', ['e:cal\u200bm do\u00adwn']],
    ['bidi marks around words', ['calm down'], '\u202bcalm\u200f down\u202c', ['e:calm\u200f down']],
    ['emoji next to words', ['calm down'], '😀calm down😡', ['e:calm down']],
    ['Chinese inside running text', ['不知道'], '我不知道怎么办', ['e:不知道']],
    ['Chinese with a gap, counted in characters', ['这是 ...3 规定'], '这是公司的规定', ['e:这是公司的规定']],
    ['Chinese across a full stop', ['知道了'], '我知。道了', []],
    ['Swedish with and without diacritics', ['det är inte mitt fel'], 'Det ar inte mitt fel.', ['e:Det ar inte mitt fel']],
    ['mixed scripts', ['iphone 坏了'], '你的iPhone坏了吗', ['e:iPhone坏了']],
  ])('%s', (_, avoid, text, expected) => {
    expect(found([entry('e', avoid)], text)).toEqual(expected);
  });
});

describe('suggestions', () => {
  const prefer = (prefer: string[], avoid = ['you {verb} it wrong']) => [entry('e', avoid, { prefer })];
  test.each([
    ['filled and capitalised at a sentence start', prefer(['let us {verb} it together']), 'You did it wrong.', ['Let us did it together']],
    ['lower-cased mid-sentence', prefer(['Let us {verb} it together']), 'Sorry, you set it wrong', ['let us set it together']],
    ['capitalised when the match starts with a capital', prefer(['let me check']), 'Well, You did it wrong', ['Let me check']],
    ['a match starting with "I" mid-sentence is not a sentence start', prefer(['let me find out'], ['i (do not|dont) know']), "Honestly, I don't know", ['let me find out']],
    ['an acronym mid-sentence is not a sentence start', prefer(['By tomorrow at 5 pm'], ['asap']), 'I will fix it ASAP', ['by tomorrow at 5 pm']],
    ['"I" stays capital mid-sentence', prefer(["I'll help you {verb} it"]), 'ok so you did it wrong', ["I'll help you did it"]],
    ['acronyms stay', prefer(['FAQ: how to {verb} it']), 'see, you read it wrong', ['FAQ: how to read it']],
    ['every alternative adapted', prefer(['we can {verb} it again', 'Try to {verb} it once more']), 'You ran it wrong', ['We can ran it again', 'Try to ran it once more']],
    ['a capture keeps its original spelling', prefer(['{verb} it again'], ['you {verb} it wrong']), 'so you INSTALLED it wrong', ['INSTALLED it again']],
    ['an optional capture that is absent leaves no gap', prefer(['Hi {name}, sorry'], ['sorry [{name}] but']), 'so sorry but no', ['hi, sorry']],
  ])('%s', (_, entries, text, expected) => {
    expect(compilePhrasebook(entries).match(text)[0]?.suggestions).toEqual(expected);
  });
});

describe('offsets', () => {
  test('start and end cut the match out of the original text', () => {
    const text = '\u200f😀 Hi Zoë!\n\nI\u2019m sorry, but our POLICY clearly says no. 我们不知道。';
    const pb = compilePhrasebook([entry('a', ["I'm sorry but"]), entry('b', ['policy ...2 says']), entry('c', ['不知道'])]);
    const ms = pb.match(text);
    expect(ms.map((m) => [m.entry.id, m.text, text.slice(m.start, m.end)])).toEqual([
      ['a', 'I\u2019m sorry, but', 'I\u2019m sorry, but'],
      ['b', 'POLICY clearly says', 'POLICY clearly says'],
      ['c', '不知道', '不知道'],
    ]);
  });
});

describe('overlaps', () => {
  test.each([
    ['the longest span wins', [entry('short', ['sorry but']), entry('long', ["I'm sorry but"])], "I'm sorry but no", ["long:I'm sorry but"]],
    [
      'equal spans: the more severe wins',
      [entry('a-hint', ['calm down'], { severity: 'hint' }), entry('b-risk', ['calm *'], { severity: 'risk' })],
      'calm down',
      ['b-risk:calm down'],
    ],
    ['equal spans and severity: id order', [entry('b', ['calm down']), entry('a', ['calm *'])], 'calm down', ['a:calm down']],
    ['disjoint matches both kept, sorted by start', [entry('z', ['calm down']), entry('y', ['our policy'])], 'Calm down, our policy is clear', ['z:Calm down', 'y:our policy']],
    ['a partly overlapping shorter match is dropped', [entry('a', ['sorry but our']), entry('b', ['our policy says'])], 'sorry but our policy says', ['b:our policy says']],
    ['repeats are all found', [entry('a', ['calm down'])], 'calm down calm down calm down', ['a:calm down', 'a:calm down', 'a:calm down']],
  ])('%s', (_, entries, text, expected) => {
    expect(found(entries, text)).toEqual(expected);
  });

  test('matchAll keeps what match resolves away', () => {
    const pb = compilePhrasebook([entry('short', ['sorry but']), entry('long', ["I'm sorry but"])]);
    expect(pb.matchAll("I'm sorry but").map((m) => m.entry.id).sort()).toEqual(['long', 'short']);
  });
});

describe('when', () => {
  const entries = [
    entry('always', ['calm down']),
    entry('angry-only', ['our policy'], { when: { tones: ['angry', 'frustrated'] } }),
    entry('email-only', ['kind regards'], { when: { channel: 'email' } }),
    entry('critic-in-chat', ['as I said'], { when: { types: ['extreme-critic'], channel: 'chat' } }),
    entry('swedish', ['lugna dig'], { locale: 'sv' }),
  ];
  const text = 'calm down, our policy, kind regards, as I said, lugna dig';
  test.each<[string, MatchContext | undefined, string[]]>([
    ['no context: only entries without when', undefined, ['always', 'swedish']],
    ['tone matches one of the listed', { tones: ['neutral', 'frustrated'] }, ['always', 'angry-only', 'swedish']],
    ['tone not listed', { tones: ['polite'] }, ['always', 'swedish']],
    ['channel', { channel: 'email' }, ['always', 'email-only', 'swedish']],
    ['type and channel both needed', { type: 'extreme-critic', channel: 'email' }, ['always', 'email-only', 'swedish']],
    ['type and channel both met', { type: 'extreme-critic', channel: 'chat' }, ['always', 'critic-in-chat', 'swedish']],
    ['locales filter', { locales: ['sv'] }, ['swedish']],
  ])('%s', (_, ctx, expected) => {
    expect(compilePhrasebook(entries).match(text, ctx).map((m) => m.entry.id)).toEqual(expected);
  });
});

describe('unless', () => {
  const vague = entry('vague', ['get back to you soon'], {
    unless: ['by (friday|tomorrow)', 'within * (hours|days)', 'by * pm', 'today ...3 at'],
  });
  const other = entry('other', ['calm down']);
  test.each([
    ['no time: it fires', 'We will get back to you soon.', ['vague:get back to you soon']],
    ['a time after it in the sentence', 'We will get back to you soon, by Friday at the latest.', []],
    ['a time before it in the sentence', 'By tomorrow, we will get back to you soon.', []],
    ['a wildcard in the excuse', 'I will get back to you soon, within 24 hours.', []],
    ['a gap in the excuse', 'Today, before we close at 5, I will get back to you soon.', []],
    ['a time in another sentence does not excuse it', 'Our shop shuts by Friday. We will get back to you soon.', ['vague:get back to you soon']],
    ['the excuse is per entry', 'Please calm down, we will get back to you soon by Friday.', ['other:calm down']],
    ['two sentences, one excused', 'We will get back to you soon. We will get back to you soon by 3 pm.', ['vague:get back to you soon']],
  ])('%s', (_, text, expected) => {
    expect(found([vague, other], text)).toEqual(expected);
  });

  test('matchAll (what inline tests check) honours it too', () => {
    const pb = compilePhrasebook([vague]);
    expect(pb.matchAll('We will get back to you soon by Friday.')).toEqual([]);
    expect(pb.matchAll('We will get back to you soon.').map((m) => m.text)).toEqual(['get back to you soon']);
  });

  test.each([
    ['a capture', ['by {day}'], /`unless` pattern "by \{day\}" captures a word/],
    ['no fixed word', ['* *'], /`unless` pattern "\* \*" has no fixed word/],
    ['a bad pattern', ['(by friday'], /`unless` pattern "\(by friday" cannot compile/],
  ])('rejects %s in `unless`, naming the entry', (_, unless, message) => {
    expect(() => compilePhrasebook([entry('bad-unless', ['get back to you soon'], { unless })])).toThrow(message);
  });

  describe('@time, the built-in excuse: any time the checklist counts (lib/stated-time.ts)', () => {
    const soon = (locale: 'en' | 'sv' | 'zh', avoid: string) => entry(`soon-${locale}`, [avoid], { locale, unless: ['@time'] });
    test.each<[string, 'en' | 'sv' | 'zh', string, string, boolean]>([
      ['en, no time', 'en', 'get back to you soon', 'We will get back to you soon.', true],
      ['en, a part of the day', 'en', 'get back to you soon', 'We will get back to you soon, this afternoon.', false],
      ['en, a clock time', 'en', 'get back to you soon', 'I will get back to you soon, at 4:30.', false],
      ['en, a time in the next sentence', 'en', 'get back to you soon', 'We will get back to you soon. The shop opens at 9 am.', true],
      ['sv, no time', 'sv', 'så snart som möjligt', 'Vi åtgärdar det så snart som möjligt.', true],
      ['sv, a weekday', 'sv', 'så snart som möjligt', 'Vi åtgärdar det så snart som möjligt, senast på fredag.', false],
      ['zh, no time', 'zh', '尽快', '我们会尽快处理。', true],
      ['zh, an hour of the day', 'zh', '尽快', '我们会尽快处理，下午三点前回复您。', false],
    ])('%s', (_, locale, avoid, text, fires) => {
      expect(compilePhrasebook([soon(locale, avoid)]).match(text).length > 0).toBe(fires);
    });

    test('it may stand beside patterns of the entry', () => {
      const both = entry('both', ['get back to you soon'], { unless: ['@time', 'once (it|the parcel) (arrives|is back)'] });
      expect(found([both], 'I will get back to you soon, once the parcel is back.')).toEqual([]);
      expect(found([both], 'I will get back to you soon, by noon.')).toEqual([]);
      expect(found([both], 'I will get back to you soon.')).toEqual(['both:get back to you soon']);
    });

    test('any other @name is refused', () => {
      expect(() => compilePhrasebook([entry('bad-builtin', ['get back to you soon'], { unless: ['@date'] })])).toThrow(/"@date" is no built-in; the one there is, @time/);
    });
  });

  test('a common word alone is fine as an excuse (it only narrows the entry)', () => {
    expect(found([entry('e', ['get back to you soon'], { unless: ['today'] })], 'I will get back to you soon today.')).toEqual([]);
  });
});

describe('compile errors', () => {
  const problems = (entries: Entry[]) => {
    try {
      compilePhrasebook(entries);
    } catch (err) {
      expect(err).toBeInstanceOf(PhrasebookError);
      return (err as PhrasebookError).problems.map((p) => `${p.file ?? '-'}|${p.entryId}|${p.message}`);
    }
    throw new Error('expected a PhrasebookError');
  };

  test.each([
    ['a common word alone', ['the'], /too broad: .*"the", a very common word/],
    ['a common word with wildcards', ['you * *'], /too broad: .*"you"/],
    ['a single Chinese character', ['我'], /too broad: .*single character "我"/],
    ['a single Chinese character with a gap', ['我 ...2 错'], /too broad/],
    ['a very short word', ['ok'], /too broad: .*"ok", too short/],
    ['a bad pattern', ['(our policy'], /pattern "\(our policy" cannot compile: "\(" is never closed/],
    ['a gap that is too wide', ['policy ...9 says'], /limit is 6/],
  ])('rejects %s, naming the entry', (_, avoid, message) => {
    const [p] = problems([entry('bad-one', avoid)]);
    expect(p).toMatch(/^-\|bad-one\|/);
    expect(p).toMatch(message);
  });

  test('a single uncommon word is not too broad', () => {
    expect(found([entry('e', ['unfortunately'])], 'Unfortunately not')).toEqual(['e:Unfortunately']);
  });

  test('every problem is listed, not only the first', () => {
    const list = problems([
      entry('a', ['the']),
      entry('b', ['fine words'], { prefer: [] }),
      entry('c', ['calm down'], { prefer: ['{who} should'] }),
      entry('d', ['calm down']),
      entry('e', ["do not worry", "don't worry"]),
      entry('f', []),
      entry('d', ['other words']),
    ]);
    expect(list).toEqual([
      expect.stringMatching(/^-\|a\|pattern "the" is too broad/),
      expect.stringMatching(/^-\|b\|has no alternatives/),
      expect.stringMatching(/^-\|c\|`prefer` uses \{who\} but no pattern captures it/),
      '-|d|pattern "calm down" matches the same words as pattern "calm down" of entry c',
      '-|d|the id is used by another entry too',
      expect.stringMatching(/^-\|e\|pattern "don't worry" matches the same words as pattern "do not worry"$/),
      expect.stringMatching(/^-\|f\|has no pattern to avoid/),
    ]);
  });

  test('the same pattern in two locales is not a duplicate', () => {
    const pb = compilePhrasebook([entry('en-haha', ['haha']), entry('sv-haha', ['haha'], { locale: 'sv' })]);
    expect(pb.match('haha ok').length).toBeGreaterThan(0);
  });

  test('errors name the file the entry was loaded from', () => {
    const { entries, errors } = parsePhrasebookFiles([
      { name: 'phrasebook/en/blame.json', data: { locale: 'en', category: 'blame', entries: [{ id: 'too-broad', avoid: ['you'], prefer: ['x'], why: 'y', source: 's' } satisfies EntryInput] } },
    ]);
    expect(errors).toEqual([]);
    expect(problems(entries)).toEqual(['phrasebook/en/blame.json|too-broad|pattern "you" is too broad: its longest fixed part is "you", a very common word; add the words around it']);
  });

  test('skipInvalid leaves broken entries out and keeps the rest working', () => {
    const pb = compilePhrasebook([entry('bad', ['the']), entry('good', ['calm down'])], { skipInvalid: true });
    expect(pb.size).toBe(1);
    expect(pb.problems.map((p) => p.entryId)).toEqual(['bad']);
    expect(pb.match('calm down the').map((m) => m.entry.id)).toEqual(['good']);
  });
});

describe('hostile drafts', () => {
  const pb = compilePhrasebook([
    entry('calm', ['calm down']),
    entry('policy', ['policy ...6 says ...6 no']),
    entry('gaps', ['w1w ...6 w2w ...6 w3w ...6 w4w ...6 w5w ...6 w6w ...6 w7w']),
    entry('zh', ['不知道']),
  ]);

  test('a 1 MB draft completes with every finding', () => {
    const unit = 'Please calm down 😀 \u200f我不知道\u200b. policy policy policy says says no. w1w w2w w1w w2w w3w ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const ms = pb.match(text);
    const copies = Math.ceil(1_000_000 / unit.length);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    expect(ms.filter((m) => m.entry.id === 'calm')).toHaveLength(copies);
    expect(ms.filter((m) => m.entry.id === 'zh')).toHaveLength(copies);
    expect(ms.filter((m) => m.entry.id === 'policy')).toHaveLength(copies);
    expect(ms.filter((m) => m.entry.id === 'gaps')).toHaveLength(0);
    for (const m of ms.slice(-4)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test.each([
    ['one repeated anchor word', 'w1w '],
    ['every word but the last, over and over', 'w1w w2w w3w w4w w5w w6w '],
    ['every word twice, no sentence ends', 'w1w w1w w2w w2w w3w w3w w4w w4w w5w w5w w6w w6w x '],
  ])('a 1 MB draft of %s against a pattern of many gaps completes', (_, unit) => {
    expect(pb.match(unit.repeat(Math.ceil(1_000_000 / unit.length)))).toEqual([]);
  });

  test('a 1 MB draft with no spaces at all', () => {
    expect(pb.match('x'.repeat(1_000_000))).toEqual([]);
    expect(pb.match('不'.repeat(500_000) + '知道')).toHaveLength(1);
  });

  test.each([
    ['empty', ''],
    ['only spaces and marks', ' \u200b\u200f\u202e \n\n '],
    ['lone surrogates', '\ud800calm down\udc00'],
    ['only emoji', '😀😡👨‍👩‍👧‍👦🏳️‍🌈'],
  ])('%s text does not throw', (_, text) => {
    expect(() => pb.match(text)).not.toThrow();
  });

  test('lone surrogates around words still match', () => {
    expect(pb.match('\ud800calm down\udc00').map((m) => m.text)).toEqual(['calm down']);
  });
});

describe('compiled phrasebook', () => {
  test('size counts the compiled entries and matching is repeatable', () => {
    const pb = compilePhrasebook([entry('b', ['calm down']), entry('a', ['our policy'])]);
    expect(pb.size).toBe(2);
    expect(pb.entries.map((e) => e.id)).toEqual(['a', 'b']);
    const first = pb.match('calm down, our policy');
    expect(pb.match('nothing here')).toEqual([]);
    expect(pb.match('calm down, our policy')).toEqual(first);
  });

  test('an empty phrasebook compiles and finds nothing', () => {
    expect(compilePhrasebook([]).match('calm down')).toEqual([]);
  });
});
