import type { MessagesClient } from './client';
import { cacheKey, type RewriteCache } from './cache';
import { streamRewrites, type AiError } from './client';
import { buildPrompt, type RewriteInput } from './prompt';
import { createRedactor, type Redactor } from './redact';
import type { Rewrite, RewriteOutput } from './rewrite-schema';

// One rewrite request end to end: redact, build the prompt, look in the cache, stream from Claude,
// restore the redacted values in what comes back, keep the (redacted) answer.

export interface RewriteDeps {
  client: MessagesClient;
  model: string;
  cache?: RewriteCache;
  signal?: AbortSignal;
  onPartial?(rewrites: Rewrite[]): void;
  timeoutMs?: number;
}

export type RewriteResult = { ok: true; output: RewriteOutput; cached: boolean } | { ok: false; error: AiError };

const restoreAll = (redactor: Redactor, rewrites: readonly Rewrite[]): Rewrite[] =>
  rewrites.map((r) => ({ text: redactor.restore(r.text), why: redactor.restore(r.why) }));

export async function rewriteSentence(input: RewriteInput, deps: RewriteDeps): Promise<RewriteResult> {
  const redactor = createRedactor();
  const prompt = buildPrompt(input, redactor);
  const key = await cacheKey(deps.model, prompt);
  const hit = await deps.cache?.get(key).catch(() => undefined);
  if (hit) return { ok: true, cached: true, output: { ...hit, rewrites: restoreAll(redactor, hit.rewrites) } };

  const result = await streamRewrites(
    deps.client,
    {
      model: deps.model,
      prompt,
      signal: deps.signal,
      onPartial: deps.onPartial && ((partial) => deps.onPartial!(restoreAll(redactor, partial))),
    },
    deps.timeoutMs,
  );
  if (!result.ok) return result;
  // A failed cache write costs a second request later, nothing more.
  await deps.cache?.put(key, result.output, deps.model).catch(() => {});
  return { ok: true, cached: false, output: { ...result.output, rewrites: restoreAll(redactor, result.output.rewrites) } };
}
