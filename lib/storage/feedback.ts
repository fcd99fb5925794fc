import { z } from 'zod';
import { customerTypeSchema, toneSchema } from '../phrasebook/schema';

/** Why an agent flagged a suggestion as unhelpful; QA leads filter the queue by these. */
export const FLAG_REASONS = ['wrong-for-customer', 'inaccurate', 'off-brand', 'too-long', 'other'] as const;
export const flagReasonSchema = z.enum(FLAG_REASONS);
export type FlagReason = z.infer<typeof flagReasonSchema>;

export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  'wrong-for-customer': 'Wrong for this customer',
  inaccurate: 'Inaccurate',
  'off-brand': 'Off-brand',
  'too-long': 'Too long',
  other: 'Other',
};

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
    reason: flagReasonSchema.optional(),
    note: z.string().max(2000).optional(),
    createdAt: z.number(),
    /** Set when the agent undid the action (an apply reverted, a dismissal taken back). */
    undoneAt: z.number().optional(),
  })
  .refine((f) => f.kind !== 'flag' || f.reason !== undefined, { message: 'a flag needs a reason', path: ['reason'] });
export type Feedback = z.infer<typeof feedbackSchema>;
