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
  // Binary searches with the engine's own string comparisons: a loop over 5,000 characters in the
  // page's (rarely optimised) script cost more than the rest of the message.
  let start = longest(max, (n) => before.startsWith(after.slice(0, n)));
  // Never between the halves of an emoji: a lone surrogate does not survive the message's encoding.
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let end = longest(max - start, (n) => before.endsWith(after.slice(after.length - n)));
  if (end > 0 && isLow(before.charCodeAt(before.length - end))) end--;
  return { at: start, cut: before.length - start - end, text: after.slice(start, after.length - end) };
}

/** The largest n in [0, max] for which `holds(n)`, given that it holds up to some n and not after. */
function longest(max: number, holds: (n: number) => boolean): number {
  if (holds(max)) return max;
  let lo = 0;
  let hi = max - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (holds(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `before` with `edit` made, or null when the edit does not fit it (the two sides disagree). */
export function applyEdit(before: string, edit: DraftEdit): string | null {
  if (edit.at < 0 || edit.cut < 0 || edit.at + edit.cut > before.length) return null;
  return before.slice(0, edit.at) + edit.text + before.slice(edit.at + edit.cut);
}
