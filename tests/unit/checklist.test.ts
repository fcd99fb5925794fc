import { describe, expect, test } from 'vitest';
import { checklist, type ChecklistId } from '../../lib/checklist';

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
