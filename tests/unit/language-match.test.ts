import { expect, test } from 'vitest';
import { languageMismatch } from '../../lib/language-match';

test.each<[string | null, string | null, string | null]>([
  ['sv', 'en', 'The customer wrote in Swedish; your reply reads as English.'],
  ['zh', 'en', 'The customer wrote in Chinese; your reply reads as English.'],
  ['en', 'unsupported', 'The customer wrote in English; your reply does not look like English.'],
  ['sv', 'sv', null],
  // Unknown on either side: say nothing.
  ['unsupported', 'en', null],
  [null, 'en', null],
  ['sv', null, null],
])('customer %s, draft %s', (customer, draft, expected) => {
  expect(languageMismatch(customer, draft)).toBe(expected);
});
