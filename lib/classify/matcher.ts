import { Trie, type TrieHit } from './trie';
import type { AbuseKind, Cue, Lexicon, LexiconTone, Term } from './lexicon/types';
import { en } from './lexicon/en';
import { zh } from './lexicon/zh';
import { sv } from './lexicon/sv';

// Compiles each language's lexicon, once, on first use, into two tries: one for how the person
// feels (tones, abuse, modifiers) and one for who they are (cues), so a long cue ("love your") never
// shadows the tone inside it ("love"). Each trie reads a message in one pass, and every hit says
// everything the term means ("fucking" swears and intensifies). The learned weights are read in a
// pass of their own (./learned.ts): they overlap freely and must not shadow lexicon terms.

export type Payload =
  | { kind: 'tone'; tone: LexiconTone; weight: number }
  | { kind: 'abuse'; level: AbuseKind; weight: number }
  | { kind: 'cue'; cue: Cue; weight: number }
  | { kind: 'negator' }
  | { kind: 'intensifier'; weight: number }
  | { kind: 'diminisher'; weight: number }
  | { kind: 'contrast' }
  | { kind: 'stop' };

export type Hit = TrieHit<Payload>;

export type SupportedLanguage = 'en' | 'zh' | 'sv';

const LEXICONS: Record<SupportedLanguage, Lexicon> = { en, zh, sv };

function split(term: Term): [string, number] {
  return typeof term === 'string' ? [term, 1] : [term[0], term[1]];
}

export interface Matcher {
  /** Tones, abuse, negators, modifiers, contrast and stop words. */
  main: Trie<Payload>;
  /** Cues only. */
  cues: Trie<Payload>;
}

export function compile(lexicon: Lexicon): Matcher {
  const trie = new Trie<Payload>();
  const cueTrie = new Trie<Payload>();
  for (const [tone, terms] of Object.entries(lexicon.tones) as [LexiconTone, readonly Term[]][])
    for (const t of terms) {
      const [term, weight] = split(t);
      trie.add(term, { kind: 'tone', tone, weight });
    }
  for (const [level, terms] of Object.entries(lexicon.abuse) as [AbuseKind, readonly Term[]][])
    for (const t of terms) {
      const [term, weight] = split(t);
      trie.add(term, { kind: 'abuse', level, weight });
    }
  for (const [cue, terms] of Object.entries(lexicon.cues) as [Cue, readonly Term[]][])
    for (const t of terms) {
      const [term, weight] = split(t);
      cueTrie.add(term, { kind: 'cue', cue, weight });
    }
  for (const term of lexicon.negators) trie.add(term, { kind: 'negator' });
  for (const t of lexicon.intensifiers) {
    const [term, weight] = split(t);
    trie.add(term, { kind: 'intensifier', weight });
  }
  for (const t of lexicon.diminishers) {
    const [term, weight] = split(t);
    trie.add(term, { kind: 'diminisher', weight });
  }
  for (const term of lexicon.contrast) trie.add(term, { kind: 'contrast' });
  for (const term of lexicon.stop ?? []) {
    trie.add(term, { kind: 'stop' });
    cueTrie.add(term, { kind: 'stop' });
  }
  return { main: trie, cues: cueTrie };
}

const compiled = new Map<SupportedLanguage, Matcher>();

export function matcherFor(language: SupportedLanguage): Matcher {
  let trie = compiled.get(language);
  if (!trie) {
    compiled.set(language, (trie = compile(LEXICONS[language])));
  }
  return trie;
}

export function lexiconFor(language: SupportedLanguage): Lexicon {
  return LEXICONS[language];
}
