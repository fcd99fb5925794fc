import { browser } from 'wxt/browser';
import { PANEL_PORT, backgroundToPanelSchema, type AiStatus, type AiTabState, type TabState } from '@/lib/protocol';

export interface PanelSnapshot {
  tabId: number | null;
  state: TabState | null;
  /** False while the worker is restarting and the port is being re-established. */
  connected: boolean;
  /** The tab's AI rewrite, if the agent asked for one. */
  ai: AiTabState | null;
  /** Whether AI is set up (null until the background said). */
  aiStatus: AiStatus | null;
}

/**
 * Follows one tab's state over a port to the background. A port closes when Chrome stops the
 * service worker; we reconnect at once, which starts the worker again and replays the stored state.
 * Shaped for React's useSyncExternalStore: `subscribe` and an immutable `getSnapshot`.
 */
export function createPanelConnection() {
  let snapshot: PanelSnapshot = { tabId: null, state: null, connected: false, ai: null, aiStatus: null };
  const listeners = new Set<() => void>();
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let closed = false;

  const update = (patch: Partial<PanelSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const l of listeners) l();
  };

  const connect = () => {
    if (closed) return;
    port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const msg = backgroundToPanelSchema.safeParse(raw);
      if (!msg.success || msg.data.tabId !== snapshot.tabId) return;
      if (msg.data.type === 'state') update({ state: msg.data.state, connected: true });
      else update({ ai: msg.data.ai, aiStatus: msg.data.status });
    });
    port.onDisconnect.addListener(() => {
      port = null;
      update({ connected: false });
      setTimeout(connect, 50);
    });
    if (snapshot.tabId != null) port.postMessage({ type: 'subscribe', tabId: snapshot.tabId });
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    follow(tabId: number) {
      if (tabId === snapshot.tabId) return;
      update({ tabId, state: null, ai: null });
      if (!port) connect();
      else port.postMessage({ type: 'subscribe', tabId });
    },
    close() {
      closed = true;
      port?.disconnect();
    },
  };
}
export type PanelConnection = ReturnType<typeof createPanelConnection>;
