import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createPanelConnection } from '@/utils/panel-connection';
import { Panel } from '@/components/Panel';
import '@/components/panel.css';

const connection = createPanelConnection();

// `?tab=ID` pins the panel to one tab (browser tests open the panel as an ordinary tab).
// Otherwise, as Chrome's side panel or Firefox's sidebar, it follows the active tab of its window;
// opened as a tab of its own, it follows the active tab of the other windows.
const pinned = Number(new URLSearchParams(location.search).get('tab'));
if (Number.isInteger(pinned) && pinned > 0) {
  connection.follow(pinned);
} else {
  void (async () => {
    const self = await browser.tabs.getCurrent();
    const own = (await browser.windows.getCurrent()).id;
    const wanted = (windowId: number) => (self ? windowId !== own : windowId === own);
    const [tab] = self
      ? await browser.tabs.query({ active: true, windowType: 'normal' }).then((tabs) => tabs.filter((t) => t.windowId !== own))
      : await browser.tabs.query({ active: true, windowId: own });
    if (tab?.id != null) connection.follow(tab.id);
    browser.tabs.onActivated.addListener(({ tabId, windowId }) => wanted(windowId) && connection.follow(tabId));
  })();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Panel connection={connection} />
  </StrictMode>,
);
