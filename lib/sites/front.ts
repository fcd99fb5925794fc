import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import type { CustomerMessage } from '../protocol';
import { editorsIn, lastFrom, lastMessages, message, messageText, outermost, textOf, timeOf } from './common/dom';

// Front (app.frontapp.com). Sure: conversation ids look like cnv_…, messages are inbound (from the
// contact) or outbound (from a teammate), and comments are the team's internal discussion, with a
// composer of their own under the thread. The markup (data-message-id / data-comment-id, the
// direction as data-direction or a message--inbound class) is read with fallbacks: check it on a
// live account when Front reworks its app.
const SEL = {
  editors: [
    '[data-testid="reply-composer"] [contenteditable="true"]',
    '.reply-composer [contenteditable="true"]',
    '[data-testid="composer"] [contenteditable="true"]',
    '.ProseMirror[contenteditable="true"]',
  ].join(', '),
  /** The comment box under a conversation posts to teammates only. */
  commentComposer: '[data-testid="comment-composer"], .comment-composer',
  item: '[data-message-id], [data-comment-id], .message, .comment',
  comment: '[data-comment-id], .comment',
  body: '[data-testid="message-body"], .message-body',
  author: '[data-testid="message-sender"], .message-sender',
  skip: 'blockquote, .gmail_quote, .front-quote, .message-signature',
  channel: '[data-channel-type]',
};

/**
 * Inbound (written by the contact) or outbound (by a teammate): Front's API calls it is_inbound; the
 * app marks the direction. A message whose direction the page does not show is neither side's.
 */
function directionOf(item: Element): 'inbound' | 'outbound' | undefined {
  const dir = item.getAttribute('data-direction') ?? item.getAttribute('data-message-direction');
  if (dir) return dir === 'inbound' || dir === 'outbound' ? dir : undefined;
  const flag = item.getAttribute('data-is-inbound');
  if (flag !== null) return flag === 'true' ? 'inbound' : flag === 'false' ? 'outbound' : undefined;
  if (item.classList.contains('message--inbound') || item.classList.contains('is-inbound')) return 'inbound';
  if (item.classList.contains('message--outbound') || item.classList.contains('is-outbound')) return 'outbound';
  return undefined;
}

const items = (doc: Document) => outermost(doc.querySelectorAll(SEL.item));

function inboundItem(item: Element): CustomerMessage | null {
  if (item.matches(SEL.comment) || directionOf(item) !== 'inbound') return null;
  const body = item.querySelector(SEL.body) ?? item;
  return message(messageText(body, { skip: SEL.skip }), textOf(item, SEL.author), timeOf(item));
}

function outboundItem(item: Element): CustomerMessage | null {
  if (item.matches(SEL.comment) || directionOf(item) !== 'outbound') return null;
  return message(messageText(item.querySelector(SEL.body) ?? item, { skip: SEL.skip }));
}

export const frontAdapter: SiteAdapter = {
  id: 'front',
  name: 'Front',
  matches: (url) => url.hostname === 'app.frontapp.com',
  findEditors: (doc) => editorsIn(doc, SEL.editors, SEL.commentComposer),
  customerMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(items(doc), limit, inboundItem),
  agentMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(items(doc), limit, outboundItem).map((m) => m.text),
  lastFrom: (doc) => lastFrom(items(doc), inboundItem, outboundItem),
  channel(doc) {
    const type = doc.querySelector(SEL.channel)?.getAttribute('data-channel-type') ?? '';
    if (/chat|sms|whatsapp|messenger|intercom|twilio/i.test(type)) return 'chat';
    if (/mail|smtp|imap|office365/i.test(type)) return 'email';
    return null;
  },
  conversationId: (doc, url) =>
    url.pathname.match(/\b(cnv_[0-9a-z]+)/i)?.[1] ??
    doc.querySelector('[data-conversation-id]')?.getAttribute('data-conversation-id') ??
    url.pathname,
};
