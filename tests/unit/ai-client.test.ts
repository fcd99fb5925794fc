import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createServer } from 'node:net';
import { createClient, streamRewrites, type RewriteCallResult } from '../../lib/ai/client';
import { retryAfterSeconds } from '../../lib/ai/errors';
import { buildPrompt } from '../../lib/ai/prompt';
import { createRedactor } from '../../lib/ai/redact';
import { GOOD_REWRITES, startAnthropicStub, type AnthropicStub } from '../support/anthropic-stub';

// The real SDK against a node:http stub of the Messages API on loopback: real HTTP, SSE, retries.

let stub: AnthropicStub;
beforeAll(async () => void (stub = await startAnthropicStub()));
afterAll(async () => stub?.close());
beforeEach(() => {
  stub.reset();
  stub.fallback = { kind: 'tool', input: GOOD_REWRITES };
});

const prompt = buildPrompt(
  { customer: ['My parcel is late again.'], draft: 'Hi. You should have ordered earlier.', sentence: 'You should have ordered earlier.' },
  createRedactor(),
);
const client = (over: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ apiKey: 'sk-ant-test-1234', baseURL: stub.url, timeoutMs: 1500, ...over });
const call = (c = client(), extra: Partial<Parameters<typeof streamRewrites>[1]> = {}, timeoutMs = 1500) =>
  streamRewrites(c, { model: 'claude-haiku-5-5', prompt, ...extra }, timeoutMs);

describe('streamRewrites with the real SDK', () => {
  test('streams a forced tool call: partial rewrites arrive before the end, the final is validated', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    stub.queue({ kind: 'tool', input: GOOD_REWRITES, chunks: 12, delayMs: 5, holdBeforeEnd: held });
    const partials: string[][] = [];
    const done = call(client(), {
      onPartial: (rw) => {
        partials.push(rw.map((r) => r.text));
        if (rw.length === 2 && rw[1]!.text.length > 20) release();
      },
    });
    // Nothing can finish before release(): only partials could have called it.
    const result = await done;
    expect(partials.length).toBeGreaterThan(1);
    expect(partials[0]!.length).toBeGreaterThanOrEqual(1);
    expect(partials[0]![0]!.length).toBeLessThanOrEqual(GOOD_REWRITES.rewrites[0]!.text.length);
    expect(result).toEqual({ ok: true, output: GOOD_REWRITES });

    const [req] = stub.requests;
    expect(req!.body).toMatchObject({
      model: 'claude-haiku-5-5',
      stream: true,
      tool_choice: { type: 'tool', name: 'suggest_rewrites' },
      thinking: { type: 'disabled' },
      output_config: { effort: 'low' },
    });
    expect((req!.body.tools as { name: string }[])[0]!.name).toBe('suggest_rewrites');
    expect(req!.body).not.toHaveProperty('temperature');
    expect(req!.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
  });

  test.each([
    ['429 with retry-after', { kind: 'error', status: 429, type: 'rate_limit_error', headers: { 'retry-after': '17' } }, { kind: 'rate-limited', retryAfterS: 17 }, 1],
    ['401', { kind: 'error', status: 401, type: 'authentication_error' }, { kind: 'bad-key' }, 1],
    // 529 is retried once (maxRetries 1), then reported.
    ['529', { kind: 'error', status: 529, type: 'overloaded_error' }, { kind: 'overloaded' }, 2],
    ['a refusal', { kind: 'refusal' }, { kind: 'refusal' }, 1],
    ['malformed tool JSON', { kind: 'tool', raw: '{"rewrites": [{"text": "Sorry", "why": }]}' }, { kind: 'invalid-output' }, 1],
    ['valid JSON of the wrong shape', { kind: 'tool', input: { rewrites: [{ text: '', why: 'x' }, {}, {}, {}] } }, { kind: 'invalid-output' }, 1],
  ] as const)('%s becomes a clear state', async (_name, reply, expected, requests) => {
    stub.fallback = reply;
    const result = (await call()) as Extract<RewriteCallResult, { ok: false }>;
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject(expected);
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(stub.requests).toHaveLength(requests);
  });

  test('a server that never answers times out', async () => {
    stub.fallback = { kind: 'hang' };
    const started = Date.now();
    const result = await call(client({ timeoutMs: 300, maxRetries: 0 }), {}, 300);
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a stream that starts and then goes silent times out', async () => {
    stub.fallback = { kind: 'stall' };
    const result = await call(client({ timeoutMs: 400, maxRetries: 0 }), {}, 400);
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  test('connection refused is offline', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const result = await call(client({ baseURL: `http://127.0.0.1:${free}`, maxRetries: 0 }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'offline' } });
  });

  test('aborting mid-stream stops it and says so', async () => {
    let release!: () => void;
    stub.queue({ kind: 'tool', input: GOOD_REWRITES, chunks: 10, holdBeforeEnd: new Promise<void>((r) => (release = r)) });
    const controller = new AbortController();
    let partials = 0;
    const result = await call(client(), {
      signal: controller.signal,
      onPartial: () => {
        partials++;
        controller.abort();
      },
    });
    release();
    expect(partials).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-12-03T15:00:00Z');
  test.each([
    ['12', 12],
    ['1.2', 2],
    ['Thu, 03 Dec 2026 15:00:45 GMT', 45],
    ['Thu, 03 Dec 2026 14:00:00 GMT', 0],
    ['soon', 30],
    [null, 30],
  ])('%s -> %i s', (header, seconds) => expect(retryAfterSeconds(header, now)).toBe(seconds));
});
