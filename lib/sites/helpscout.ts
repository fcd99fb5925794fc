import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import type { CustomerMessage } from '../protocol';
import { editorsIn, lastFrom, lastMessages, message, messageText, outermost, textOf, timeOf } from './common/dom';

// Help Scout (secure.helpscout.net). Sure: conversations at /conversation/<id>/<number>, and the
// thread types of its API (customer, message = an agent's reply, note, lineitem, chat, phone).
// The markup below marks each thread with that type (data-thread-type, or a class of that name);
// the selectors carry fallbacks and want a check against a live mailbox when Help Scout reworks it.
const SEL = {
  editors: [
    '#reply-editor [contenteditable="true"]',
    '[data-cy="ReplyEditor"] [contenteditable="true"]',
    '.redactor-editor[contenteditable="true"]',
    '.redactor_editor[contenteditable="true"]',
    '.c-editor .ProseMirror[contenteditable="true"]',
  ].join(', '),
  noteEditor: '#note-editor, [data-cy="NoteEditor"], .is-note-editor, form.note',
  thread: '[data-thread-id], .thread',
  body: '[data-cy="ThreadBody"], .thread-content, .message-body',
  author: '[data-cy="ThreadAuthor"], .thread-header .name, .thread-author',
  time: 'time[datetime], [data-cy="ThreadDate"][title], .thread-date[title]',
  skip: 'blockquote, .gmail_quote, .hs-quoted, .thread-signature',
  chatConversation: '[data-conversation-type="chat"], .conversation.is-chat',
};

/** The thread's type as Help Scout's API names it: "customer" is the only one the customer wrote. */
function threadType(thread: Element): string | undefined {
  const attr = thread.getAttribute('data-thread-type');
  if (attr) return attr.toLowerCase();
  const types = ['customer', 'message', 'note', 'lineitem', 'chat', 'phone', 'forwardchild', 'forwardparent'];
  return types.find((t) => thread.classList.contains(t) || thread.classList.contains(`thread--${t}`));
}

const conversationOf = (url: URL) => url.pathname.match(/\/conversation\/(\d+)/)?.[1];

const threads = (doc: Document) => outermost(doc.querySelectorAll(SEL.thread));

function customerThread(thread: Element): CustomerMessage | null {
  if (threadType(thread) !== 'customer') return null;
  const body = thread.querySelector(SEL.body) ?? thread;
  return message(messageText(body, { skip: SEL.skip }), textOf(thread, SEL.author), timeOf(thread, SEL.time));
}

/** "message" is an agent's reply; notes and line items ("Assigned to…") never reach the customer. */
function replyThread(thread: Element): CustomerMessage | null {
  if (threadType(thread) !== 'message') return null;
  return message(messageText(thread.querySelector(SEL.body) ?? thread, { skip: SEL.skip }));
}

export const helpscoutAdapter: SiteAdapter = {
  id: 'helpscout',
  name: 'Help Scout',
  matches: (url) => url.hostname === 'secure.helpscout.net',
  findEditors: (doc) => editorsIn(doc, SEL.editors, SEL.noteEditor),
  customerMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(threads(doc), limit, customerThread),
  agentMessages: (doc, limit = MAX_CUSTOMER_MESSAGES) => lastMessages(threads(doc), limit, replyThread).map((m) => m.text),
  lastFrom: (doc) => lastFrom(threads(doc), customerThread, replyThread),
  channel(doc, url) {
    if (doc.querySelector(SEL.chatConversation)) return 'chat';
    return conversationOf(url) ? 'email' : null;
  },
  conversationId: (_doc, url) => conversationOf(url) ?? url.pathname,
};
