import type { SiteAdapter } from './adapter';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import { EDITABLE, editorsIn, lastMessages, message, messageText, outermost, timeOf } from './common/dom';

// Any other site, once the user enabled its origin in the settings (adapterFor checks that):
// the reply box is the focused editable, else the largest shown one. The customer's messages are
// read only where the page says plainly which messages are the customer's; anything less would be
// a guess, and a wrong customer is worse than none.

/** Not a reply box: search fields, and editables the page marks as not for typing into. */
const NOT_A_REPLY = '[role="search"], [role="searchbox"], [role="combobox"], [aria-readonly="true"], [aria-disabled="true"]';

/** Attributes a page uses to say who wrote a message, and the values that mean the customer. */
const ROLE_ATTRS = ['data-author-role', 'data-sender-role', 'data-sender-type', 'data-author-type', 'data-role'];
const CUSTOMER_ROLES = new Set(['customer', 'end-user', 'end_user', 'enduser', 'requester', 'contact', 'visitor', 'client']);
const MARKED = ROLE_ATTRS.map((a) => `[${a}]`).join(', ');
const isCustomer = (el: Element) => ROLE_ATTRS.some((a) => CUSTOMER_ROLES.has(el.getAttribute(a)?.trim().toLowerCase() ?? ''));
/** Where a marked message keeps its text, apart from its author and time. */
const BODY = '[data-message-body], [itemprop="text"], .message-body, .body';

/** The editor's area on screen, or 0 where there is no layout. */
function area(el: Element): number {
  const r = el.getBoundingClientRect?.();
  return r ? r.width * r.height : 0;
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Other site (enabled in settings)',
  optIn: true,
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  findEditors(doc) {
    // Largest first; a stable sort keeps document order among equals (and where there is no layout).
    return editorsIn(doc, EDITABLE, NOT_A_REPLY)
      .map((el) => ({ el, area: area(el) }))
      .sort((a, b) => b.area - a.area)
      .map(({ el }) => el);
  },
  customerMessages(doc, limit = MAX_CUSTOMER_MESSAGES) {
    // Of nested marks the outermost is the message.
    const marked = outermost([...doc.querySelectorAll(MARKED)].filter(isCustomer));
    return lastMessages(marked, limit, (m) => {
      const body = m.querySelector(BODY) ?? m;
      const author = m.getAttribute('data-author') || m.querySelector('[itemprop="author"]')?.textContent?.trim() || undefined;
      return message(messageText(body), author, timeOf(m));
    });
  },
  channel: () => null,
  conversationId: (_doc, url) => url.pathname + (/^#[!/]/.test(url.hash) ? url.hash : ''),
};
