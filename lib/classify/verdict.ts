import { z } from 'zod';
import { channelSchema, customerTypeSchema, toneSchema } from '../phrasebook/schema';

// What the classifier tells the agent. Schema first so the side panel, the CLI and the
// LLM fallback (which refines an unsure verdict) all agree on one shape.

export const CLASSIFY_LANGUAGES = ['en', 'zh', 'sv', 'unsupported'] as const;
export const classifyLanguageSchema = z.enum(CLASSIFY_LANGUAGES);
export type ClassifyLanguage = z.infer<typeof classifyLanguageSchema>;

/**
 * A span, in UTF-16 offsets, so the panel can mark it: of the latest message unless `in` says
 * 'history', then of the earlier customer message `index` (into the `history` the classifier was
 * given, oldest first). Only customer-type evidence points into the history; tone and abuse
 * evidence is always in the latest message.
 */
export const evidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  in: z.enum(['latest', 'history']).optional(),
  index: z.number().int().nonnegative().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * Least to most severe. 'swearing' is rude language aimed at no one ("this is fucking ridiculous");
 * the others are aimed at a person: 'profanity' (swearing at them), 'insult', 'threat'.
 */
export const ABUSE_LEVELS = ['none', 'swearing', 'profanity', 'insult', 'threat'] as const;
export const abuseLevelSchema = z.enum(ABUSE_LEVELS);
export type AbuseLevel = z.infer<typeof abuseLevelSchema>;

const abuseRank = (l: AbuseLevel) => ABUSE_LEVELS.indexOf(l);

/** The most severe of some levels. */
export function worstOf(levels: readonly AbuseLevel[]): AbuseLevel {
  return levels.reduce<AbuseLevel>((w, l) => (abuseRank(l) > abuseRank(w) ? l : w), 'none');
}

/**
 * The level the agent's protocol acts on (the checklist's boundary step): abuse aimed at a person
 * at once; swearing only when it goes on from an earlier message of the thread.
 */
export function protocolLevel(abuse: { level: AbuseLevel; earlier: AbuseLevel }): AbuseLevel {
  return abuse.level === 'swearing' && abuse.earlier === 'none' ? 'none' : abuse.level;
}

const score = z.number().min(0).max(1);

export const toneScoreSchema = z.object({
  tone: toneSchema,
  score,
  evidence: z.array(evidenceSchema),
});
export type ToneScore = z.infer<typeof toneScoreSchema>;

export const customerTypeVerdictSchema = z.object({
  type: customerTypeSchema,
  confidence: score,
  evidence: z.array(evidenceSchema),
  approach: z.string().min(1),
});
export type CustomerTypeVerdict = z.infer<typeof customerTypeVerdictSchema>;

export const verdictSchema = z.object({
  language: classifyLanguageSchema,
  /** Highest score first. */
  tones: z.array(toneScoreSchema),
  abuse: z.object({
    level: abuseLevelSchema,
    evidence: z.array(evidenceSchema),
    /** The worst level in the earlier customer messages read: swearing that goes on calls for a warning. */
    earlier: abuseLevelSchema,
  }),
  customerType: customerTypeVerdictSchema.nullable(),
  register: z.enum(['formal', 'colloquial']),
  channel: channelSchema.nullable(),
  /** Overall polarity of the latest message, -1 (very negative) to 1 (very positive). */
  valence: z.number().min(-1).max(1),
  confidence: score,
  /** Set when the verdict is too weak to act on; the LLM fallback refines these. */
  unsure: z.boolean(),
});
export type Verdict = z.infer<typeof verdictSchema>;
