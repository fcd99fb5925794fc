import type { ZodType } from 'zod';
import type { BuiltPrompt } from './prompt';
import type { RewriteOutput } from './rewrite-schema';
import type { ReadingOutput } from './reading-schema';

// Claude's answers are kept by a hash of the model and the redacted prompt, so the same question
// (a sentence to rewrite, a customer to read) is not asked twice, nor paid for twice, across worker
// restarts. What is stored is the redacted answer: the cache holds placeholders, never the
// customer's email or card number; the caller restores them from the redactor of the request at hand.

export interface AnswerCache<T> {
  get(key: string): Promise<T | undefined>;
  put(key: string, output: T, model: string): Promise<void>;
}
export type RewriteCache = AnswerCache<RewriteOutput>;
export type ReadingCache = AnswerCache<ReadingOutput>;

/** An answer older than this is asked again (the phrasebook and the prompt move on). */
export const CACHE_TTL_MS = 7 * 24 * 3600 * 1000;

/** SHA-256 (Web Crypto, in node and in the worker) of everything that decides the answer. */
export async function cacheKey(model: string, prompt: BuiltPrompt): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([model, prompt.system, prompt.user]));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface CachedAnswer {
  key: string;
  model: string;
  output: unknown;
  createdAt: number;
}

/** The cache over any table with get/put (the Dexie tables `aiRewrites` and `aiReadings` in the extension). */
export function tableCache<T>(
  table: { get(key: string): Promise<CachedAnswer | undefined>; put(row: CachedAnswer): Promise<unknown> },
  schema: ZodType<T>,
  now: () => number = Date.now,
): AnswerCache<T> {
  return {
    async get(key) {
      const row = await table.get(key);
      if (!row || now() - row.createdAt > CACHE_TTL_MS) return undefined;
      // Stored data is read back through the schema like any other input.
      const parsed = schema.safeParse(row.output);
      return parsed.success ? parsed.data : undefined;
    },
    async put(key, output, model) {
      await table.put({ key, model, output, createdAt: now() });
    },
  };
}

/** For tests and for a worker whose IndexedDB is unavailable. */
export function memoryCache<T>(schema: ZodType<T>): AnswerCache<T> & { size(): number } {
  const rows = new Map<string, CachedAnswer>();
  const cache = tableCache({ get: async (k) => rows.get(k), put: async (r) => void rows.set(r.key, r) }, schema);
  return { ...cache, size: () => rows.size };
}
