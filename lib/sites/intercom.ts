import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import type { CustomerMessage } from '../protocol';
import { editorsIn, lastFrom, lastMessages, message, messageText, outermost, textOf, timeOf } from './common/dom';

// Intercom's Inbox (app.intercom.com, and the EU and Australian regions). Sure: the URL
// /a/inbox/<workspace>/inbox/…/conversation/<id>, a ProseMirror composer, message bodies as
// .intercom-interblocks. The part markup (BEM conversation__part with --user/--admin/--note, and
// data-part-* attributes) is read with fallbacks: check it on a live workspace after Intercom reworks it.
const HOSTS = ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'];

const SEL = {
  editors: '.ProseMirror[contenteditable="true"], [data-composer] [contenteditable="true"][role="textbox"]',
  /** The composer in note mode writes to colleagues, not the customer. */
  noteComposer: '[data-composer-type="note"], [class*="composer--note"]',
  part: '[data-part-id], [data-conversation-part-id], .conversation__part',
  note: '[data-part-type="note"], [class*="part--note"]',
  body: '[data-part-body], .conversation__part-body, .intercom-interblocks',
  author: '[data-part-author-name], .conversation__part-author',
  skip: '.conversation__part-metadata, .conversation__part-author, [data-part-metadata]',
};

/** The customer: a user or a lead (a visitor who is not signed in), never an admin, a bot or a note. */
const CUSTOMER_TYPES = new Set(['user', 'lead', 'contact', 'visitor']);

function authorType(part: Element): string | undefined {
  const attr = part.getAttribute('data-part-author-type') ?? part.getAttribute('data-author-type');
  if (attr) return attr.toLowerCase();
  return part.className.match(/conversation__part--(user|lead|contact|visitor|admin|bot|operator|note)\b/)?.[1];
}

const parts = (doc: Document) => outermost(doc.querySelectorAll(SEL.part));

function customerPart(part: Element): CustomerMessage | null {
  if (part.matches(SEL.note) || !CUSTOMER_TYPES.has(authorType(part) ?? '')) return null;
  const body = part.querySelector(SEL.body) ?? part;
  const author = part.querySelector('[data-part-author-name]')?.getAttribute('data-part-author-name') || textOf(part, SEL.author);
  return message(messageText(body, { skip: SEL.skip }), author, timeOf(part));
}

function adminPart(part: Element): CustomerMessage | null {
  if (part.matches(SEL.note) || authorType(part) !== 'admin') return null;
  return message(messageText(part.querySelector(SEL.body) ?? part, { skip: SEL.skip }));
}

export const intercomAdapter: SiteAdapter = {
  id: 'intercom',
  name: 'Intercom',
  matches: (url) => HOSTS.includes(url.hostname),
  findEditors: (doc) => editorsIn(doc, SEL.editors, SEL.noteComposer),
  customerMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(parts(doc), limit, customerPart),
  agentMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(parts(doc), limit, adminPart).map((m) => m.text),
  lastFrom: (doc) => lastFrom(parts(doc), customerPart, adminPart),
  channel: () => 'chat',
  conversationId: (_doc, url) => url.pathname.match(/\/conversations?\/(\d+)/)?.[1] ?? url.pathname,
};
