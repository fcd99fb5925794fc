import { defineConfig } from 'wxt';

// Helpdesks Tact reads by default; any other site only after the user enables it (optional permission).
const HELPDESK_MATCHES = [
  '*://*.zendesk.com/*',
  '*://*.freshdesk.com/*',
  '*://app.intercom.com/*',
  '*://secure.helpscout.net/*',
  '*://app.frontapp.com/*',
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.live.com/*',
];
// The demo helpdesk and the browser tests are served on loopback.
const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Tact',
    description: 'Say this, not that: a real-time copilot for customer-support replies.',
    permissions: ['storage', 'tabs'],
    host_permissions: [...HELPDESK_MATCHES, ...LOCAL_MATCHES, 'https://api.anthropic.com/*'],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Open Tact' },
    browser_specific_settings: { gecko: { id: 'tact@tact.example' } },
  },
  vite: () => ({ build: { chunkSizeWarningLimit: 1000 } }),
});

export { HELPDESK_MATCHES, LOCAL_MATCHES };
