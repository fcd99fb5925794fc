import type { CustomerMessage } from '../../protocol';

// Small DOM readers the site adapters share. Pure functions over the elements passed in: no
// globals, and no layout needed (happy-dom has none), though real sizes are used when there are some.

/** Every editable a person can type a reply in. */
export const EDITABLE = 'textarea, [contenteditable]:not([contenteditable="false"])';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'BUTTON', 'SELECT', 'svg', 'SVG', 'IMG']);
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

export interface TextOptions {
  /** Parts left out: quoted earlier mail, signatures, UI inside the message. */
  skip?: string;
  /** Where the message proper ends (a reply header above quoted mail): this and all after it are left out. */
  stopAt?: string;
}

/**
 * The text a reader sees in `el`, on one line: blocks become spaces, whitespace collapses. A loop,
 * not recursion, so a page nested thousands deep cannot overflow the stack.
 */
export function messageText(el: Element, { skip, stopAt }: TextOptions = {}): string {
  const parts: string[] = [];
  // Nodes to visit, last first; a string is a separator to emit once a block's children are done.
  const stack: (Node | string)[] = [...el.childNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.nodeType === 3) parts.push((node as Text).data);
    if (node.nodeType !== 1) continue;
    const e = node as Element;
    if (stopAt && e.matches(stopAt)) break;
    if (SKIPPED_TAGS.has(e.tagName) || e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') continue;
    if (skip && e.matches(skip)) continue;
    const block = BLOCK_TAGS.has(e.tagName);
    if (block) parts.push(' ');
    if (block) stack.push(' ');
    for (let i = e.childNodes.length - 1; i >= 0; i--) stack.push(e.childNodes[i]!);
  }
  return parts.join('').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Trimmed text content of the first match, or undefined when there is none or it is empty. */
export function textOf(scope: ParentNode, selector: string): string | undefined {
  const el = scope.querySelector(selector);
  return el ? messageText(el) || undefined : undefined;
}

/** The machine-readable time of a message: a <time datetime>, else the title the app shows on hover. */
export function timeOf(scope: ParentNode, selector = 'time[datetime]'): string | undefined {
  const el = scope.querySelector(selector);
  return (el?.getAttribute('datetime') || el?.getAttribute('title') || undefined)?.trim();
}

/** The first e-mail address in a string (an aria-label "From: Ann <ann@x.com>", a title). */
export function emailIn(s: string | null | undefined): string | undefined {
  return s?.match(/[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/)?.[0]?.toLowerCase();
}

/**
 * Shown on the page: not under [hidden], and displayed (checkVisibility, where the DOM has it,
 * follows the stylesheet: Chromium, Firefox, happy-dom).
 */
export function isShown(el: Element): boolean {
  if (!el.isConnected || el.closest('[hidden]')) return false;
  const check = (el as Element & { checkVisibility?: (o?: { visibilityProperty?: boolean }) => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el, { visibilityProperty: true }) : true;
}

/** A textarea the agent can type in (not read-only or disabled). */
function isWritable(el: Element): boolean {
  return el.tagName !== 'TEXTAREA' || !(el.hasAttribute('readonly') || el.hasAttribute('disabled'));
}

/**
 * The editors matching `selector` inside `scope`, shown and writable, outermost only (a nested
 * editable is part of the same draft), each once, in document order.
 */
export function editorsIn(scope: ParentNode, selector: string, exclude?: string): Element[] {
  return outermost(scope.querySelectorAll(selector)).filter((el) => isShown(el) && isWritable(el) && !(exclude && el.closest(exclude)));
}

/** The elements not inside another of them (a message that wraps a part marked the same way). */
export function outermost(elements: Iterable<Element>): Element[] {
  const all = new Set(elements);
  return [...all].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (all.has(p)) return false;
    return true;
  });
}

/** The editor holding the focus, else the first one. */
export function pickActive(editors: Element[], focused?: Element | null): Element | null {
  return editors.find((e) => focused && (e === focused || e.contains(focused))) ?? editors[0] ?? null;
}

/**
 * The last `limit` messages `read` makes of `items`, oldest first. It walks from the end and stops
 * once it has enough, so a thread of thousands costs what its last few do.
 */
export function lastMessages(items: ArrayLike<Element>, limit: number, read: (el: Element) => CustomerMessage | null): CustomerMessage[] {
  const out: CustomerMessage[] = [];
  for (let i = items.length - 1; i >= 0 && out.length < limit; i--) {
    const m = read(items[i]!);
    if (m && m.text) out.push(m);
  }
  return out.reverse();
}

/** Who wrote the last of `items` that either reader accepts: the customer's reader first, as in lastMessages. */
export function lastFrom(items: ArrayLike<Element>, customer: (el: Element) => CustomerMessage | null, agent: (el: Element) => CustomerMessage | null): 'customer' | 'agent' | null {
  for (let i = items.length - 1; i >= 0; i--) {
    if (customer(items[i]!)?.text) return 'customer';
    if (agent(items[i]!)?.text) return 'agent';
  }
  return null;
}

/** A CustomerMessage without the keys that have no value (so results compare whole). */
export function message(text: string, author?: string, time?: string): CustomerMessage {
  return { text, ...(author ? { author } : {}), ...(time ? { time } : {}) };
}

/** `url.hostname` is `host` or one of its subdomains. */
export function hostIs(url: URL, host: string): boolean {
  return url.hostname === host || url.hostname.endsWith(`.${host}`);
}

/** The CSS string form of an attribute value, for `[attr="…"]` selectors built from page data. */
export function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
