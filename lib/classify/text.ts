import { MAX_CUSTOMER_MESSAGE } from '../limits';

// Turns a raw customer message into the text the classifier reads, without moving anything:
// what is not the customer's own words (HTML tags, quoted replies, URLs, @handles) is blanked
// out with spaces, and entities are decoded in place and padded, so every offset into the view
// is also an offset into the original message and evidence spans can be marked there.

/** Only this much of a message is analysed; the rest is ignored (the verdict stays usable). */
export const MAX_ANALYSED = MAX_CUSTOMER_MESSAGE;

export interface Prepared {
  /** The original message, cut to MAX_ANALYSED (never inside a surrogate pair). */
  original: string;
  /** Same length as `original`; non-customer text replaced by spaces. */
  view: string;
  /** The message quoted an earlier one ("On ... wrote:", "> ..."), as mail clients do. */
  quoted: boolean;
  /** The message carried HTML markup. */
  html: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  mdash: '—',
  ndash: '–',
  middot: '·',
};

const BLOCK_TAG = /^<\/?(?:br|p|div|li|ul|ol|tr|table|h[1-6]|blockquote|section|article|hr)\b/i;

function blank(s: string): string {
  // Keep line breaks so line-based rules (quotes, sign-offs) still see lines.
  return s.replace(/[^\n]/g, ' ');
}

function pad(s: string, length: number): string {
  return s.length >= length ? s.slice(0, length) : s + ' '.repeat(length - s.length);
}

function decodeEntity(entity: string, body: string): string {
  let out: string | undefined;
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) out = String.fromCodePoint(code);
  } else {
    out = ENTITIES[body.toLowerCase()];
  }
  return out !== undefined && out.length <= entity.length ? pad(out, entity.length) : entity;
}

/** "On Mon, 3 May 2024, Anna <a@b.se> wrote:" and its Swedish and Chinese cousins, and Outlook headers. */
const REPLY_HEADER =
  /^[ \t]*(?:On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:|Den\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bskrev:|[^\n]{0,200}写道[:：]|-{2,}\s*(?:Original Message|Ursprungligt meddelande|原始邮件)\s*-{2,}|From:[^\n]*\n(?:[^\n]*\n){0,3}?(?:Sent|Date|Skickat):)/im;

export function prepare(text: unknown): Prepared {
  let original = typeof text === 'string' ? text : '';
  if (original.length > MAX_ANALYSED) {
    let cut = MAX_ANALYSED;
    const c = original.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    original = original.slice(0, cut);
  }
  let view = original;
  let html = false;
  let quoted = false;
  if (view.includes('<')) {
    view = view.replace(/<!--[\s\S]*?-->|<(?:script|style)\b[\s\S]*?<\/(?:script|style)\s*>|<\/?[a-zA-Z][^<>]*>/g, (tag) => {
      html = true;
      const b = blank(tag);
      return BLOCK_TAG.test(tag) ? '\n' + b.slice(1) : b;
    });
  }
  if (view.includes('&')) view = view.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, decodeEntity);
  const header = REPLY_HEADER.exec(view);
  if (header) {
    quoted = true;
    view = view.slice(0, header.index) + blank(view.slice(header.index));
  }
  if (view.includes('>')) {
    view = view.replace(/^[ \t]*>[^\n]*/gm, (line) => {
      quoted = true;
      return blank(line);
    });
  }
  // Links, e-mail addresses and @handles say nothing about the mood and hide words like "hell".
  view = view.replace(/\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\w@])@\w+/g, blank);
  return { original, view, quoted, html };
}
