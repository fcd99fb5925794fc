import { createRequire } from 'node:module';
import { classifyCustomer, type Verdict } from '../../lib/classify';

// The systems the eval compares: Tact's classifier and three common open-source sentiment
// scorers. Each returns one or more numeric scores (higher = more positive); the eval picks, on the
// TRAIN split, the score and cut points that suit each system best, then reports on TEST.

const require = createRequire(import.meta.url);

interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number } };
}
type AfinnCtor = new () => { analyze(text: string): { score: number; comparative: number } };
type WinkFn = (text: string) => { score: number; normalizedScore: number };

const vader = require('vader-sentiment') as VaderModule;
const Afinn = require('sentiment') as AfinnCtor;
const wink = require('wink-sentiment') as WinkFn;
const afinn = new Afinn();

export interface Output {
  /** Candidate scores, higher = more positive / less complaining. */
  scores: Record<string, number>;
  /** Tact only. */
  verdict?: Verdict;
}

export interface System {
  name: string;
  /** What the scores are, for the mapping notes. */
  scores: string;
  run(text: string): Output;
}

const toneScore = (v: Verdict, tone: string) => v.tones.find((t) => t.tone === tone)?.score ?? 0;

/**
 * How hostile a message reads, from the verdict as it is: the `abusive` tone score (0, or 0.55 /
 * 0.85 / 1 for aimed swearing, an insult, a threat) plus the `angry` tone score, which carries
 * swearing and insults aimed at no one ("what the fuck", "politicians are idiots"). OLID's
 * "offensive" is any profanity or insult, aimed or not, so it is this, not the abuse verdict (which
 * starts the agent's protocol and counts only abuse aimed at a person). Negated, so that higher is
 * more positive like every other candidate score.
 */
export function hostility(v: Verdict): number {
  return toneScore(v, 'abusive') + toneScore(v, 'angry');
}

function tactScores(verdict: Verdict): Record<string, number> {
  return { valence: verdict.valence, '-hostility': -hostility(verdict) };
}

export const TACT: System = {
  name: 'Tact',
  scores: 'valence (-1..1) of the verdict, or -hostility (-(abusive + angry tone scores))',
  run(text) {
    const verdict = classifyCustomer({ text });
    return { scores: tactScores(verdict), verdict };
  },
};

export const TACT_LEXICON_ONLY: System = {
  name: 'Tact, lexicon only',
  scores: TACT.scores,
  run(text) {
    const verdict = classifyCustomer({ text }, { learned: false });
    return { scores: tactScores(verdict), verdict };
  },
};

export const PEERS: System[] = [
  {
    name: 'VADER',
    scores: 'compound, or pos - neg',
    run(text) {
      const s = vader.SentimentIntensityAnalyzer.polarity_scores(text);
      return { scores: { compound: s.compound, 'pos-neg': s.pos - s.neg } };
    },
  },
  {
    name: 'AFINN (sentiment)',
    scores: 'score, or comparative (score per token)',
    run(text) {
      const s = afinn.analyze(text);
      return { scores: { score: s.score, comparative: s.comparative } };
    },
  },
  {
    name: 'wink-sentiment',
    scores: 'score, or normalizedScore',
    run(text) {
      const s = wink(text);
      return { scores: { score: s.score, normalizedScore: s.normalizedScore } };
    },
  },
];
