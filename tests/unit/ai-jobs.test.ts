import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { AiJobs, type AiJobDeps, type AskRequest } from '../../lib/ai/jobs';
import { screenRewrites } from '../../lib/ai/screen';
import { phrasebook } from '../support/shipped-phrasebook';
import { memoryCache, tableCache } from '../../lib/ai/cache';
import { rewriteOutputSchema, type RewriteOutput } from '../../lib/ai/rewrite-schema';
import { createClient } from '../../lib/ai/client';
import { parseAiConfig, type AiConfig } from '../../lib/ai/config';
import type { AiTabState } from '../../lib/protocol';
import { TactDb } from '../../lib/storage/db';
import { GOOD_REWRITES, startAnthropicStub, type AnthropicStub } from '../support/anthropic-stub';

// The per-tab jobs with the real SDK, the real cache over Dexie (fake-indexeddb) and the loopback stub.

let stub: AnthropicStub;
beforeAll(async () => void (stub = await startAnthropicStub()));
afterAll(async () => stub?.close());
beforeEach(() => {
  stub.reset();
  stub.fallback = { kind: 'tool', input: GOOD_REWRITES };
});

const memoryStorage = () => {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k: string) => structuredClone(data.get(k)),
    set: async (k: string, v: unknown) => void data.set(k, structuredClone(v)),
    remove: async (k: string) => void data.delete(k),
  };
};

const DRAFT = 'Hi Kim, thanks for writing. Unfortunately the parcel is lost. I will check.';
const SENTENCE = 'Unfortunately the parcel is lost.';
const ask = (over: Partial<AskRequest> = {}): AskRequest => ({
  tabId: 7,
  conversationId: 'T-1',
  sentence: { start: DRAFT.indexOf(SENTENCE), end: DRAFT.indexOf(SENTENCE) + SENTENCE.length, text: SENTENCE },
  locale: 'en',
  input: { customer: ['Where is my parcel?'], draft: DRAFT, sentence: SENTENCE },
  ...over,
});

function jobs(
  over: {
    config?: Partial<AiConfig>;
    storage?: ReturnType<typeof memoryStorage>;
    cache?: ReturnType<typeof memoryCache<RewriteOutput>>;
    now?: () => number;
    consent?: () => Promise<boolean>;
    screen?: AiJobDeps['screen'];
  } = {},
) {
  const config = parseAiConfig({ apiKey: 'sk-ant-test-0000', baseURL: stub.url, ...over.config });
  const storage = over.storage ?? memoryStorage();
  const cache = over.cache ?? memoryCache(rewriteOutputSchema);
  const j = new AiJobs({
    storage,
    config: async () => config,
    cache,
    makeClient: (c) => createClient({ apiKey: c.apiKey ?? '', baseURL: c.baseURL ?? undefined, timeoutMs: 2000 }),
    now: over.now,
    timeoutMs: 2000,
    consent: over.consent,
    screen: over.screen,
  });
  return { j, storage, cache };
}

