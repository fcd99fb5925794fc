/** Why an agent flagged a suggestion as unhelpful; QA leads filter the queue by these. */
export const FLAG_REASONS = ['wrong-for-customer', 'inaccurate', 'off-brand', 'too-long', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  'wrong-for-customer': 'Wrong for this customer',
  inaccurate: 'Inaccurate',
  'off-brand': 'Off-brand',
  'too-long': 'Too long',
  other: 'Other',
};
