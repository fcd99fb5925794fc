// Personal data never leaves the browser: before a prompt is sent, emails, card numbers, IBANs and
// phone numbers in the customer's messages and the agent's draft become placeholders like
// [EMAIL_1]; the rewrite Claude returns gets them back. One Redactor is shared by every text of one
// request, so the same address is the same placeholder in the customer message and in the draft, and
// the same input always gives the same redacted prompt (which the cache key relies on).

export type RedactionKind = 'EMAIL' | 'CARD' | 'IBAN' | 'PHONE';

/** Placeholders look like [EMAIL_1]; the model is told to keep them as they are. */
const PLACEHOLDER = /\[(EMAIL|CARD|IBAN|PHONE)_(\d+)\]/g;

// Latin script only (å, ö, é included): Chinese text runs straight into an address or a number with
// no space, and those characters are not part of it.
const EMAIL = /[\p{Script=Latin}\p{N}._%+-]+@[\p{Script=Latin}\p{N}-]+(?:\.[\p{Script=Latin}\p{N}-]+)*\.\p{Script=Latin}{2,}/gu;
// 13 to 19 digits, optionally grouped by single spaces or dashes; Luhn decides.
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
// Two letters, two check digits, then 11 to 30 alphanumerics, optionally in groups of four.
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
// A leading + or a 0, or a parenthesised area code, then digits with spaces, dots, dashes, slashes:
// 8 to 15 digits in all. A bare run of digits (an order number) is not a phone number.
const PHONE = /(?<![\p{Script=Latin}\p{N}])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d[\d .\-/]{5,18}\d(?![\p{Script=Latin}\p{N}])/gu;

/** Luhn checksum, the test every payment card number passes (and most order numbers fail). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 is 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '').toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of v) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  // Dates: 2026-11-20, 20.11.2026, 11/20/2026.
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(match)) return false;
  // Phone numbers are written with a +, a leading 0, a bracketed area code or separators between
  // groups; a bare run of 8+ digits is far more often an order or tracking number.
  const grouped = /[ .\-/()]/.test(match);
  if (!grouped)
    // Written without separators, only the common national shapes count: a trunk 0 and 10 or 11
    // digits (070… in Sweden, 07… in the UK), or a Chinese mobile (1[3-9] and 9 more). Redacting an
    // order number that looks like one costs little; sending a phone number would not.
    return /^0\d{9,10}$|^1[3-9]\d{9}$/.test(digits);
  return match.startsWith('+') || match.startsWith('(') || digits.startsWith('0') || /\d[ .-]\d/.test(match);
}

export interface Redactor {
  /** The text with personal data replaced by placeholders (numbered across all texts of the request). */
  redact(text: string): string;
  /** Puts the original values back into text the model wrote. */
  restore(text: string): string;
  /** Placeholder -> original value, for tests and for the cache's restore step. */
  readonly table: ReadonlyMap<string, string>;
}

export function createRedactor(): Redactor {
  const table = new Map<string, string>();
  const byValue = new Map<string, string>();
  const counts: Record<RedactionKind, number> = { EMAIL: 0, CARD: 0, IBAN: 0, PHONE: 0 };
  const placeholderFor = (kind: RedactionKind, value: string) => {
    const key = `${kind}\u0000${value}`;
    let ph = byValue.get(key);
    if (!ph) {
      ph = `[${kind}_${++counts[kind]}]`;
      byValue.set(key, ph);
      table.set(ph, value);
    }
    return ph;
  };

  return {
    table,
    redact(text) {
      // Order matters: an email may hold digits, an IBAN holds a card-length run, a card number
      // looks like a long phone number. Each pass sees the placeholders of the ones before.
      let out = text.replace(EMAIL, (m) => placeholderFor('EMAIL', m));
      out = out.replace(IBAN, (m) => (ibanValid(m) ? placeholderFor('IBAN', m) : m));
      out = out.replace(CARD, (m) => {
        const digits = m.replace(/\D/g, '');
        return digits.length >= 13 && digits.length <= 19 && luhnValid(digits) ? placeholderFor('CARD', m) : m;
      });
      out = out.replace(PHONE, (m) => (isPhone(m) ? placeholderFor('PHONE', m) : m));
      return out;
    },
    restore(text) {
      return text.replace(PLACEHOLDER, (ph) => table.get(ph) ?? ph);
    },
  };
}

/** Placeholders left in a text (e.g. ones the model invented that restore() could not fill). */
export const placeholdersIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[0]);
