import type { LearnedValence } from '../lexicon/types';

// Placeholder until scripts/tune-lexicon.ts derives the table from the train split.
export const learnedZh: LearnedValence = [];
