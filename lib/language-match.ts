// The seeds ask the agent to meet the customer in their own way of speaking; the first part of that
// is their language. A reply in English to a customer who wrote in Swedish is worth a word.

const NAMES: Record<string, string> = { en: 'English', sv: 'Swedish', zh: 'Chinese' };

/**
 * What to tell the agent when the draft is not in the customer's language, or null. Both must be
 * known: `customer` from the classifier's verdict (en, sv, zh; "unsupported" says nothing of which
 * language it is), `draft` from the draft's language guess (null when the draft is too short to tell).
 */
export function languageMismatch(customer: string | null | undefined, draft: string | null | undefined): string | null {
  const wrote = customer ? NAMES[customer] : undefined;
  if (!wrote || !draft || draft === customer) return null;
  const reads = NAMES[draft];
  return reads ? `The customer wrote in ${wrote}; your reply reads as ${reads}.` : `The customer wrote in ${wrote}; your reply does not look like ${wrote}.`;
}
