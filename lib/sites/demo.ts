import type { SiteAdapter } from './adapter';

/** Tact's own demo helpdesk (demo/helpdesk), marked with stable data-tact attributes. */
export const demoAdapter: SiteAdapter = {
  id: 'demo',
  name: 'Tact demo helpdesk',
  matches: (url) => (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && url.protocol === 'http:',
  findEditors: (doc) => [...doc.querySelectorAll('[data-tact-draft]')],
  customerMessages(doc, limit = 5) {
    const all = [...doc.querySelectorAll('[data-tact-message][data-author-role=customer]')];
    return all.slice(Math.max(0, all.length - limit)).map((m) => ({
      text: (m.querySelector('.body')?.textContent ?? m.textContent ?? '').replace(/\s+/g, ' ').trim(),
      author: m.getAttribute('data-author') ?? undefined,
      time: m.querySelector('time')?.getAttribute('datetime') ?? undefined,
    }));
  },
  agentMessages(doc, limit = 5) {
    const all = [...doc.querySelectorAll('[data-tact-message][data-author-role=agent]')];
    return all.slice(Math.max(0, all.length - limit)).map((m) => (m.querySelector('.body')?.textContent ?? '').replace(/\s+/g, ' ').trim());
  },
  lastFrom(doc) {
    const role = [...doc.querySelectorAll('[data-tact-message]')].at(-1)?.getAttribute('data-author-role');
    return role === 'customer' || role === 'agent' ? role : null;
  },
  channel: (doc) => {
    const c = doc.querySelector('[data-tact-ticket]')?.getAttribute('data-channel');
    return c === 'chat' || c === 'email' ? c : null;
  },
  conversationId: (doc, url) => doc.querySelector('[data-tact-ticket]')?.getAttribute('data-conversation-id') ?? url.pathname,
};
