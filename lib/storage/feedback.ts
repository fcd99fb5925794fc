import { z } from 'zod';
import { customerTypeSchema, toneSchema } from '../phrasebook/schema';
import { FLAG_REASONS } from '../flag-reasons';

export { FLAG_REASONS, FLAG_REASON_LABELS, type FlagReason } from '../flag-reasons';

/** What the agent did with a suggestion: the raw material of the QA leads' review queue. */
export const feedbackSchema = z
  .object({
    id: z.number().int().optional(),
    kind: z.enum(['flag', 'dismiss', 'apply']),
    entryId: z.string(),
    locale: z.string(),
    source: z.enum(['phrasebook', 'ai']),
    site: z.string(),
    conversationId: z.string(),
    /** The phrase the suggestion was for, as written in the draft. */
    phrase: z.string(),
    suggestion: z.string().optional(),
    /** The draft's sentence around the phrase, for context in the review queue. */
    sentence: z.string(),
    tone: toneSchema.optional(),
    customerType: customerTypeSchema.optional(),
    reason: z.enum(FLAG_REASONS).optional(),
    note: z.string().max(2000).optional(),
    createdAt: z.number(),
    /** Set when the agent undid the action (an apply reverted, a dismissal taken back). */
    undoneAt: z.number().optional(),
  })
  .refine((f) => f.kind !== 'flag' || f.reason !== undefined, { message: 'a flag needs a reason', path: ['reason'] });
export type Feedback = z.infer<typeof feedbackSchema>;
