import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { checklist, statedTime, UNDONE_BY, type ChecklistId } from '../../lib/checklist';
import { toFindings } from '../../lib/findings';
import { phrasebook } from '../support/shipped-phrasebook';

const done = (draft: string) => checklist(draft).filter((i) => i.done).map((i) => i.id).sort();

describe('reply checklist', () => {
  test.each<[string, string, ChecklistId[]]>([
    ['empty draft ticks nothing', '', []],
    [
      'a full English reply ticks all six',
      "Thanks for letting me know. That must be frustrating, and I'm sorry. Would you prefer a refund? Alternatively we can send a new one. I'll confirm within 2 hours.",
      ['acknowledge', 'apologise', 'ask', 'empathise', 'next-step', 'options'],
    ],
    ['a promise without a time is not a next step', "I'll look into it and get back to you.", []],
    ['a promise with a time is', 'We will call you back by 3 pm.', ['next-step']],
    ['a part of the day is a time', "I'll call you back this afternoon.", ['next-step']],
    ['a vague time is not', "We'll get back to you soon.", []],
    ['Swedish, a weekday', 'Jag ska ringa dig på fredag.', ['next-step']],
    ['Chinese, an hour of the day', '我们会在下午三点前给您回复。', ['next-step']],
    ['an apology that blames is not ticked', "Sorry, but it's not my fault, the courier lost it.", []],
    [
      'Chinese',
      '我理解您的着急，非常抱歉给您带来了不便。请问您方便提供订单号吗？我们会在2小时内给您回复。',
      ['acknowledge', 'apologise', 'ask', 'empathise', 'next-step'],
    ],
    [
      'Swedish',
      'Tack för att du hörde av dig, det låter frustrerande. Jag ber om ursäkt. Vi kan erbjuda en ny leverans. Jag ska ringa dig inom 24 timmar.',
      ['acknowledge', 'apologise', 'empathise', 'next-step', 'options'],
    ],
  ])('%s', (_name, draft, expected) => {
    expect(done(draft)).toEqual(expected);
  });

  test('evidence points at the words that ticked an item', () => {
    const draft = 'Hello. I can imagine how annoying this is.';
    const item = checklist(draft).find((i) => i.id === 'empathise')!;
    expect(item.evidence).toEqual({ start: 7, end: 20, text: 'I can imagine' });
    expect(draft.slice(item.evidence!.start, item.evidence!.end)).toBe(item.evidence!.text);
  });

  test('a blaming apology says why it is not ticked', () => {
    const item = checklist('Sorry, that is your fault.').find((i) => i.id === 'apologise')!;
    expect(item.done).toBe(false);
    expect(item.note).toContain('your fault');
  });

  test('a 1 MB draft is read up to its head and returns at once', () => {
    const items = checklist('I understand. '.padEnd(1_000_000, 'x '));
    expect(items.find((i) => i.id === 'acknowledge')?.done).toBe(true);
  });
});

// The timing entries' `unless` patterns (phrasebook data) say what excuses "we'll get back to you
// soon"; the checklist's time finder (code) says when a promise has a time. Both must count the
// same things as a time, or the agent is told "fine" by one and "say when" by the other.
describe('the checklist and the timing entries agree on what a time is', () => {
  /** Every phrase a pattern of the phrasebook language stands for, with '*' as the number 4. Not folded. */
  function phrases(pattern: string): string[] {
    let i = 0;
    const seq = (closer: string): string[][] => {
      let out: string[][] = [[]];
      const add = (options: string[][]) => (out = out.flatMap((head) => options.map((tail) => [...head, ...tail])));
      while (i < pattern.length && !closer.includes(pattern[i]!)) {
        const c = pattern[i]!;
        if (c === '(' || c === '[') {
          i++;
          const options: string[][] = [];
          for (;;) {
            options.push(...seq(c === '(' ? '|)' : '|]'));
            if (pattern[i++] !== '|') break;
          }
          add(c === '[' ? [[], ...options] : options);
        } else if (c === ' ') i++;
        else {
          const word = /^[^\s()[\]|]+/.exec(pattern.slice(i))![0];
          i += word.length;
          add([[word === '*' ? '4' : word]]);
        }
      }
      return out;
    };
    return seq('').map((words) => words.join(' ').replace(/ (?=(?:00|15|30|45)$)/, ':'));
  }

  test.each(['en', 'sv', 'zh'])('%s', (locale) => {
    const file = JSON.parse(readFileSync(`phrasebook/${locale}/timing.json`, 'utf8')) as { entries: { unless?: string[] }[] };
    const patterns = [...new Set(file.entries.flatMap((e) => e.unless ?? []))];
    expect(patterns.length).toBeGreaterThan(0);
    // Chinese patterns are the time words alone ("点前", "分钟内"): a number goes before them.
    const missed = patterns.flatMap(phrases).map((p) => (locale === 'zh' ? `三${p.replace(/ /g, '')}` : p)).filter((p) => !statedTime(p));
    expect(missed).toEqual([]);
  });

  test('vague words are not a time', () => {
    for (const vague of ['soon', 'shortly', 'as soon as possible', 'in a few days', 'in due course', 'later', 'snart', 'inom kort', '尽快', '稍后']) expect(statedTime(`We will reply ${vague}.`), vague).toBeUndefined();
  });
});

// A sentence the phrasebook flags as a non-apology ("I'm sorry you feel that way") or as a
// dismissive acknowledgement ("I understand, but…") must not tick the step it pretends to take.
describe('the checklist and the phrasebook agree on what counts', () => {
  const findings = (text: string) => toFindings(phrasebook.match(text));

  test.each([...new Set(Object.values(UNDONE_BY).flat())])('no sentence the %s entries flag ticks a step they undo', (category) => {
    const ticked: string[] = [];
    for (const entry of phrasebook.entries.filter((e) => e.category === category))
      for (const sentence of entry.tests?.match ?? []) {
        const found = findings(sentence);
        if (!found.some((f) => f.entryId === entry.id)) continue; // a `when` the test context lacks
        for (const i of checklist(sentence, found)) if (i.done && UNDONE_BY[i.id]?.includes(category)) ticked.push(`${entry.id}: ${i.id} in "${sentence}"`);
      }
    expect(ticked).toEqual([]);
  });

  test('a flagged apology does not count, a later real one does; the note says why', () => {
    const draft = "I'm sorry you feel that way.";
    const item = checklist(draft, findings(draft)).find((i) => i.id === 'apologise')!;
    expect(item.done).toBe(false);
    expect(item.note).toContain('does not count');
    const both = `${draft} I'm truly sorry the parcel arrived broken.`;
    const again = checklist(both, findings(both)).find((i) => i.id === 'apologise')!;
    expect(again).toMatchObject({ done: true, evidence: { text: 'sorry', start: both.lastIndexOf('sorry') } });
  });

  test('with no findings (dismissed, or no phrasebook) the words alone count', () => {
    expect(checklist("I'm sorry you feel that way.").find((i) => i.id === 'apologise')!.done).toBe(true);
  });
});
