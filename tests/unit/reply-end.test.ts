import { describe, expect, test } from 'vitest';
import { ownReply, replyEnd } from '../../lib/reply-end';

// The agent's own words end where quoted mail or a signature starts (lib/reply-end.ts).
const REPLY = 'Hi Ann,\n\nI am sorry the parcel arrived crushed. A new one leaves today.';

describe('the agent’s own words in a reply box', () => {
  test.each([
    ['Gmail', '\n\nOn Tue, 3 Dec 2026 at 10:02, Ann Lee <ann@example.com> wrote:\n> Please calm down? I am calm!'],
    ['Swedish Gmail', '\n\nDen tis 3 dec. 2026 kl 10:02 skrev Ann Lee <ann@example.com>:\n> Lugna ner dig'],
    ['Chinese', '\n\n在 2026年12月3日 10:02，Ann Lee 写道：\n> 你们的规定就是这样'],
    ['Outlook', '\n\nFrom: Ann Lee <ann@example.com>\nSent: Tuesday, December 3, 2026 10:02\nTo: Support\nSubject: Broken'],
    ['Outlook, Swedish', '\n\nFrån: Ann Lee\nSkickat: den 3 december 2026 10:02'],
    ['an original message line', '\n-----Original Message-----\nThat is our policy.'],
    ['plain quoted lines', '\n> That is our policy.\n> Calm down.'],
    ['a signature', '\n-- \nSam, Support team'],
  ])('stops before %s', (_, rest) => {
    expect(ownReply(REPLY + rest, null)).toBe(REPLY);
  });

  test.each([
    'I wrote to the courier: they will call you.',
    'On Monday the courier wrote: "delivered". I am checking that now.',
    'From: our warehouse in Leeds, it left on Monday.',
    'The price went from 10 -- to 12.',
  ])('keeps a reply with no marker whole: %s', (text) => {
    expect(replyEnd(text)).toBe(text.length);
    expect(ownReply(text, null)).toBe(text);
  });

  test('a marker found in the markup cuts there, the nearer of the two winning', () => {
    const text = `${REPLY}\n\nAnn wrote earlier that the box was wet.`;
    expect(ownReply(text, REPLY.length + 2)).toBe(REPLY);
    expect(ownReply(`${REPLY}\n> quoted`, text.length)).toBe(REPLY);
    expect(ownReply(REPLY, null)).toBe(REPLY);
  });

  test('a reply that is only quoted mail is empty', () => {
    expect(ownReply('On Tue, 3 Dec 2026, Ann wrote:\n> hello', null)).toBe('');
  });
});
