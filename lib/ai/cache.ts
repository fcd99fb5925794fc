import type { BuiltPrompt } from './prompt';
import { rewriteOutputSchema, type RewriteOutput } from './rewrite-schema';

// Answers are kept by a hash of the model and the redacted prompt, so the same sentence in the same
// conversation is not asked twice (nor paid for twice), across worker restarts. What is stored is the
// redacted answer: the cache holds placeholders, never the customer's email or card number; the
// caller restores them from the redactor of the request at hand.

export interface RewriteCache {
  get(key: string): Promise<RewriteOutput | undefined>;
  put(key: string, output: RewriteOutput, model: string): Promise<void>;
}

/** An answer older than this is asked again (the phrasebook and the prompt move on). */
export const CACHE_TTL_MS = 7 * 24 * 3600 * 1000;

/** SHA-256 (Web Crypto, in node and in the worker) of everything that decides the answer. */
export async function cacheKey(model: string, prompt: BuiltPrompt): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([model, prompt.system, prompt.user]));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface CachedRewrite {
  key: string;
  model: string;
  output: RewriteOutput;
  createdAt: number;
}

/** The cache over any table with get/put (the Dexie table `aiRewrites` in the extension). */
export function tableCache(
  table: { get(key: string): Promise<CachedRewrite | undefined>; put(row: CachedRewrite): Promise<unknown> },
  now: () => number = Date.now,
): RewriteCache {
  return {
    async get(key) {
      const row = await table.get(key);
      if (!row || now() - row.createdAt > CACHE_TTL_MS) return undefined;
      // Stored data is read back through the schema like any other input.
      const parsed = rewriteOutputSchema.safeParse(row.output);
      return parsed.success ? parsed.data : undefined;
    },
    async put(key, output, model) {
      await table.put({ key, model, output, createdAt: now() });
    },
  };
}

/** For tests and for a worker whose IndexedDB is unavailable. */
export function memoryCache(): RewriteCache & { size(): number } {
  const rows = new Map<string, CachedRewrite>();
  const cache = tableCache({ get: async (k) => rows.get(k), put: async (r) => void rows.set(r.key, r) });
  return { ...cache, size: () => rows.size };
}
