// A character trie that finds lexicon terms in running text, longest match first, in one pass.
// Latin-script terms must sit on word boundaries (unless they end in `*`); Han script has no
// spaces, so Chinese terms match anywhere. Case and curly apostrophes are folded (once per text,
// length-preserving, see foldText), so offsets stay those of the original text.

interface Node<T> {
  /** Children by UTF-16 code unit. */
  next: Map<number, Node<T>>;
  /** Payloads of terms ending here. */
  exact?: T[];
  /** Payloads of stems (`frustrat*`) ending here. */
  stem?: T[];
}

export interface TrieHit<T> {
  start: number;
  end: number;
  values: T[];
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const HAN = /\p{Script=Han}/u;
const nonAscii = new Map<number, boolean>();

/** Letters and digits outside Han script, by UTF-16 code unit: what makes up space-separated words. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Surrogates (emoji and rare scripts) never count as word characters.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let w = nonAscii.get(c);
  if (w === undefined) {
    const ch = String.fromCharCode(c);
    nonAscii.set(c, (w = WORD.test(ch) && !HAN.test(ch)));
  }
  return w;
}

/** Letters and digits outside Han script: the characters that make up space-separated words. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isWordCode(ch.charCodeAt(0));
}

const SPACE = 32;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

function foldKey(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2018\u2019`]/g, "'");
}

/**
 * Lower case with curly apostrophes straightened, same length as the input (characters whose
 * lower case is longer, like "İ", are kept as they are), so offsets into it are offsets into `text`.
 */
export function foldText(text: string): string {
  let folded = text.toLowerCase();
  if (folded.length !== text.length) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const l = text[i]!.toLowerCase();
      out += l.length === 1 ? l : text[i];
    }
    folded = out;
  }
  return folded.replace(/[\u2018\u2019`]/g, "'");
}

export class Trie<T> {
  private readonly root: Node<T> = { next: new Map() };

  add(term: string, value: T): void {
    let key = foldKey(term);
    const stem = key.endsWith('*') && key.length > 1;
    if (stem) key = key.slice(0, -1);
    if (!key) return;
    let node = this.root;
    // By UTF-16 unit, as scan() reads: emoji are two units.
    for (let k = 0; k < key.length; k++) {
      const c = key.charCodeAt(k);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    const list = stem ? (node.stem ??= []) : (node.exact ??= []);
    list.push(value);
  }

  /**
   * Non-overlapping hits, left to right, each the longest term that starts there. Pass `folded`
   * (foldText(text)) when scanning the same text with several tries.
   */
  scan(text: string, folded: string = foldText(text)): TrieHit<T>[] {
    const hits: TrieHit<T>[] = [];
    const to = folded.length;
    const root = this.root.next;
    let i = 0;
    let prevWord = false;
    while (i < to) {
      const c = folded.charCodeAt(i);
      const wordStart = isWordCode(c);
      if (wordStart && prevWord) {
        i++;
        continue;
      }
      const hit = root.has(c) ? this.longestAt(folded, i, to) : undefined;
      if (hit) {
        hits.push(hit);
        i = hit.end;
        prevWord = isWordCode(folded.charCodeAt(i - 1));
      } else if (wordStart) {
        // Skip the rest of a word that starts with no term.
        i++;
        while (i < to && isWordCode(folded.charCodeAt(i))) i++;
        prevWord = true;
      } else {
        i++;
        prevWord = false;
      }
    }
    return hits;
  }

  private longestAt(text: string, start: number, to: number): TrieHit<T> | undefined {
    let node: Node<T> | undefined = this.root;
    let best: TrieHit<T> | undefined;
    let j = start;
    while (j < to && node) {
      const raw = text.charCodeAt(j);
      let next: Node<T> | undefined;
      if (isSpaceCode(raw)) {
        next = node.next.get(SPACE);
        if (next) while (j + 1 < to && isSpaceCode(text.charCodeAt(j + 1))) j++;
      } else {
        next = node.next.get(raw);
      }
      if (!next) break;
      node = next;
      j++;
      if (node.stem) {
        // A stem swallows the rest of its word.
        let end = j;
        while (end < to && isWordCode(text.charCodeAt(end))) end++;
        best = { start, end, values: node.stem };
      }
      if (node.exact && (!isWordCode(text.charCodeAt(j - 1)) || j >= to || !isWordCode(text.charCodeAt(j)))) {
        if (!best || j >= best.end) best = { start, end: j, values: node.exact };
      }
    }
    return best;
  }
}
