// The draft port sends each settled draft as the edit from the one before it (typing, deleting or
// pasting changes one span), so a keystroke in a long draft costs a message of a few bytes, not the
// whole draft, in the page that serialises it and in the worker that parses it.

export interface DraftEdit {
  /** Where the changed span starts, in the earlier text. */
  at: number;
  /** How many characters of the earlier text it replaces. */
  cut: number;
  /** What stands there now. */
  text: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The one-span edit that turns `before` into `after` (their common start and end kept). */
export function editBetween(before: string, after: string): DraftEdit {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never between the halves of an emoji: a lone surrogate does not survive the message's encoding.
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLow(before.charCodeAt(before.length - end))) end--;
  return { at: start, cut: before.length - start - end, text: after.slice(start, after.length - end) };
}

/** `before` with `edit` made, or null when the edit does not fit it (the two sides disagree). */
export function applyEdit(before: string, edit: DraftEdit): string | null {
  if (edit.at < 0 || edit.cut < 0 || edit.at + edit.cut > before.length) return null;
  return before.slice(0, edit.at) + edit.text + before.slice(edit.at + edit.cut);
}
