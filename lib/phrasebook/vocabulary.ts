// The phrasebook's words for locales, categories, severities, tones, customer types and channels,
// without zod: the content script matches drafts with the engine and must not carry a schema library.

export const LOCALES = ['en', 'zh', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

/** The step of complaint handling an entry serves; one file per locale and category. */
export const CATEGORIES = [
  'listen',
  'empathise',
  'apologise',
  'blame',
  'policy-speak',
  'certainty',
  'timing',
  'follow-up',
  'abuse',
  'register',
  'rushing',
  'argue',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['hint', 'warning', 'risk'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TONES = [
  'angry',
  'frustrated',
  'anxious',
  'confused',
  'disappointed',
  'sad',
  'impatient',
  'sarcastic',
  'neutral',
  'polite',
  'satisfied',
  'enthusiastic',
  'abusive',
] as const;
export type Tone = (typeof TONES)[number];

/** The seeds' four kinds of complaining customer, plus abusive. */
export const CUSTOMER_TYPES = ['active-hater', 'extreme-critic', 'loyal-at-risk', 'enthusiast', 'abusive'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CHANNELS = ['chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
