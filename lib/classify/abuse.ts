import type { Reading } from './tones';
import { evidenceOf } from './tones';
import { ABUSE_LEVELS, type AbuseLevel, type Evidence } from './verdict';

// Abuse, by its worst form: profanity (swearing, "this is bullshit"), insult (at a person: "you
// idiots"), threat ("I know where you live"). The agent's protocol differs for each, so the level
// is the most severe one found, and the evidence lists every abusive span.

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
