import { browser } from 'wxt/browser';
import { PANEL_PORT, panelToBackgroundSchema, type BackgroundToPanel } from '@/lib/protocol';
import { onMessage } from '@/utils/messaging';
import type { BackgroundContext } from './context';

/** Side panels subscribe to one tab each over a port; every state change is pushed, no polling. */
export function registerPanelPorts(ctx: BackgroundContext) {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    let unsubscribe = () => {};
    const post = (msg: BackgroundToPanel) => port.postMessage(msg);
    port.onMessage.addListener((raw) => {
      const msg = panelToBackgroundSchema.safeParse(raw);
      if (!msg.success) return;
      const { tabId } = msg.data;
      unsubscribe();
      unsubscribe = ctx.states.subscribe(tabId, (state) => post({ type: 'state', tabId, state }));
      void ctx.states.get(tabId).then((state) => post({ type: 'state', tabId, state }));
    });
    port.onDisconnect.addListener(() => unsubscribe());
  });

  browser.tabs.onRemoved.addListener((tabId) => void ctx.states.remove(tabId));
  // Paused on its site: the panel shows the pause, not an analysis the page no longer updates.
  onMessage('forgetTab', async ({ sender }) => {
    if (sender.tab?.id != null) await ctx.states.remove(sender.tab.id);
  });
}
