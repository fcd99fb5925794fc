import type { LearnedValence } from './lexicon/types';
import type { SupportedLanguage } from './matcher';
import { learnedEn } from './learned/en';
import { learnedZh } from './learned/zh';
import { learnedSv } from './learned/sv';

// The learned term weights (scripts/tune-lexicon.ts) in a pass of their own. Features are what the
// tuner counted: lowercase words and word pairs for English and Swedish, single Han characters and
// character pairs for Chinese, and emoji everywhere; each counts once a message.

const TABLES: Record<SupportedLanguage, LearnedValence> = { en: learnedEn, zh: learnedZh, sv: learnedSv };

interface Compiled {
  weights: Map<string, number>;
  /** First tokens of the pair features, so pairs are only built when they could match. */
  pairStarts: Set<string>;
}
const compiled = new Map<SupportedLanguage, Compiled>();

function compiledFor(language: SupportedLanguage): Compiled {
  let c = compiled.get(language);
  if (!c) {
    const weights = new Map(TABLES[language]);
    const pairStarts = new Set<string>();
    for (const term of weights.keys()) {
      const space = term.indexOf(' ');
      if (space > 0) pairStarts.add(term.slice(0, space));
    }
    compiled.set(language, (c = { weights, pairStarts }));
  }
  return c;
}

/** A pair only of neighbours: Han characters touching, words separated by spaces only. */
function pairs(language: SupportedLanguage, prev: string, tok: string, gap: string): boolean {
  return language === 'zh' ? gap === '' && tok.length === 1 && prev.length === 1 : gap.length > 0 && gap.trim() === '';
}

/** Tokens as the tuner sees them: the shared definition of a feature. */
const TOKEN = /\p{Script=Han}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}|[!?！？]|[:;]-?[()DPp]/gu;

export function features(view: string, language: SupportedLanguage): Set<string> {
  const out = new Set<string>();
  const lower = view.toLowerCase();
  let prev: string | undefined;
  let prevEnd = -1;
  for (const m of lower.matchAll(TOKEN)) {
    const tok = m[0].replace(/’/g, "'");
    out.add(tok);
    if (prev !== undefined && pairs(language, prev, tok, lower.slice(prevEnd, m.index))) out.add(`${prev} ${tok}`);
    prev = tok;
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** Sum of the learned weights of the message's features; 0 when the table is empty. */
export function learnedValence(view: string, language: SupportedLanguage): number {
  // The same features as features(), without building them all: only those in the table count.
  const { weights, pairStarts } = compiledFor(language);
  if (weights.size === 0) return 0;
  const lower = view.toLowerCase();
  const seen = new Set<string>();
  let sum = 0;
  let prev: string | undefined;
  let prevEnd = -1;
  for (const m of lower.matchAll(TOKEN)) {
    const tok = m[0].includes('’') ? m[0].replace(/’/g, "'") : m[0];
    sum += weightOnce(weights, seen, tok);
    if (prev !== undefined && pairStarts.has(prev) && pairs(language, prev, tok, lower.slice(prevEnd, m.index))) sum += weightOnce(weights, seen, `${prev} ${tok}`);
    prev = tok;
    prevEnd = m.index + m[0].length;
  }
  return sum;
}

/** A feature's weight the first time it is seen in a message, else 0 (each counts once, as in the tuner). */
function weightOnce(weights: Map<string, number>, seen: Set<string>, feature: string): number {
  const w = weights.get(feature);
  if (w === undefined || seen.has(feature)) return 0;
  seen.add(feature);
  return w;
}
