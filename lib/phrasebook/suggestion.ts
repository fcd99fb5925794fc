// A `prefer` text adapted to one match: {name} placeholders filled with the words the pattern
// captured, and the first letter cased to fit where the match sits in the sentence.

export type Template = (string | { name: string })[];

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

export function parseTemplate(text: string): Template {
  const out: Template = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export const placeholdersOf = (t: Template) => t.flatMap((p) => (typeof p === 'string' ? [] : [p.name]));

/** "I", "I'm", "I'll"... stay capital mid-sentence; so do acronyms and names we cannot tell apart. */
const KEEPS_CAPITAL = /^(?:I(?:['\u2019](?:m|ll|ve|d))?\b|\p{Lu}{2})/u;

export type Casing = 'upper' | 'lower';

/** A capital that says "sentence starts here" rather than "I" or an acronym ("ASAP"). */
export const startsCapitalised = (matched: string) => {
  const first = matched.charAt(0);
  return first !== first.toLowerCase() && !KEEPS_CAPITAL.test(matched);
};

export function fillTemplate(t: Template, captures: ReadonlyMap<string, string>, casing: Casing): string {
  let s = '';
  for (const p of t) s += typeof p === 'string' ? p : (captures.get(p.name) ?? '');
  s = s.replace(/\s{2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim();
  const first = s.charAt(0);
  if (casing === 'upper') return first.toUpperCase() + s.slice(1);
  if (first !== first.toLowerCase() && !KEEPS_CAPITAL.test(s)) return first.toLowerCase() + s.slice(1);
  return s;
}
