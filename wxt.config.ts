import { defineConfig } from 'wxt';
import { ANTHROPIC_API_ORIGIN, HELPDESK_MATCHES, LOCAL_MATCHES } from './lib/hosts';
import { DATA_SENT_TO_CLAUDE } from './lib/ai/vocabulary';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Tact',
    description: 'Say this, not that: a real-time copilot for customer-support replies.',
    permissions: ['storage', 'tabs', 'scripting'],
    host_permissions: [...HELPDESK_MATCHES, ...LOCAL_MATCHES, ANTHROPIC_API_ORIGIN],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Open Tact' },
    // Nothing leaves the browser unless a QA lead adds an AI key; Firefox asks extensions to say so,
    // and to ask for consent (optional, requested when the key is saved: utils/data-consent.ts).
    browser_specific_settings: { gecko: { id: 'tact@tact.example', data_collection_permissions: { required: ['none'], optional: [...DATA_SENT_TO_CLAUDE] } } },
  },
  vite: () => ({ build: { chunkSizeWarningLimit: 1000 } }),
});
