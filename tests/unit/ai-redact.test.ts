import { describe, expect, test } from 'vitest';
import { createRedactor, ibanValid, luhnValid, placeholdersIn } from '../../lib/ai/redact';

describe('redact', () => {
  test.each([
    // [input, redacted]
    ['Write to anna.berg+orders@example.co.uk please', 'Write to [EMAIL_1] please'],
    ['Mejla kalle@företag.se eller ring 070-123 45 67', 'Mejla [EMAIL_1] eller ring [PHONE_1]'],
    ['Call me on +44 20 7946 0958 after 5', 'Call me on [PHONE_1] after 5'],
    ['My number is (555) 123-4567.', 'My number is [PHONE_1].'],
    ['我的电话是 +86 138 0013 8000', '我的电话是 [PHONE_1]'],
    ['请打13800138000找我', '请打[PHONE_1]找我'],
    ['请发到wang.li@example.cn谢谢', '请发到[EMAIL_1]谢谢'],
    ['ring 0701234567', 'ring [PHONE_1]'],
    // Visa test number, grouped by spaces; Mastercard test number, grouped by dashes; Amex 15 digits.
    ['Card 4111 1111 1111 1111 was charged twice', 'Card [CARD_1] was charged twice'],
    ['card 5555-5555-5555-4444 exp 12/29', 'card [CARD_1] exp 12/29'],
    ['amex 378282246310005', 'amex [CARD_1]'],
    ['IBAN SE45 5000 0000 0583 9825 7466 for the refund', 'IBAN [IBAN_1] for the refund'],
    ['GB82WEST12345698765432', '[IBAN_1]'],
    // Not personal data: order numbers failing Luhn, short numbers, amounts, dates, times, versions.
    ['Order 4111111111111112 is late', 'Order 4111111111111112 is late'],
    ['Order #1234567890123 shipped', 'Order #1234567890123 shipped'],
    ['Tracking 12345678 and ticket 20261203', 'Tracking 12345678 and ticket 20261203'],
    ['Order 20261203001 and invoice 4400123456', 'Order 20261203001 and invoice 4400123456'],
    ['We refunded 1,299.00 SEK on 2026-11-20 at 14:30', 'We refunded 1,299.00 SEK on 2026-11-20 at 14:30'],
    ['Delivered 20.11.2026, invoiced 11/20/2026', 'Delivered 20.11.2026, invoiced 11/20/2026'],
    ['App version 4.5.1 on iOS 18', 'App version 4.5.1 on iOS 18'],
    ['Not an IBAN: SE45 5000 0000 0583 9825 7467', 'Not an IBAN: SE45 5000 0000 0583 9825 7467'],
    ['no data here at all', 'no data here at all'],
  ])('%s', (input, redacted) => {
    const r = createRedactor();
    expect(r.redact(input)).toBe(redacted);
    expect(r.restore(r.redact(input))).toBe(input);
  });

  test('the same value gets the same placeholder across texts; different values are numbered', () => {
    const r = createRedactor();
    expect(r.redact('from a@x.com')).toBe('from [EMAIL_1]');
    expect(r.redact('to b@y.org, cc a@x.com')).toBe('to [EMAIL_2], cc [EMAIL_1]');
    expect(Object.fromEntries(r.table)).toEqual({ '[EMAIL_1]': 'a@x.com', '[EMAIL_2]': 'b@y.org' });
  });

  test('restore leaves placeholders it does not know (the model invented them)', () => {
    const r = createRedactor();
    r.redact('mail a@x.com');
    expect(r.restore('We wrote to [EMAIL_1] and [EMAIL_7] by [TIME].')).toBe('We wrote to a@x.com and [EMAIL_7] by [TIME].');
    expect(placeholdersIn('[EMAIL_7] and [PHONE_2] but not [TIME]')).toEqual(['[EMAIL_7]', '[PHONE_2]']);
  });

  test.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['0000000000000', true],
  ])('luhn %s', (digits, valid) => expect(luhnValid(digits)).toBe(valid));

  test.each([
    ['SE4550000000058398257466', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['DE89 3704 0044 0532 0130 01', false],
  ])('iban %s', (iban, valid) => expect(ibanValid(iban)).toBe(valid));
});
