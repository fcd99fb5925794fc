import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import { editorsIn, emailIn, lastMessages, message, messageText, textOf, timeOf } from './common/dom';

// Outlook on the web: work accounts (outlook.office.com, outlook.office365.com, and
// outlook.cloud.microsoft, where Microsoft is moving them) and personal ones (outlook.live.com).
// Its classes are generated, so this reads what stays: the reading pane's
// data-app-section="ConversationContainer", each message body's id="UniqueMessageBody_…" (inside
// role="document"), the sender's "From: … <address>" label, the selected conversation's data-convid,
// the mailbox root id="primaryMailboxRoot_…" titled with the account's address, and the compose
// body: a role="textbox" contenteditable inside id="editorParent_…".
const HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft', 'outlook.live.com'];

const SEL = {
  editors: [
    '[id^="editorParent"] [contenteditable="true"]',
    'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
    'div[contenteditable="true"][aria-label="Message body"]',
  ].join(', '),
  conversation: '[data-app-section="ConversationContainer"]',
  body: '[id^="UniqueMessageBody"]',
  sender: '[data-testid="SenderPersona"], [aria-label*="@"], [title*="@"]',
  time: '[data-testid="SentReceivedSavedTime"], time[datetime]',
  /** A reply's own text ends where Outlook's "From: … Sent: …" header of the quoted mail begins. */
  stopAt: '[id$="divRplyFwdMsg"], [id$="appendonsend"]',
  skip: 'blockquote, [id$="Signature"]',
  account: '[id^="primaryMailboxRoot_"], #mectrl_currentAccount_secondary',
  selected: '[data-convid][aria-selected="true"]',
};

/** The signed-in mailbox's address (the folder tree's root is titled with it). */
function ownAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  for (const el of doc.querySelectorAll(SEL.account)) {
    const email = emailIn(el.getAttribute('data-folder-name')) ?? emailIn(el.getAttribute('title')) ?? emailIn(el.textContent);
    if (email) own.add(email);
  }
  return own;
}

/** The element holding one message: the widest ancestor of its body that holds no other body. */
function messageRoot(body: Element, stop: Element | null): Element {
  let root = body;
  while (root.parentElement && root.parentElement !== stop && root.parentElement.querySelectorAll(SEL.body).length === 1) {
    root = root.parentElement;
  }
  return root;
}

/** The sender's element in the message's header (not an address quoted in the body). */
function senderOf(root: Element, body: Element): Element | undefined {
  return [...root.querySelectorAll(SEL.sender)].find((el) => !body.contains(el) && !el.contains(body));
}

export const outlookAdapter: SiteAdapter = {
  id: 'outlook',
  name: 'Outlook on the web',
  matches: (url) => HOSTS.includes(url.hostname),
  findEditors: (doc) =>
    // A recipient well is a contenteditable textbox too; it holds the remove buttons of its addresses.
    editorsIn(doc, SEL.editors).filter((el) => !el.querySelector('#removeButton') && !/^(to|cc|bcc)$/i.test(el.getAttribute('aria-label') ?? '')),
  customerMessages(doc, limit = MAX_CUSTOMER_MESSAGES) {
    const own = ownAddresses(doc);
    if (own.size === 0) return []; // not knowing who the agent is, every message could be theirs
    const pane = doc.querySelector(SEL.conversation);
    return lastMessages((pane ?? doc).querySelectorAll(SEL.body), limit, (body) => {
      if (body.closest('[contenteditable="true"]')) return null; // a draft's own quoted copy
      const root = messageRoot(body, pane);
      const sender = senderOf(root, body);
      const label = `${sender?.getAttribute('aria-label') ?? ''} ${sender?.getAttribute('title') ?? ''} ${sender?.textContent ?? ''}`;
      const email = emailIn(label);
      if (!sender || !email || own.has(email)) return null;
      const name = messageText(sender).replace(/<?[\w.+'-]+@[\w.-]+>?/, '').trim() || email;
      const time = timeOf(root, SEL.time) ?? textOf(root, SEL.time);
      return message(messageText(body, { skip: SEL.skip, stopAt: SEL.stopAt }), name, time);
    });
  },
  channel: () => 'email',
  conversationId(doc, url) {
    const id = url.pathname.match(/\/id\/([^/]+)/)?.[1];
    if (id) return decodeURIComponent(id);
    return doc.querySelector(SEL.selected)?.getAttribute('data-convid') ?? url.pathname;
  },
};
