import type { Reading } from './tones';
import { evidenceOf } from './tones';
import { worstOf, type AbuseLevel, type Evidence } from './verdict';

// Abuse, by its worst form: swearing aimed at no one ("this is fucking ridiculous"), profanity
// (swearing at the reader: "what the fuck is wrong with you", "fuck your company"), insult (at a
// person: "you idiots", "she is a liar", "Idiots!"), threat ("I know where you live"). The agent's
// protocol differs for each, so the level is the most severe one found, and the evidence lists its
// spans. What is aimed at a person (./aim.ts) starts the protocol (warn once, then end the
// conversation). Swearing at a situation does not, by itself: the seeds ask the agent to take a
// justly angry customer's language with a pinch of salt, and to warn only if it goes on; a false
// alarm would cut off an upset but legitimate customer.

export interface AbuseVerdict {
  level: AbuseLevel;
  evidence: Evidence[];
  /** How many abusive spans, for the customer type. */
  count: number;
}

/** The worst level in a reading, without evidence: for earlier messages. */
export function abuseLevelOf(reading: Reading): AbuseLevel {
  return worstOf([reading.swearing.length ? 'swearing' : 'none', ...reading.abuse.map((a) => a.level)]);
}

export function readAbuse(original: string, reading: Reading): AbuseVerdict {
  const level = abuseLevelOf(reading);
  const spans = level === 'swearing' ? reading.swearing : reading.abuse.map((a) => [a.start, a.end] as const);
  return { level, evidence: evidenceOf(original, spans, 12), count: reading.abuse.length };
}

/** The abusive tone's score for a level. */
export function abuseScore(level: AbuseLevel): number {
  // Swearing at no one is already anger in the tones.
  return level === 'threat' ? 1 : level === 'insult' ? 0.85 : level === 'profanity' ? 0.55 : 0;
}
