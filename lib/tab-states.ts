import type { TabState } from './protocol';

/** Where tab states survive a service-worker restart (browser.storage.session in the extension). */
export interface StateStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

type Listener = (state: TabState | null) => void;

const keyOf = (tabId: number) => `tab:${tabId}`;

/**
 * The latest analysis per tab, with subscribers (side panels) per tab. Every update is written
 * through to storage so a restarted worker answers a reconnecting panel with what it showed before.
 */
export class TabStates {
  private readonly states = new Map<number, TabState>();
  private readonly listeners = new Map<number, Set<Listener>>();

  constructor(private readonly storage: StateStorage) {}

  async get(tabId: number): Promise<TabState | null> {
    const cached = this.states.get(tabId);
    if (cached) return cached;
    const stored = (await this.storage.get(keyOf(tabId))) as TabState | undefined;
    if (stored) this.states.set(tabId, stored);
    return stored ?? null;
  }

  async set(state: TabState): Promise<void> {
    this.states.set(state.tabId, state);
    this.emit(state.tabId, state);
    await this.storage.set(keyOf(state.tabId), state);
  }

  async remove(tabId: number): Promise<void> {
    this.states.delete(tabId);
    this.emit(tabId, null);
    await this.storage.remove(keyOf(tabId));
  }

  subscribe(tabId: number, listener: Listener): () => void {
    let set = this.listeners.get(tabId);
    if (!set) this.listeners.set(tabId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit(tabId: number, state: TabState | null) {
    for (const l of this.listeners.get(tabId) ?? []) l(state);
  }
}
