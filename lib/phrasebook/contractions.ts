// English contractions, folded both ways: the engine always sees the expanded form, so a pattern
// written "don't" matches "do not", "dont" and "don’t" in a draft, and the reverse.

/** Whole words whose meaning is fixed; apostrophe-less forms only where they are not also words ("wont" is rare enough, "were"/"its"/"ill" are not). */
const WHOLE = new Map<string, string[]>(
  Object.entries({
    "can't": ['can', 'not'],
    cant: ['can', 'not'],
    cannot: ['can', 'not'],
    "won't": ['will', 'not'],
    wont: ['will', 'not'],
    "shan't": ['shall', 'not'],
    "ain't": ['is', 'not'],
    "let's": ['let', 'us'],
    dont: ['do', 'not'],
    doesnt: ['does', 'not'],
    didnt: ['did', 'not'],
    isnt: ['is', 'not'],
    arent: ['are', 'not'],
    wasnt: ['was', 'not'],
    werent: ['were', 'not'],
    hasnt: ['has', 'not'],
    havent: ['have', 'not'],
    hadnt: ['had', 'not'],
    wouldnt: ['would', 'not'],
    shouldnt: ['should', 'not'],
    couldnt: ['could', 'not'],
    mustnt: ['must', 'not'],
    neednt: ['need', 'not'],
    im: ['i', 'am'],
    youre: ['you', 'are'],
    theyre: ['they', 'are'],
    thats: ['that', 'is'],
    theres: ['there', 'is'],
    whats: ['what', 'is'],
    ive: ['i', 'have'],
    youve: ['you', 'have'],
    weve: ['we', 'have'],
    theyve: ['they', 'have'],
    youll: ['you', 'will'],
    theyll: ['they', 'will'],
    youd: ['you', 'would'],
  }),
);

/** Words whose "'s" means "is"; on any other word it is a possessive and stays part of the word. */
const IS_BEFORE_S = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'where', 'how', 'this']);

const SUFFIXES: [string, string][] = [
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'m", 'am'],
  ["'d", 'would'],
];

/**
 * The expanded words of a folded word (apostrophes already straight and lower case), or null
 * when it is not a contraction.
 */
export function expandContraction(word: string): string[] | null {
  const whole = WHOLE.get(word);
  if (whole) return whole;
  const q = word.indexOf("'");
  if (q <= 0) return null;
  if (word.endsWith("n't") && word.length > 3) return [word.slice(0, -3), 'not'];
  for (const [suffix, full] of SUFFIXES) {
    if (word.endsWith(suffix) && q === word.length - suffix.length) return [word.slice(0, q), full];
  }
  if (word.endsWith("'s") && IS_BEFORE_S.has(word.slice(0, -2))) return [word.slice(0, -2), 'is'];
  return null;
}

/**
 * Quick test before the lookup: only words with an apostrophe or in WHOLE can expand. WHOLE is a
 * Map, not an object: a property lookup first interns each fresh word, and this runs on every word
 * of every draft (a fifth of the matching time, profiled).
 */
export const mayBeContraction = (word: string) => word.includes("'") || WHOLE.has(word);
