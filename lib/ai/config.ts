import { z } from 'zod';
import { AI_MODELS, DEFAULT_MODEL } from './vocabulary';
import type { AiConfigUpdate, AiStatus } from '../protocol';

// The AI setup the background keeps to itself (lib/storage/ai-config.ts): the key, the model and,
// for a proxy or the tests' stub, the base URL. Whoever can change the base URL decides where the key
// is sent, so it takes the same path as the key (a message from an extension page) and may only
// point at the Anthropic API or at this machine.

export const ANTHROPIC_API = 'https://api.anthropic.com';

export const aiConfigSchema = z.object({
  apiKey: z.string().nullable().default(null),
  model: z.string().default(DEFAULT_MODEL),
  baseURL: z.string().nullable().default(null),
  /** Ask Claude to read the customer without a click when Tact is unsure or does not read the language. */
  autoRead: z.boolean().default(false),
});
export type AiConfig = z.infer<typeof aiConfigSchema>;

export const parseAiConfig = (raw: unknown): AiConfig => {
  const parsed = aiConfigSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : aiConfigSchema.parse({});
};

/**
 * The Anthropic API itself, or loopback over http (a local proxy, the tests' stub): nothing else gets
 * the key. Exactly the origins the manifest grants (ANTHROPIC_API_ORIGIN, LOCAL_MATCHES in
 * lib/hosts.ts): any other would be accepted here and then fail in fetch.
 */
export function allowedBaseURL(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username || u.password || u.search || u.hash) return null;
  const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  const ok = (u.protocol === 'https:' && u.host === 'api.anthropic.com') || (loopback && u.protocol === 'http:');
  return ok ? u.origin + u.pathname.replace(/\/+$/, '') : null;
}

const KEY_SHAPE = /^[\x21-\x7e]{10,300}$/;

/** Applies an update from the settings page; refuses (and changes nothing) when a field is wrong. */
export function updateAiConfig(current: AiConfig, update: AiConfigUpdate): { ok: true; config: AiConfig } | { ok: false; message: string } {
  const next = { ...current };
  if (update.apiKey !== undefined) {
    const key = update.apiKey?.trim() ?? null;
    if (key !== null && !KEY_SHAPE.test(key)) return { ok: false, message: 'That does not look like an API key (no spaces, at least 10 characters).' };
    next.apiKey = key;
  }
  if (update.model !== undefined) {
    if (!(AI_MODELS as readonly string[]).includes(update.model))
      return { ok: false, message: `Unknown model "${update.model}": choose one of ${AI_MODELS.join(', ')}.` };
    next.model = update.model;
  }
  if (update.autoRead !== undefined) next.autoRead = update.autoRead;
  if (update.baseURL !== undefined) {
    if (update.baseURL === null || update.baseURL.trim() === '') next.baseURL = null;
    else {
      const url = allowedBaseURL(update.baseURL.trim());
      if (!url) return { ok: false, message: `The base URL must be ${ANTHROPIC_API} or a loopback address (http://127.0.0.1:PORT).` };
      next.baseURL = url === ANTHROPIC_API ? null : url;
    }
  }
  return { ok: true, config: next };
}

/** What may leave the background: whether a key is set and its last four characters, never the key. */
export const aiStatusOf = (config: AiConfig): AiStatus => ({
  keySet: config.apiKey != null,
  keyHint: config.apiKey ? config.apiKey.slice(-4) : null,
  model: config.model,
  baseURL: config.baseURL,
  autoRead: config.autoRead,
});
