import { z } from 'zod';
import { customerTypeSchema, toneSchema } from '../phrasebook/schema';
import { abuseLevelSchema } from '../classify/verdict';
import { forcedTool } from './tool';

// What Claude must answer when asked to read the customer (the classifier was unsure, or the
// language is one it does not read): the same labels as the classifier, each with the customer's
// own words as evidence. Quotes are checked against the messages in code (./reading.ts), so a
// label Claude cannot back with the customer's words is not shown.

export const MAX_QUOTE_CHARS = 160;
const quotes = z
  .array(z.string().trim().min(1).max(MAX_QUOTE_CHARS))
  .max(3)
  .describe('Exact words copied from the customer messages that show it, as written (same language, same spelling).');

export const readingOutputSchema = z.object({
  language: z.string().trim().min(2).max(40).describe('The language of the latest customer message, as an English name ("German").'),
  tones: z
    .array(
      z.object({
        tone: toneSchema,
        strength: z.enum(['slight', 'clear', 'strong']),
        evidence: quotes,
      }),
    )
    .max(4)
    .describe('The customer\u2019s tones, strongest first; "neutral" alone when none shows.'),
  customerType: z
    .object({ type: customerTypeSchema, evidence: quotes })
    .nullable()
    .describe('Which kind of complaining customer this is, or null when the messages do not show it.'),
  abuse: abuseLevelSchema.describe(
    '"swearing" for swearing aimed at no one (about a situation), "profanity" for swearing at someone, "insult" for insulting a person, "threat" for any threat; "none" otherwise.',
  ),
  abuseEvidence: quotes.optional().describe('The abusive words, quoted; empty when abuse is "none".'),
  wants: z.string().trim().max(200).describe('What the customer wants, in one short English clause ("a refund for the broken kettle").'),
  unsure: z.boolean().optional().describe('True when the messages are too short or unclear to read.'),
});
export type ReadingOutput = z.infer<typeof readingOutputSchema>;

export const READING_TOOL_NAME = 'report_customer_reading';

export const readingTool = forcedTool(
  READING_TOOL_NAME,
  'Report how the customer feels, what kind of customer they are and what they want, with quotes as evidence.',
  readingOutputSchema,
);

/** What the panel shows: the answer with only the quotes found in the messages, placeholders restored. */
export const customerReadingSchema = z.object({
  language: z.string(),
  tones: z.array(z.object({ tone: toneSchema, strength: z.enum(['slight', 'clear', 'strong']), evidence: z.array(z.string()) })),
  customerType: z.object({ type: customerTypeSchema, evidence: z.array(z.string()), approach: z.string() }).nullable(),
  abuse: abuseLevelSchema,
  abuseEvidence: z.array(z.string()),
  wants: z.string(),
  unsure: z.boolean(),
  /** Labels left out because none of their quotes is in the customer's messages. */
  dropped: z.number().int().nonnegative(),
  model: z.string(),
  /** Answered from the cache, no request made. */
  cached: z.boolean(),
});
export type CustomerReading = z.infer<typeof customerReadingSchema>;
