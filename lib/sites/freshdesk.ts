import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import type { CustomerMessage } from '../protocol';
import { editorsIn, hostIs, lastFrom, lastMessages, message, messageText, outermost, textOf, timeOf } from './common/dom';

// Freshdesk (the agent app at <account>.freshdesk.com/a/…). Sure: tickets at /a/tickets/<id>, the
// requester's profile at /a/contacts/<id> and an agent's at /a/agents/<id>, Froala as the editor
// (.fr-element.fr-view), each conversation entry carrying data-album (keyboard userscripts walk
// them), quoted mail wrapped in .freshdesk_quote. The class names after those are fallbacks seen
// in the ticket view's BEM markup; check them against a live account when Freshdesk reworks it.
const SEL = {
  editors: '.fr-element.fr-view[contenteditable="true"], [data-test-id="reply-editor"] [contenteditable="true"], .redactor-editor[contenteditable="true"]',
  /** Private notes are for colleagues: their editor is not the reply. */
  noteEditor: '[data-test-id*="note-editor"], [class*="note-editor"], #cnt-note, .private-note-form',
  item: '[data-album], .ticket-details__item',
  privateNote: '[class*="privatenote"], [class*="private-note"], .is-private, [data-test-id*="private-note"]',
  customerLink: 'a[href*="/a/contacts/"]',
  agentLink: 'a[href*="/a/agents/"]',
  /** Requester entries as the ticket view marks them, when there is no profile link. */
  requester: '[class*="requestor"], [class*="requester"]',
  author: '[data-test-id="user-name"], .ticket-details__user-name, a[href*="/a/contacts/"], a[href*="/a/agents/"]',
  body: '.ticket-details__content, [data-test-id="conversation-body"], .fr-view',
  time: 'time[datetime], [data-test-id="timestamp"][title], .timeago[title]',
  skip: '.freshdesk_quote, blockquote, .quoted-text',
  source: '[data-test-id="ticket-source"], .ticket-source, [class*="source-icon"][title]',
};

const ticketId = (url: URL) => url.pathname.match(/\/a\/tickets\/(\d+)/)?.[1];

/** Only the requester's entries: a profile link to a contact (or the requester marking), never a note. */
function isCustomerEntry(item: Element): boolean {
  if (item.matches(SEL.privateNote) || item.querySelector(SEL.privateNote)) return false;
  if (item.querySelector(SEL.customerLink)) return true;
  if (item.querySelector(SEL.agentLink)) return false;
  return item.matches(SEL.requester) || item.querySelector(SEL.requester) !== null;
}

/** A [data-album] entry may wrap a .ticket-details__item: the outermost of each. */
const entries = (doc: Document) => outermost(doc.querySelectorAll(SEL.item));

function customerEntry(item: Element): CustomerMessage | null {
  if (!isCustomerEntry(item)) return null;
  const body = item.querySelector(SEL.body) ?? item;
  return message(messageText(body, { skip: SEL.skip }), textOf(item, SEL.author), timeOf(item, SEL.time));
}

/** An agent's reply: a profile link to an agent, not a private note. */
function agentEntry(item: Element): CustomerMessage | null {
  if (item.matches(SEL.privateNote) || item.querySelector(SEL.privateNote) || !item.querySelector(SEL.agentLink)) return null;
  return message(messageText(item.querySelector(SEL.body) ?? item, { skip: SEL.skip }));
}

export const freshdeskAdapter: SiteAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: (url) => hostIs(url, 'freshdesk.com'),
  findEditors: (doc) => editorsIn(doc, SEL.editors, SEL.noteEditor),
  customerMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(entries(doc), limit, customerEntry),
  agentMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(entries(doc), limit, agentEntry).map((m) => m.text),
  lastFrom: (doc) => lastFrom(entries(doc), customerEntry, agentEntry),
  channel(doc, url) {
    const source = doc.querySelector(SEL.source);
    const label = `${source?.getAttribute('title') ?? ''} ${source?.textContent ?? ''}`;
    if (/chat|whatsapp|messenger|facebook|instagram|twitter|sms|line\b/i.test(label)) return 'chat';
    if (/e-?mail|portal|feedback|widget/i.test(label)) return 'email';
    return ticketId(url) ? 'email' : null; // replies to a ticket go out by mail unless it came from chat or social
  },
  conversationId: (_doc, url) => ticketId(url) ?? url.pathname,
};
