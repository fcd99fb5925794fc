import type { Reading } from './tones';
import { evidenceOf } from './tones';
import { ABUSE_LEVELS, type AbuseLevel, type Evidence } from './verdict';

// Abuse, by its worst form: profanity (swearing at the reader: "what the fuck is wrong with you",
// "fuck your company"), insult (at a person: "you idiots", "she is a liar", "Idiots!"), threat ("I
// know where you live"). The agent's protocol differs for each, so the level is the most severe one
// found, and the evidence lists every abusive span. Only what is aimed at a person counts (./aim.ts):
// the verdict starts the protocol (warn once, then end the conversation), so a false alarm cuts off
// an upset but legitimate customer. Swearing at a situation ("this is fucking ridiculous") is anger
// in the tones, with its words as evidence, not abuse.

export interface AbuseVerdict {
  level: AbuseLevel;
  evidence: Evidence[];
  /** How many abusive spans, for the customer type. */
  count: number;
}

const rank = (l: AbuseLevel) => ABUSE_LEVELS.indexOf(l);

export function readAbuse(original: string, reading: Reading): AbuseVerdict {
  let level: AbuseLevel = 'none';
  for (const a of reading.abuse) if (rank(a.level) > rank(level)) level = a.level;
  const spans = reading.abuse.map((a) => [a.start, a.end] as const);
  return { level, evidence: evidenceOf(original, spans, 12), count: reading.abuse.length };
}

/** The abusive tone's score for a level. */
export function abuseScore(level: AbuseLevel): number {
  return level === 'threat' ? 1 : level === 'insult' ? 0.85 : level === 'profanity' ? 0.55 : 0;
}
