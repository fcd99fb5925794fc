// The panel's words for customer types and for what to do about abuse: the classifier's verdict and
// Claude's reading are shown with the same words.

export const TYPE_LABELS: Record<string, string> = {
  'active-hater': 'Active hater',
  'extreme-critic': 'Extreme critic',
  'loyal-at-risk': 'Loyal, annoyed, may leave',
  enthusiast: 'Still an enthusiastic fan',
  abusive: 'Abusive',
};

export const ABUSE_PROTOCOL: Record<string, string> = {
  swearing: 'It is not aimed at you. If their anger is fair, let it pass and fix the problem; if the swearing goes on, ask once that they keep it civil.',
  profanity: 'Stay calm and polite. If the swearing goes on, warn once that you will end the conversation, then do so.',
  insult: 'Do not take it personally or answer in kind. Warn once that you will end the conversation if the insults continue.',
  threat: 'Do not engage with the threat. End the conversation and report it to your lead or security; call the police if anyone is at risk.',
};

/** Swearing that goes on from an earlier message: the seeds' cue to warn. */
export const SWEARING_GOES_ON = 'It goes on from an earlier message: ask once, politely, that they keep it civil, and say you will end the conversation if it continues.';
