import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createPanelConnection } from '@/utils/panel-connection';
import { Panel } from '@/components/Panel';
import '@/components/panel.css';

const connection = createPanelConnection();

// `?tab=ID` pins the panel to one tab (browser tests open the panel as an ordinary tab);
// otherwise it follows whichever tab is active in this window.
const pinned = Number(new URLSearchParams(location.search).get('tab'));
if (Number.isInteger(pinned) && pinned > 0) {
  connection.follow(pinned);
} else {
  void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id && connection.follow(tab.id));
  browser.tabs.onActivated.addListener(({ tabId }) => connection.follow(tabId));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Panel connection={connection} />
  </StrictMode>,
);