describe('AI jobs', () => {
  test('streams into the tab state, then keeps the validated answer', async () => {
    const { j } = jobs();
    const seen: (AiTabState | null)[] = [];
    j.subscribe(7, (s) => seen.push(s));
    stub.queue({ kind: 'tool', input: GOOD_REWRITES, chunks: 10, delayMs: 3 });
    const final = await j.ask(ask());
    expect(final).toMatchObject({ status: 'done', rewrites: GOOD_REWRITES.rewrites, cached: false, model: 'claude-haiku-5-5' });
    expect(seen[0]).toMatchObject({ status: 'asking', rewrites: [] });
    const streaming = seen.filter((s) => s?.status === 'asking' && s.rewrites.length > 0);
    expect(streaming.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual(final);
    expect(await j.get(7)).toEqual(final);
  });

  test("a rewrite the team's phrasebook flags is left out, while streaming and in the answer, with the entry's reason", async () => {
    const flagged = { text: 'I understand, but we cannot refund opened items.', why: 'Honest.' };
    const good = GOOD_REWRITES.rewrites[0]!;
    expect(phrasebook.match(flagged.text).length).toBeGreaterThan(0);
    const { j } = jobs({ screen: (r) => screenRewrites(r, phrasebook) });
    const seen: (AiTabState | null)[] = [];
    j.subscribe(7, (s) => seen.push(s));
    stub.queue({ kind: 'tool', input: { rewrites: [flagged, good] }, chunks: 10, delayMs: 3 });
    const final = await j.ask(ask());
    expect(final).toMatchObject({ status: 'done', rewrites: [good], leftOut: [{ phrase: 'I understand, but', entryId: 'en-empathise-i-understand-but' }] });
    expect(final.leftOut![0]!.why).toBe(phrasebook.entries.find((e) => e.id === 'en-empathise-i-understand-but')!.why);
    for (const s of seen) expect(s?.rewrites.map((r) => r.text) ?? []).not.toContain(flagged.text);
    // All flagged: none offered, and the panel is told why.
    stub.queue({ kind: 'tool', input: { rewrites: [flagged] } });
    expect(await j.ask(ask({ tabId: 9, input: { ...ask().input, sentence: 'Other sentence.' } }))).toMatchObject({ status: 'done', rewrites: [], leftOut: [{ entryId: 'en-empathise-i-understand-but' }] });
  });

  test('the same sentence again is answered from the cache: no second request', async () => {
    const { j, cache } = jobs();
    await j.ask(ask());
    expect(stub.requests).toHaveLength(1);
    expect(cache.size()).toBe(1);
    const again = await j.ask(ask({ tabId: 8 }));
    expect(again).toMatchObject({ status: 'done', cached: true, rewrites: GOOD_REWRITES.rewrites });
    expect(stub.requests).toHaveLength(1);
    // Another model is another question.
    const { j: other } = jobs({ cache, config: { model: 'claude-sonnet-5-5' } });
    await other.ask(ask());
    expect(stub.requests).toHaveLength(2);
  });

  test('the cache lives in TactDb v2 and survives a new worker', async () => {
    const db = new TactDb(`tact-ai-${Date.now()}`);
    const first = new AiJobs({
      storage: memoryStorage(),
      config: async () => parseAiConfig({ apiKey: 'sk-ant-test-0000', baseURL: stub.url }),
      cache: tableCache(db.aiRewrites, rewriteOutputSchema),
      makeClient: (c) => createClient({ apiKey: c.apiKey!, baseURL: c.baseURL! }),
    });
    await first.ask(ask());
    const rows = await db.aiRewrites.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toMatch(/^[0-9a-f]{64}$/);
    const second = new AiJobs({
      storage: memoryStorage(),
      config: async () => parseAiConfig({ apiKey: 'sk-ant-test-0000', baseURL: stub.url }),
      cache: tableCache(db.aiRewrites, rewriteOutputSchema),
      makeClient: (c) => createClient({ apiKey: c.apiKey!, baseURL: c.baseURL! }),
    });
    expect(await second.ask(ask())).toMatchObject({ status: 'done', cached: true });
    expect(stub.requests).toHaveLength(1);
    await db.delete();
  });

  test('no personal data is sent, and the placeholders come back filled in', async () => {
    const draft = 'Hi, we will email kim.lund@example.com. You should have called 070-123 45 67 first.';
    const sentence = 'You should have called 070-123 45 67 first.';
    stub.fallback = {
      kind: 'tool',
      input: { rewrites: [{ text: 'I will call you on [PHONE_1] today and confirm by email to [EMAIL_1].', why: 'Takes ownership.' }] },
    };
    const { j, cache } = jobs();
    const final = await j.ask(
      ask({
        sentence: { start: draft.indexOf(sentence), end: draft.length, text: sentence },
        input: { customer: ['My card 4111 1111 1111 1111 was charged twice! Mail kim.lund@example.com'], draft, sentence },
      }),
    );
    const body = stub.requests[0]!.raw;
    for (const secret of ['kim.lund@example.com', '070-123 45 67', '4111 1111 1111 1111', '4111111111111111']) expect(body).not.toContain(secret);
    expect(body).toContain('[EMAIL_1]');
    expect(body).toContain('[PHONE_1]');
    expect(body).toContain('[CARD_1]');
    expect(final.rewrites[0]!.text).toBe('I will call you on 070-123 45 67 today and confirm by email to kim.lund@example.com.');
    // The cache keeps the redacted answer only.
    const again = await j.ask(ask({ sentence: final.sentence, input: { customer: ['My card 4111 1111 1111 1111 was charged twice! Mail kim.lund@example.com'], draft, sentence } }));
    expect(again.cached).toBe(true);
    expect(cache.size()).toBe(1);
  });

  test('a worker stopped mid-request: the request is made again when the panel comes back', async () => {
    const storage = memoryStorage();
    const { j: dying } = jobs({ storage });
    stub.queue({ kind: 'hang' });
    void dying.ask(ask());
    await expect.poll(() => stub.requests.length).toBe(1);
    // The worker is gone; what it wrote through is all that is left.
    expect(await storage.get('ai:7')).toMatchObject({ state: { status: 'asking' } });

    const { j: restarted } = jobs({ storage });
    expect(await restarted.get(7)).toMatchObject({ status: 'asking', rewrites: [] });
    await restarted.resume(7);
    expect(stub.requests).toHaveLength(2);
    expect(await restarted.get(7)).toMatchObject({ status: 'done', rewrites: GOOD_REWRITES.rewrites });
    // Nothing to resume once done.
    await restarted.resume(7);
    expect(stub.requests).toHaveLength(2);
    await dying.clear(7);
  });

  test('one request per tab: a new one aborts the one in flight', async () => {
    const { j } = jobs();
    stub.queue({ kind: 'hang' });
    const first = j.ask(ask());
    await expect.poll(() => stub.requests.length).toBe(1);
    const second = await j.ask(ask({ sentence: { start: 0, end: 27, text: 'Hi Kim, thanks for writing.' } }));
    expect((await first).status).toBe('failed');
    expect(second).toMatchObject({ status: 'done', sentence: { text: 'Hi Kim, thanks for writing.' } });
    expect(await j.get(7)).toEqual(second);
  });

  test('the rewrite follows its sentence when it moves, and is dropped (request aborted) when it is edited', async () => {
    const { j } = jobs();
    await j.ask(ask());
    await j.draftChanged(7, 'T-1', `Hello! ${DRAFT}`);
    expect((await j.get(7))?.sentence).toEqual({ start: DRAFT.indexOf(SENTENCE) + 7, end: DRAFT.indexOf(SENTENCE) + 7 + SENTENCE.length, text: SENTENCE });

    // A question not asked before (the first answer is cached), left hanging.
    stub.queue({ kind: 'hang' });
    const pending = j.ask(ask({ input: { customer: ['Where is my parcel???'], draft: DRAFT, sentence: SENTENCE } }));
    await expect.poll(() => stub.requests.length).toBe(2);
    await j.draftChanged(7, 'T-1', DRAFT.replace('lost', 'late'));
    expect((await pending).error?.kind).toBe('aborted');
    expect(await j.get(7)).toBeNull();

    await j.ask(ask());
    await j.draftChanged(7, 'T-2', DRAFT);
    expect(await j.get(7)).toBeNull();
  });

  test('a 429 holds every tab back until retry-after has passed', async () => {
    let now = 1_000_000;
    const { j } = jobs({ now: () => now });
    stub.queue({ kind: 'error', status: 429, type: 'rate_limit_error', headers: { 'retry-after': '20' } });
    expect(await j.ask(ask())).toMatchObject({ status: 'failed', error: { kind: 'rate-limited', retryAfterS: 20, retryAt: 1_020_000 } });
    now += 5000;
    expect(await j.ask(ask({ tabId: 9 }))).toMatchObject({ status: 'failed', error: { kind: 'rate-limited', retryAfterS: 15 } });
    expect(stub.requests).toHaveLength(1);
    now += 16_000;
    expect(await j.ask(ask({ tabId: 9 }))).toMatchObject({ status: 'done' });
    expect(stub.requests).toHaveLength(2);
  });

  test('no key: AI is off and nothing is sent', async () => {
    const { j } = jobs({ config: { apiKey: null } });
    expect(await j.ask(ask())).toMatchObject({ status: 'failed', error: { kind: 'no-key' } });
    expect(stub.requests).toHaveLength(0);
  });

  test('no data consent (Firefox): AI is off with its own words and nothing is sent, even from the cache', async () => {
    let allowed = true;
    const { j } = jobs({ consent: async () => allowed });
    expect(await j.ask(ask())).toMatchObject({ status: 'done' });
    allowed = false;
    const refused = await j.ask(ask());
    expect(refused).toMatchObject({ status: 'failed', error: { kind: 'no-consent' } });
    expect(refused.error!.message).toMatch(/Firefox does not allow/);
    expect(stub.requests).toHaveLength(1);
  });

  test('a refused key is a bad-key state, not cached', async () => {
    const { j, cache } = jobs();
    stub.queue({ kind: 'error', status: 401, type: 'authentication_error' });
    expect(await j.ask(ask())).toMatchObject({ status: 'failed', error: { kind: 'bad-key' } });
    expect(cache.size()).toBe(0);
  });
});
