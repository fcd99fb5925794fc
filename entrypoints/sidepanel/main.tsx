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
  const where = (async () => {
    const self = await browser.tabs.getCurrent();
    const own = (await browser.windows.getCurrent()).id;
    return { self, own, wanted: (windowId: number) => (self ? windowId !== own : windowId === own) };
  })();
  // Listen before asking which tab is active: a switch during those start-up queries must not be
  // missed, and it is newer than their answer.
  let switched = false;
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    void where.then(({ wanted }) => {
      if (!wanted(windowId)) return;
      switched = true;
      connection.follow(tabId);
    });
  });
  void where.then(async ({ self, own }) => {
    const [tab] = self
      ? await browser.tabs.query({ active: true, windowType: 'normal' }).then((tabs) => tabs.filter((t) => t.windowId !== own))
      : await browser.tabs.query({ active: true, windowId: own });
    if (!switched && tab?.id != null) connection.follow(tab.id);
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Panel connection={connection} />
  </StrictMode>,
);
