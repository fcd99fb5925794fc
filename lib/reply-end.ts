// Where the agent's own words end in a reply box. Email editors (Gmail, Outlook on the web, Front,
// Help Scout…) keep the quoted earlier mail, and often a signature, in the same editable as the
// reply: the customer's quoted "calm down" is not the agent's, and must be neither flagged nor
// ticked in the checklist nor sent to Claude as the draft. Tact reads the reply only up to the
// first quote or signature marker, so every offset into it stays an offset into the editor.

/** Markup mail clients and helpdesks put around quoted mail and signatures inside a reply box. */
export const QUOTE_SELECTOR = [
  '.gmail_quote',
  '.gmail_signature',
  'blockquote[type="cite"]',
  '#divRplyFwdMsg',
  '#appendonsend',
  '[id$="Signature"]',
  '.yahoo_quoted',
  '.freshdesk_quote',
  '.hs-quoted',
  '.front-quote',
  '[data-tact-quote]',
].join(', ');

/**
 * The first line of the text that starts quoted mail or a signature. Each alternative is a whole
 * line ("On … wrote:", a "From: …" header followed by "Sent:"/"Date:", "-----Original Message-----",
 * a "> " quote, the "-- " signature separator), in English, Swedish and Chinese.
 */
const MARKER = new RegExp(
  [
    // Gmail, Apple Mail, Thunderbird: "On Tue, 3 Dec 2026 at 10:02, Ann <ann@example.com> wrote:"
    /^On .{3,300}wrote:[ \t]*$/,
    /^Den .{3,300}skrev[^\n]{0,200}:[ \t]*$/,
    /^在.{3,300}(?:写道|寫道)[：:][ \t]*$/,
    // Outlook: a header block of the quoted mail.
    /^(?:From|Från|发件人|寄件者)[：:] .+\n(?:Sent|Date|Skickat|Datum|发送时间|日期)[：:] /,
    /^-{2,}[ \t]*(?:Original Message|Ursprungligt meddelande|原始邮件|Forwarded message|Vidarebefordrat meddelande)[ \t]*-{2,}/i,
    // A quoted line, and the signature separator "-- " (RFC 3676).
    /^>/,
    /^-- ?$/,
  ]
    .map((r) => r.source)
    .join('|'),
  'imu',
);

/** The offset where the agent's own words end: the start of the first quote or signature line, else the text's length. */
export function replyEnd(text: string): number {
  return MARKER.exec(text)?.index ?? text.length;
}

/**
 * The agent's own reply: the text up to the first marker, whether found in the text (replyEnd) or
 * by the editor's markup (`markupAt`, the text offset of a QUOTE_SELECTOR element, or null), with
 * the blank lines before it left out.
 */
export function ownReply(text: string, markupAt: number | null): string {
  let end = Math.min(replyEnd(text), markupAt ?? text.length);
  if (end === text.length) return text;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
