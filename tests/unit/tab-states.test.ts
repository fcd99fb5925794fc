import { describe, expect, test } from 'vitest';
import { TabStates, type StateStorage } from '../../lib/tab-states';
import type { TabState } from '../../lib/protocol';

const memory = (): StateStorage & { data: Map<string, unknown> } => {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    remove: async (k) => void data.delete(k),
  };
};

const state = (tabId: number, draft: string): TabState => ({
  tabId,
  site: 'demo',
  conversationId: `T-${tabId}`,
  url: 'http://127.0.0.1/helpdesk/',
  draft,
  draftLength: draft.length,
  customer: [],
  findings: [],
  verdict: null,
  updatedAt: 1,
});

describe('TabStates', () => {
  test('subscribers of a tab hear its updates and no other tab’s', async () => {
    const states = new TabStates(memory());
    const heard: (string | null)[] = [];
    const stop = states.subscribe(1, (s) => heard.push(s?.draft ?? null));
    await states.set(state(1, 'a'));
    await states.set(state(2, 'other tab'));
    await states.remove(1);
    stop();
    await states.set(state(1, 'after unsubscribe'));
    expect(heard).toEqual(['a', null]);
  });

  test('a new instance (a restarted worker) answers from storage', async () => {
    const storage = memory();
    await new TabStates(storage).set(state(7, 'kept across restarts'));
    const restarted = new TabStates(storage);
    expect((await restarted.get(7))?.draft).toBe('kept across restarts');
    expect(await restarted.get(8)).toBeNull();
  });

  test('removing a tab clears its stored state', async () => {
    const storage = memory();
    const states = new TabStates(storage);
    await states.set(state(3, 'x'));
    await states.remove(3);
    expect(storage.data.size).toBe(0);
    expect(await new TabStates(storage).get(3)).toBeNull();
  });
});
