import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import { editorsIn, emailIn, lastMessages, message, messageText, timeOf } from './common/dom';

// Gmail (mail.google.com). Its class names are minified but have been stable for years; these
// are the ones gmail.js and most Gmail extensions read: div.adn[data-message-id] an expanded
// message, span.gD[email] its sender, span.g3[title] its date, div.a3s its body, .gmail_quote the
// quoted mail, h2.hP[data-thread-perm-id] the subject. The compose body is div[g_editable="true"].
const SEL = {
  editors: 'div[g_editable="true"][contenteditable="true"], div.Am.editable[contenteditable="true"]',
  message: 'div.adn[data-message-id], div.adn[data-legacy-message-id]',
  sender: 'span.gD[email]',
  date: 'span.g3[title]',
  body: 'div.a3s',
  skip: '.gmail_quote, .gmail_signature, blockquote, .yj6qo',
  /** The "From" of an open draft: the address (maybe an alias) the agent writes as. */
  draftFrom: 'input[name="from"]',
  account: 'a[aria-label*="@"][href*="accounts.google.com"]',
  thread: 'h2.hP[data-thread-perm-id], [data-legacy-thread-id]',
};

/**
 * The addresses the agent writes from: the signed-in account (in the window title, "Inbox -
 * ann@acme.com - Gmail", and on the account button) and the From of any open draft.
 */
function ownAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  const add = (s: string | null | undefined) => {
    const email = emailIn(s);
    if (email) own.add(email);
  };
  add(doc.title.split(' - ').at(-2)); // the subject before it may hold addresses too
  add(doc.querySelector(SEL.account)?.getAttribute('aria-label'));
  for (const input of doc.querySelectorAll(SEL.draftFrom)) add(input.getAttribute('value'));
  return own;
}

export const gmailAdapter: SiteAdapter = {
  id: 'gmail',
  name: 'Gmail',
  matches: (url) => url.hostname === 'mail.google.com',
  findEditors: (doc) => editorsIn(doc, SEL.editors),
  customerMessages(doc, limit = MAX_CUSTOMER_MESSAGES) {
    const own = ownAddresses(doc);
    if (own.size === 0) return []; // not knowing who the agent is, every message could be theirs
    return lastMessages(doc.querySelectorAll(SEL.message), limit, (m) => {
      const sender = m.querySelector(SEL.sender);
      const email = sender?.getAttribute('email')?.toLowerCase();
      const body = m.querySelector(SEL.body);
      if (!email || own.has(email) || !body) return null; // collapsed messages have no body
      const author = sender?.getAttribute('name') || sender?.textContent?.trim() || email;
      return message(messageText(body, { skip: SEL.skip }), author, timeOf(m, SEL.date));
    });
  },
  channel: () => 'email',
  conversationId(doc, url) {
    // #inbox/FMfcgzQXJWbq… : the last part of the hash is the thread.
    const fromHash = url.hash.split('/').pop()?.split('?')[0];
    if (fromHash && /^[A-Za-z0-9]{16,}$/.test(fromHash)) return fromHash;
    const h = doc.querySelector(SEL.thread);
    return h?.getAttribute('data-thread-perm-id') ?? h?.getAttribute('data-legacy-thread-id') ?? (url.hash || url.pathname);
  },
};
