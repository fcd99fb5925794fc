import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import type { CustomerMessage } from '../protocol';
import { cssString, editorsIn, hostIs, lastFrom, lastMessages, message, messageText, textOf, timeOf } from './common/dom';

// Zendesk Agent Workspace. The data-test-id attributes are Zendesk's own and are what public
// userscripts and extensions for the workspace rely on (omni-log-*, omnicomposer-*, data-ticket-id).
const SEL = {
  /** Each open ticket tab keeps its panel in the DOM; the current one is the ancestor with its id. */
  ticketPanel: (id: string) => `[data-ticket-id=${cssString(id)}]`,
  selectedTab: '[data-test-id="header-tab"][aria-current="page"], [data-test-id="header-tab"][data-entity-is-selected="true"]',
  /** Email and web-form tickets get the rich-text composer; messaging (web chat, WhatsApp…) the plain-text one. */
  richComposer: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
  plainComposer: '[data-test-id="omnicomposer-plain-text-ckeditor"]',
  /** The workspace's two composers, then the ticket editor's rich-text container of older layouts. */
  composers: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable]',
    '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable]',
    '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
    '.zendesk-editor--rich-text-container [contenteditable="true"]',
  ].join(', '),
  /** One <article> per event in the conversation log. */
  logItem: 'article[data-test-id="omni-log-comment-item"]',
  /** The message bubble; its `type` attribute is "end-user", "agent" or "internal". */
  logMessage: '[data-test-id="omni-log-item-message"]',
  internalNote: '[data-test-id="omni-log-internal-note-tag"]',
  content: '[data-test-id="omni-log-message-content"]',
  sender: '[data-test-id="omni-log-item-sender"], [data-test-id="omni-log-comment-user-link"]',
  time: 'time[data-test-id^="timestamp-"][datetime], time[datetime]',
  /** Inside a message: UI and the mail signature, not what the customer wrote now. */
  skip: '.signature, [data-test-id$="-indicator"]',
};

const ticketId = (url: URL | undefined) => url?.pathname.match(/\/agent\/tickets\/(\d+)/)?.[1];

/** The URL the document was loaded with (findEditors and customerMessages get no URL). */
function docUrl(doc: Document): URL | undefined {
  try {
    return new URL(doc.URL);
  } catch {
    return undefined;
  }
}

/** The ticket on screen: from the URL, else the selected tab in the workspace's header. */
function currentTicket(doc: Document, url = docUrl(doc)): string | undefined {
  return ticketId(url) ?? doc.querySelector(SEL.selectedTab)?.getAttribute('data-entity-id') ?? undefined;
}

/** The current ticket's panel, else the whole page (a ticket opened on its own). */
function scope(doc: Document, url?: URL): ParentNode {
  const id = currentTicket(doc, url);
  return (id && doc.querySelector(SEL.ticketPanel(id))) || doc;
}

function customerItem(item: Element): CustomerMessage | null {
  const bubble = item.querySelector(SEL.logMessage);
  if (!bubble || bubble.getAttribute('aria-hidden') === 'true') return null;
  if (item.querySelector(SEL.internalNote) || bubble.getAttribute('type') !== 'end-user') return null;
  const body = bubble.querySelector(SEL.content) ?? bubble;
  return message(messageText(body, { skip: SEL.skip }), textOf(item, SEL.sender), timeOf(item, SEL.time));
}

function agentItem(item: Element): CustomerMessage | null {
  const bubble = item.querySelector(SEL.logMessage);
  if (!bubble || item.querySelector(SEL.internalNote) || bubble.getAttribute('type') !== 'agent') return null;
  return message(messageText(bubble.querySelector(SEL.content) ?? bubble, { skip: SEL.skip }));
}

export const zendeskAdapter: SiteAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: (url) => hostIs(url, 'zendesk.com'),
  findEditors: (doc) => editorsIn(scope(doc), SEL.composers),
  customerMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(scope(doc).querySelectorAll(SEL.logItem), limit, customerItem),
  agentMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(scope(doc).querySelectorAll(SEL.logItem), limit, agentItem).map((m) => m.text),
  lastFrom: (doc) => lastFrom(scope(doc).querySelectorAll(SEL.logItem), customerItem, agentItem),
  channel(doc, url) {
    const panel = scope(doc, url);
    if (panel.querySelector(SEL.plainComposer)) return 'chat';
    if (panel.querySelector(SEL.richComposer)) return 'email';
    return null;
  },
  conversationId: (doc, url) => currentTicket(doc, url) ?? url.pathname,
};
