import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import Dexie from 'dexie';
import { TactDb } from '../../lib/storage/db';
import { dismissalKey } from '../../lib/draft-analysis';
import { sentenceAround } from '../../lib/sentence';

let n = 0;
const fresh = () => new TactDb(`tact-test-${++n}`);
const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const base = {
  entryId: 'en-policy-speak-thats-our-policy',
  locale: 'en',
  source: 'phrasebook' as const,
  site: 'demo',
  conversationId: 'T-1',
  phrase: "That's our policy",
  sentence: "That's our policy, sorry.",
};

describe('TactDb', () => {
  test('walks every version from an empty database to the latest', async () => {
    const db = fresh();
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['aiReadings', 'aiRewrites', 'feedback', 'flagReviews', 'phrasebookEdits', 'phrasebookHistory']);
    expect(db.aiReadings.schema.primKey.name).toBe('key');
    expect(db.feedback.schema.indexes.map((i) => i.name).sort()).toEqual(['[conversationId+kind]', 'createdAt', 'entryId', 'kind']);
    expect(db.aiRewrites.schema.primKey.name).toBe('key');
    expect(db.aiRewrites.schema.indexes.map((i) => i.name)).toEqual(['createdAt']);
    expect(db.phrasebookEdits.schema.primKey.name).toBe('id');
    expect(db.phrasebookHistory.schema.primKey).toMatchObject({ name: 'id', auto: true });
    expect(db.flagReviews.schema.primKey.name).toBe('feedbackId');
  });

  test('v1 -> v2 -> v4: the feedback and the AI answer cache kept, the studio and reading tables added empty', async () => {
    const name = `tact-test-${++n}`;
    // Version 1 and version 2 exactly as they shipped.
    const v1 = new Dexie(name);
    v1.version(1).stores({ feedback: '++id, kind, entryId, createdAt, [conversationId+kind]' });
    await v1.table('feedback').add({ ...base, kind: 'dismiss', createdAt: 1 });
    v1.close();
    const v2 = new Dexie(name);
    v2.version(1).stores({ feedback: '++id, kind, entryId, createdAt, [conversationId+kind]' });
    v2.version(2).stores({ aiRewrites: 'key, createdAt' });
    expect(await v2.table('feedback').count()).toBe(1);
    await v2.table('aiRewrites').put({ key: 'k', model: 'claude-haiku-5-5', output: { rewrites: [] }, createdAt: 2 });
    v2.close();
    const db = new TactDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.dismissedIn('T-1')).toEqual(new Set([dismissalKey(base.entryId, base.phrase)]));
    expect(await db.aiRewrites.get('k')).toMatchObject({ model: 'claude-haiku-5-5' });
    expect(await db.phrasebookEdits.count()).toBe(0);
    expect(await db.phrasebookHistory.count()).toBe(0);
    expect(await db.flagReviews.count()).toBe(0);
    expect(await db.aiReadings.count()).toBe(0);
  });

  test('stores a flag with its reason and context, and rejects a flag without a reason', async () => {
    const db = fresh();
    dbs.push(db);
    const id = await db.record({ ...base, kind: 'flag', reason: 'off-brand', note: 'we never say "policy"', tone: 'angry' });
    const row = await db.feedback.get(id);
    expect(row).toMatchObject({ ...base, kind: 'flag', reason: 'off-brand', note: 'we never say "policy"', tone: 'angry' });
    expect(row?.createdAt).toBeTypeOf('number');
    await expect(db.record({ ...base, kind: 'flag' })).rejects.toThrow(/reason/);
  });

  test('dismissals are per conversation and can be taken back', async () => {
    const db = fresh();
    dbs.push(db);
    const id = await db.record({ ...base, kind: 'dismiss' });
    await db.record({ ...base, kind: 'dismiss', conversationId: 'T-2', entryId: 'other' });
    expect(await db.dismissedIn('T-1')).toEqual(new Set([dismissalKey(base.entryId, base.phrase)]));
    expect(await db.dismissedIn('T-3')).toEqual(new Set());
    await db.undo(id);
    expect(await db.dismissedIn('T-1')).toEqual(new Set());
    expect((await db.feedback.get(id))?.undoneAt).toBeTypeOf('number');
  });

  test('AI dismissals name their sentences, per conversation, until taken back', async () => {
    const db = fresh();
    dbs.push(db);
    const ai = { ...base, kind: 'dismiss' as const, source: 'ai' as const, entryId: 'ai:claude-haiku-5-5', phrase: 'Unfortunately It Is Lost.' };
    const id = await db.record(ai);
    await db.record({ ...ai, conversationId: 'T-2', phrase: 'Elsewhere.' });
    await db.record({ ...base, kind: 'dismiss' }); // a phrasebook dismissal is not an AI one
    await db.record({ ...ai, kind: 'apply', phrase: 'Applied, not dismissed.' });
    expect(await db.aiDismissedIn('T-1')).toEqual(new Set(['unfortunately it is lost.']));
    await db.undo(id);
    expect(await db.aiDismissedIn('T-1')).toEqual(new Set());
  });
});

describe('sentenceAround', () => {
  test.each([
    ['Hi. That is our policy, sorry! Bye.', 4, 22, 'That is our policy, sorry!'],
    ['no punctuation at all', 3, 5, 'no punctuation at all'],
    ['第一句。这是公司规定。第三句', 4, 10, '这是公司规定。'],
    ['line one\nline two has it\nline three', 14, 17, 'line two has it'],
  ])('%s', (text, start, end, expected) => {
    expect(sentenceAround(text, start, end)).toBe(expected);
  });
});
