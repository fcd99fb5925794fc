import { describe, expect, test } from 'vitest';
import { checklist, UNDONE_BY, type ChecklistId } from '../../lib/checklist';
import { statedTime } from '../../lib/stated-time';
import { toFindings } from '../../lib/findings';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
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

// The timing entries excuse "we'll get back to you soon" with `unless: ["@time"]`, the same
// definition of a time as the checklist's: on every sentence of their inline tests, an entry is
// excused exactly when the checklist finds a time, so the agent is never told "fine" by one and
// "say when" by the other.
describe('the checklist and the timing entries agree on what a time is', () => {
  test.each(['en', 'sv', 'zh'])('%s', (locale) => {
    const timing = phrasebook.entries.filter((e) => e.locale === locale && e.category === 'timing' && e.unless);
    expect(timing.length).toBeGreaterThan(0);
    const disagree: string[] = [];
    let checked = 0;
    for (const entry of timing) {
      const bare = compilePhrasebook([{ ...entry, unless: undefined }]);
      const full = compilePhrasebook([entry]);
      for (const sentence of [...(entry.tests?.match ?? []), ...(entry.tests?.noMatch ?? [])]) {
        if (!bare.match(sentence).length) continue;
        checked++;
        if ((full.match(sentence).length > 0) !== !statedTime(sentence)) disagree.push(`${entry.id}: "${sentence}"`);
      }
    }
    expect(checked).toBeGreaterThan(timing.length); // each entry's match tests, and the excused noMatch ones
    expect(disagree).toEqual([]);
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

  test.each(['What are you talking about?', 'Can we wrap this up?', '你在说什么啊？我没看懂。', 'Vad är problemet nu då?'])('a rhetorical or rushing question does not ask what they need: %s', (draft) => {
    expect(findings(draft).length).toBeGreaterThan(0);
    expect(checklist(draft, findings(draft)).find((i) => i.id === 'ask')).toMatchObject({ done: false });
    expect(checklist(`${draft} Could you tell me the order number?`, findings(`${draft} Could you tell me the order number?`)).find((i) => i.id === 'ask')).toMatchObject({ done: true });
  });

  test('with no findings (dismissed, or no phrasebook) the words alone count', () => {
    expect(checklist("I'm sorry you feel that way.").find((i) => i.id === 'apologise')!.done).toBe(true);
  });
});

// The seeds' protocol with abuse: stay polite, warn once, then end it; a threat is not negotiated.
describe('the boundary step, for an abusive customer only', () => {
  const boundary = (draft: string, abuse: 'none' | 'profanity' | 'insult' | 'threat') => checklist(draft, [], abuse).find((i) => i.id === 'boundary');

  test('absent when the customer is not abusive', () => {
    expect(boundary('I will end this chat if the language continues.', 'none')).toBeUndefined();
    expect(checklist('Hello', [], 'insult')).toHaveLength(7);
  });

  test.each<[string, string]>([
    ['en, a warning', "I want to help, but if the insults continue I'll have to end this chat."],
    ['en, what is not accepted', "I'm happy to sort this out, but we don't accept abusive language."],
    ['sv', 'Jag vill gärna hjälpa dig, men om språket fortsätter avslutar jag samtalet.'],
    ['sv, what is not accepted', 'Jag hjälper gärna till, men vi accepterar inte det här språket.'],
    ['en, not tolerated', 'We will not tolerate abusive language.'],
    ['zh', '我很想帮您解决问题，但如果您继续辱骂，我将结束本次对话。'],
  ])('ticked by %s', (_, draft) => {
    expect(boundary(draft, 'insult')).toMatchObject({ done: true, label: 'Set a boundary: warn once that you will end the conversation' });
  });

  test('not ticked by a reply that ignores the abuse', () => {
    expect(boundary("I'm sorry the parcel is late. I will check with the courier today.", 'profanity')).toMatchObject({ done: false });
    expect(boundary('如果您再有任何问题，请随时联系我们。', 'insult')).toMatchObject({ done: false });
    expect(boundary("We don't accept returns after 30 days, and I'll leave the chat open for you.", 'insult')).toMatchObject({ done: false });
    expect(boundary('Vi accepterar inte returer efter 30 dagar.', 'insult')).toMatchObject({ done: false });
  });

  test('a threat asks to end the conversation, not to warn', () => {
    expect(boundary('I will end this chat now.', 'threat')).toMatchObject({ label: 'End the conversation (then report the threat)', done: true });
    // A warning is not an end: "if" it goes on is too late after a threat.
    expect(boundary('If the language continues I will end this chat.', 'threat')).toMatchObject({ done: false });
    expect(boundary('Please keep it civil.', 'threat')).toMatchObject({ done: false });
    expect(boundary("I'm ending this conversation now and passing it to our security team.", 'threat')).toMatchObject({ done: true });
  });
});

// The seeds' protocol: warn once, then end the conversation if the abuse goes on.
describe('warned, and the abuse goes on', () => {
  const warning = [{ text: "I want to help, but if the insults continue I'll have to end this chat." }];
  const step = (draft: string, abuse: 'none' | 'swearing' | 'insult' | 'threat', lastFrom?: 'customer' | 'agent') =>
    checklist(draft, [], abuse, warning, lastFrom).find((i) => i.id === 'boundary');

  test('the customer wrote after the warning, still abusive: end the conversation, ticked only by ending it', () => {
    expect(step('Let me check the payment.', 'insult', 'customer')).toMatchObject({ done: false, label: 'End the conversation: you warned them, and it goes on' });
    expect(step('As I said, I will end this chat now.', 'insult', 'customer')).toMatchObject({ done: true });
    expect(step('If the insults continue I will end this chat.', 'insult', 'customer')).toMatchObject({ done: false });
    expect(step('Jag avslutar samtalet nu.', 'swearing', 'customer')).toMatchObject({ done: true });
  });

  test('the warning is the last word, or the customer calmed down: nothing more to do', () => {
    expect(step('Let me check the payment.', 'insult', 'agent')).toMatchObject({ done: true, earlier: true, label: 'Set a boundary: warn once that you will end the conversation' });
    expect(step('Let me check the payment.', 'insult')).toMatchObject({ done: true, earlier: true });
    expect(step('Let me check the payment.', 'none', 'customer')).toBeUndefined();
  });

  test('a threat asks to end it whether or not they were warned', () => {
    expect(step('Let me check the payment.', 'threat', 'customer')).toMatchObject({ label: 'End the conversation (then report the threat)' });
  });
});

// In a chat a reply takes several messages: what the agent already sent counts.
describe('earlier messages of a chat', () => {
  const sent = ["I'm so sorry for the wait, that must be frustrating.", 'Could you tell me your order number?'].map((text) => ({ text }));

  test('a step taken in a sent message is ticked, marked as sent earlier, with its words', () => {
    const items = checklist('It leaves our warehouse today, and I will send you the tracking within 2 hours.', [], 'none', sent);
    expect(items.find((i) => i.id === 'apologise')).toMatchObject({ done: true, earlier: true, evidence: { text: 'sorry' } });
    expect(items.find((i) => i.id === 'ask')).toMatchObject({ done: true, earlier: true });
    expect(items.find((i) => i.id === 'next-step')).toMatchObject({ done: true });
    expect(items.find((i) => i.id === 'next-step')!.earlier).toBeUndefined();
    expect(items.find((i) => i.id === 'options')).toMatchObject({ done: false });
  });

  test('what the draft says now wins: a blame in the draft is not excused by an earlier apology', () => {
    const items = checklist("It's not our fault, the courier lost it.", [], 'none', sent);
    expect(items.find((i) => i.id === 'apologise')).toMatchObject({ done: false, note: expect.stringContaining('shifts the blame') });
  });

  test('the latest message that took a step is the one shown', () => {
    const items = checklist('Hello again.', [], 'none', [{ text: 'Sorry, checking.' }, { text: 'So sorry about the damage.' }]);
    expect(items.find((i) => i.id === 'apologise')!.evidence!.text).toBe('sorry');
    expect(checklist('Hello again.', [], 'none', [{ text: 'So sorry about the damage.' }, { text: 'I apologise again.' }]).find((i) => i.id === 'apologise')!.evidence!.text).toBe('apologise');
  });

  test('a sent message the phrasebook flags does not count either', () => {
    const text = "I'm sorry you feel that way.";
    const flagged = checklist('Hello again.', [], 'none', [{ text, findings: toFindings(phrasebook.match(text)) }]);
    expect(flagged.find((i) => i.id === 'apologise')).toMatchObject({ done: false });
    expect(checklist('Hello again.', [], 'none', [{ text }]).find((i) => i.id === 'apologise')).toMatchObject({ done: true, earlier: true });
  });
});
