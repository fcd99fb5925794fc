import type { LearnedValence } from './lexicon/types';
import type { SupportedLanguage } from './matcher';
import { learnedEn } from './learned/en';
import { learnedZh } from './learned/zh';
import { learnedSv } from './learned/sv';

// The learned term weights (scripts/tune-lexicon.ts) in a pass of their own. Features are what the
// tuner counted: lowercase words and word pairs for English and Swedish, single Han characters and
// character pairs for Chinese, and emoji everywhere; each counts once a message.

const TABLES: Record<SupportedLanguage, LearnedValence> = { en: learnedEn, zh: learnedZh, sv: learnedSv };
const maps = new Map<SupportedLanguage, Map<string, number>>();

function mapFor(language: SupportedLanguage): Map<string, number> {
  let m = maps.get(language);
  if (!m) maps.set(language, (m = new Map(TABLES[language])));
  return m;
}

/** Tokens as the tuner sees them: the shared definition of a feature. */
const TOKEN = /\p{Script=Han}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}/gu;

export function features(view: string, language: SupportedLanguage): Set<string> {
  const out = new Set<string>();
  const lower = view.toLowerCase();
  let prev: string | undefined;
  let prevEnd = -1;
  for (const m of lower.matchAll(TOKEN)) {
    const tok = m[0].replace(/’/g, "'");
    out.add(tok);
    // A pair only of neighbours: Han characters touching, words separated by spaces only.
    if (prev !== undefined) {
      const gap = lower.slice(prevEnd, m.index);
      const han = language === 'zh' && gap === '' && tok.length === 1 && prev.length === 1;
      if (han || (language !== 'zh' && /^ +$/.test(gap))) out.add(`${prev} ${tok}`);
    }
    prev = tok;
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** Sum of the learned weights of the message's features; 0 when the table is empty. */
export function learnedValence(view: string, language: SupportedLanguage): number {
  const table = mapFor(language);
  if (table.size === 0) return 0;
  let sum = 0;
  for (const f of features(view, language)) sum += table.get(f) ?? 0;
  return sum;
}
