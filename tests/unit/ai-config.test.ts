import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { aiStatusOf, allowedBaseURL, parseAiConfig, updateAiConfig } from '../../lib/ai/config';
import { AiConfigDb } from '../../lib/storage/ai-config';

const empty = parseAiConfig(undefined);

describe('AI config', () => {
  test('defaults: no key, Haiku 5.5, the Anthropic API, readings only when asked', () => {
    expect(empty).toEqual({ apiKey: null, model: 'claude-haiku-5-5', baseURL: null, autoRead: false });
    expect(aiStatusOf(empty)).toEqual({ keySet: false, keyHint: null, model: 'claude-haiku-5-5', baseURL: null, autoRead: false });
    // A config stored before the setting existed reads as off.
    expect(parseAiConfig({ apiKey: 'sk-ant-1234567890', model: 'claude-haiku-5-5', baseURL: null }).autoRead).toBe(false);
  });

  test('the status says a key is set and its last four characters, never the key', () => {
    const r = updateAiConfig(empty, { apiKey: '  sk-ant-api03-secretsecret-WXYZ ' });
    expect(r.ok).toBe(true);
    const status = aiStatusOf(r.ok ? r.config : empty);
    expect(status).toEqual({ keySet: true, keyHint: 'WXYZ', model: 'claude-haiku-5-5', baseURL: null, autoRead: false });
    expect(JSON.stringify(status)).not.toContain('secret');
  });

  test.each([
    [{ apiKey: 'short' }, /API key/],
    [{ apiKey: 'has a space in it' }, /API key/],
    [{ model: 'gpt-5' }, /Unknown model/],
    [{ baseURL: 'https://evil.example.com' }, /loopback/],
    [{ baseURL: 'http://api.anthropic.com' }, /loopback/],
    [{ baseURL: 'http://127.0.0.1.evil.example/' }, /loopback/],
    [{ baseURL: 'http://user:pw@127.0.0.1:9' }, /loopback/],
  ])('refuses %j', (update, message) => {
    const r = updateAiConfig(empty, update);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });

  test.each([
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123'],
    ['http://localhost:9/', 'http://localhost:9'],
    ['https://api.anthropic.com/', 'https://api.anthropic.com'],
    ['ftp://127.0.0.1', null],
    // Loopback only where the manifest grants it: http on 127.0.0.1 and localhost.
    ['https://127.0.0.1:8443', null],
    ['http://[::1]:8123', null],
    ['not a url', null],
  ])('allowedBaseURL(%s)', (url, out) => expect(allowedBaseURL(url)).toBe(out));

  test('updates keep what they do not mention; null removes the key and the base URL', () => {
    let c = empty;
    for (const u of [{ apiKey: 'sk-ant-1234567890' }, { model: 'claude-sonnet-5-5' }, { baseURL: 'http://127.0.0.1:4000' }, { autoRead: true }]) {
      const r = updateAiConfig(c, u);
      if (!r.ok) throw new Error(r.message);
      c = r.config;
    }
    expect(c).toEqual({ apiKey: 'sk-ant-1234567890', model: 'claude-sonnet-5-5', baseURL: 'http://127.0.0.1:4000', autoRead: true });
    const cleared = updateAiConfig(c, { apiKey: null, baseURL: null });
    expect(cleared).toEqual({ ok: true, config: { apiKey: null, model: 'claude-sonnet-5-5', baseURL: null, autoRead: true } });
    // The Anthropic API spelled out is the default.
    expect(updateAiConfig(c, { baseURL: 'https://api.anthropic.com' })).toMatchObject({ config: { baseURL: null } });
  });

  test('the key is kept in its own IndexedDB, apart from TactDb', async () => {
    const db = new AiConfigDb(`tact-ai-config-${Date.now()}`);
    expect(await db.read()).toEqual(empty);
    await db.write({ apiKey: 'sk-ant-1234567890', model: 'claude-haiku-5-5', baseURL: null, autoRead: false });
    expect(await new AiConfigDb(db.name).read()).toEqual({ apiKey: 'sk-ant-1234567890', model: 'claude-haiku-5-5', baseURL: null, autoRead: false });
    expect(db.tables.map((t) => t.name)).toEqual(['config']);
    await db.delete();
  });
});
