import type { Tone } from '../../phrasebook/schema';

// The shape of a language's lexicon. Data only: the engine (../matcher.ts) compiles it once.
//
// A term is a word, a phrase ("switching to"), an emoji, or a stem ending in `*` ("frustrat*"
// matches frustrated, frustrating). Latin-script terms match whole words; Chinese terms match
// anywhere in running text. A tuple sets a weight other than 1.

export type Term = string | readonly [term: string, weight: number];

export type AbuseKind = 'profanity' | 'insult' | 'threat';

/** Cues that say something about the person rather than the mood. */
export const CUES = [
  /** A long relationship: "been with you for ten years", "老客户". */
  'loyalty',
  /** About to leave: "switching to", "cancel my account", "säger upp". */
  'churn',
  /** Sweeping hostility: "always", "every time", "worst company". */
  'hater',
  /** A precise fault: "typo", "incorrect", "the invoice says". */
  'critic',
  /** Playing it down: "small thing", "only issue", "小问题". */
  'mild',
  /** Praise of the company or relationship: "love you guys", "big fan". */
  'fan',
  'formal',
  'colloquial',
  /** Openers and sign-offs of a letter. */
  'email',
] as const;
export type Cue = (typeof CUES)[number];

/** Sentiment-bearing tones; `abusive` comes from the abuse lists, `neutral` from their absence. */
export type LexiconTone = Exclude<Tone, 'abusive' | 'neutral'>;

export interface Lexicon {
  tones: Partial<Record<LexiconTone, readonly Term[]>>;
  abuse: Record<AbuseKind, readonly Term[]>;
  /** Words that contain a term but mean something else; they match and count for nothing. */
  stop?: readonly string[];
  /** Flip the polarity of what follows, within a few words. */
  negators: readonly string[];
  intensifiers: readonly Term[];
  /** Weaken what follows ("a bit", "有点"). */
  diminishers: readonly Term[];
  /** "but": what comes after weighs more than what came before. */
  contrast: readonly string[];
  cues: Partial<Record<Cue, readonly Term[]>>;
}

/** Word weights derived from labeled training data (scripts/tune-lexicon.ts): > 0 positive. */
export type LearnedValence = readonly (readonly [term: string, weight: number])[];
