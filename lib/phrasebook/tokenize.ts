import { expandContraction, mayBeContraction } from './contractions';

// Splits text into folded words with exact offsets into the original string, in one pass and
// without regular expressions on the hot path. Latin, Cyrillic and other spaced scripts give
// words; Chinese and Japanese give one token per character, since they are written without
// spaces and a phrase must be found inside running text.

const SEP = 1;
const WORD = 2;
const CJK = 3;
/** Zero-width and bidi marks: invisible, so they neither split nor join words. */
const IGNORE = 4;
const APOS = 5;
/** Ends a sentence: matches never cross it. */
const BREAK = 6;
/** A combining mark: part of a word when it follows one, otherwise nothing. */
const MARK = 7;

/** Soft hyphen, joiners, bidi controls, variation selectors and tags. */
const IGNORABLE_RANGES = [
  [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xe0000, 0xe0fff],
];
const isIgnorable = (cp: number) => IGNORABLE_RANGES.some(([a, b]) => cp >= a! && cp <= b!);
const APOSTROPHES = /^['\u2018\u2019\u02bc\u2032\uff07\u0060\u00b4]$/u;
const BREAKS = /^[.!?;\n\r\u2026\u2028\u2029\u3002\uff01\uff1f\uff1b\uff0e\u203c\u2047-\u2049]$/u;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc]$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK_CHAR = /^\p{M}$/u;

function classifySlow(ch: string): number {
  if (isIgnorable(ch.codePointAt(0)!)) return IGNORE;
  if (APOSTROPHES.test(ch)) return APOS;
  if (BREAKS.test(ch)) return BREAK;
  if (CJK_CHAR.test(ch)) return CJK;
  if (WORD_CHAR.test(ch)) return WORD;
  if (MARK_CHAR.test(ch)) return MARK;
  return SEP;
}

/** Classes of the Basic Multilingual Plane, filled on first sight of each character. */
const bmp = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) bmp[c] = classifySlow(String.fromCharCode(c));
const astral = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const k = bmp[cp]!;
    if (k) return k;
    return (bmp[cp] = classifySlow(String.fromCharCode(cp)));
  }
  let k = astral.get(cp);
  if (k === undefined) astral.set(cp, (k = classifySlow(String.fromCodePoint(cp))));
  return k;
}

const foldCache = new Map<string, string>();
const COMBINING = /\p{M}/gu;
const CURLY = /[\u2018\u2019\u02bc\u2032\uff07\u0060\u00b4]/g;

/** Case, width and diacritic folding; `raw` is one word with invisible marks already removed. */
export function foldWord(raw: string, ascii: boolean): string {
  if (ascii) return raw.toLowerCase();
  let f = foldCache.get(raw);
  if (f === undefined) {
    f = raw.replace(CURLY, "'").normalize('NFKD').replace(COMBINING, '').toLowerCase().normalize('NFKC');
    if (foldCache.size > 20_000) foldCache.clear();
    foldCache.set(raw, f);
  }
  return f;
}

/** Flags on a token. */
export const NOT_FIRST = 1; // a later part of an expanded contraction: no match may start here
export const NOT_LAST = 2; // an earlier part of an expanded contraction: no match may end here
export const SENTENCE_START = 4;
export const IS_CJK = 8;

/** Receives each token: its folded form, its span in the original text and its flags. */
export type TokenSink = (folded: string, start: number, end: number, flags: number) => void;

const isDigit = (c: number) => c >= 48 && c <= 57;

export function scanTokens(text: string, sink: TokenSink): void {
  const n = text.length;
  let wordStart = -1;
  let wordEnd = -1;
  let ascii = true;
  // Set when the word holds something to drop or straighten, so it cannot be a plain slice.
  let dirty = false;
  let pendingSentence = true;

  const emitWord = () => {
    let raw = text.slice(wordStart, wordEnd);
    if (dirty) {
      let out = '';
      for (let j = 0; j < raw.length; ) {
        const cp = raw.codePointAt(j)!;
        const w = cp > 0xffff ? 2 : 1;
        const k = classOf(cp);
        if (k === APOS) out += "'";
        else if (k !== IGNORE) out += raw.slice(j, j + w);
        j += w;
      }
      raw = out;
    }
    const folded = foldWord(raw, ascii);
    const first = pendingSentence ? SENTENCE_START : 0;
    pendingSentence = false;
    const parts = mayBeContraction(folded) ? expandContraction(folded) : null;
    if (!parts) sink(folded, wordStart, wordEnd, first);
    else
      for (let p = 0; p < parts.length; p++)
        sink(parts[p]!, wordStart, wordEnd, (p > 0 ? NOT_FIRST : first) | (p < parts.length - 1 ? NOT_LAST : 0));
    wordStart = -1;
  };

  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const k = c < 128 ? bmp[c]! : classOf(cp);
    if (k === WORD) {
      if (wordStart < 0) {
        wordStart = i;
        ascii = true;
        dirty = false;
      }
      if (c >= 128) ascii = false;
      wordEnd = i + w;
    } else if (k === MARK || k === IGNORE) {
      if (wordStart >= 0) {
        dirty = dirty || k === IGNORE;
        ascii = false;
        if (k === MARK) wordEnd = i + w;
      }
    } else if (k === APOS && wordStart >= 0 && wordEnd === i && i + 1 < n && classOf(text.codePointAt(i + 1)!) === WORD) {
      // Inside a word ("don't"), the apostrophe joins; at either end it is a quote mark.
      if (c !== 39) dirty = true;
    } else {
      if (wordStart >= 0) emitWord();
      if (k === CJK) {
        sink(foldWord(text.slice(i, i + w), false), i, i + w, IS_CJK | (pendingSentence ? SENTENCE_START : 0));
        pendingSentence = false;
      } else if (k === BREAK && !(c === 46 && i > 0 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) {
        pendingSentence = true;
      }
    }
    i += w;
  }
  if (wordStart >= 0) emitWord();
}

/**
 * Where the text's sentences end: the offset after each sentence break scanTokens sees (and the
 * text's length). A match never crosses one, so matching each piece on its own finds what matching
 * the whole finds: the content script matches only the sentence being edited (../local-analysis).
 */
export function sentenceEnds(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 128 ? bmp[c]! : classOf(c)) !== BREAK) continue;
    if (c === 46 && i > 0 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
    out.push(i + 1);
  }
  if (out.at(-1) !== n) out.push(n);
  return out;
}

export interface Token {
  word: string;
  start: number;
  end: number;
  flags: number;
}

/** Convenience form for patterns and tests; the engine uses `scanTokens` directly. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(text, (word, start, end, flags) => out.push({ word, start, end, flags }));
  return out;
}
