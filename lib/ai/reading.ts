import { APPROACH } from '../classify/customer-type';
import type { MessagesClient } from './client';
import { streamTool, type AiError } from './client';
import { cacheKey, type ReadingCache } from './cache';
import { createRedactor, type Redactor } from './redact';
import { buildReadingPrompt } from './reading-prompt';
import { readingOutputSchema, readingTool, type CustomerReading, type ReadingOutput } from './reading-schema';

// Claude's reading of the customer end to end: redact, build the prompt, look in the cache, ask,
// then keep only what the customer's own words back up. A quote not found in the (redacted)
// messages is dropped, and a label left with no quote is dropped with it: the panel shows evidence
// for every label, as it does for the classifier's.

export interface ReadingDeps {
  client: MessagesClient;
  model: string;
  cache?: ReadingCache;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Only answer from the cache; make no request (the panel reopening). */
  cachedOnly?: boolean;
}

/** `reading` is null only when `cachedOnly` found nothing. */
export type ReadingResult = { ok: true; reading: CustomerReading | null } | { ok: false; error: AiError };

/** Case, whitespace and quote marks do not decide whether a quote is the customer's words. */
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'.,…]+|["'.,…]+$/g, '');

export async function readCustomer(customer: readonly string[], deps: ReadingDeps): Promise<ReadingResult> {
  const redactor = createRedactor();
  const prompt = buildReadingPrompt(customer, redactor);
  const key = await cacheKey(deps.model, prompt);
  const hit = await deps.cache?.get(key).catch(() => undefined);
  if (hit) return { ok: true, reading: checked(hit, prompt.sent, redactor, deps.model, true) };
  if (deps.cachedOnly) return { ok: true, reading: null };

  const result = await streamTool(
    deps.client,
    { model: deps.model, prompt, tool: readingTool, schema: readingOutputSchema, refusal: 'Claude declined to read this customer.', signal: deps.signal },
    deps.timeoutMs,
  );
  if (!result.ok) return result;
  // A failed cache write costs a second request later, nothing more.
  await deps.cache?.put(key, result.output, deps.model).catch(() => {});
  return { ok: true, reading: checked(result.output, prompt.sent, redactor, deps.model, false) };
}

/** The answer with only quotes found in the messages as sent (redacted), placeholders restored. */
export function checked(output: ReadingOutput, sent: readonly string[], redactor: Redactor, model: string, cached: boolean): CustomerReading {
  const haystack = sent.map(norm).join('\n');
  let dropped = 0;
  const keep = (quotes: readonly string[]) =>
    quotes.filter((q) => norm(q).length > 0 && haystack.includes(norm(q))).map((q) => redactor.restore(q));

  const tones: CustomerReading['tones'] = [];
  for (const t of output.tones) {
    const evidence = keep(t.evidence);
    // "neutral" is the absence of feeling: there is nothing to quote.
    if (evidence.length || t.tone === 'neutral') tones.push({ ...t, evidence });
    else dropped++;
  }
  let customerType: CustomerReading['customerType'] = null;
  if (output.customerType) {
    const evidence = keep(output.customerType.evidence);
    if (evidence.length) customerType = { type: output.customerType.type, evidence, approach: APPROACH[output.customerType.type] };
    else dropped++;
  }
  const abuseEvidence = keep(output.abuseEvidence ?? []);
  let abuse = output.abuse;
  if (abuse !== 'none' && abuseEvidence.length === 0) {
    abuse = 'none';
    dropped++;
  }
  return {
    language: output.language,
    tones,
    customerType,
    abuse,
    abuseEvidence: abuse === 'none' ? [] : abuseEvidence,
    wants: redactor.restore(output.wants),
    unsure: output.unsure ?? false,
    dropped,
    model,
    cached,
  };
}
