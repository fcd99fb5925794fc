import type { Tone } from '../phrasebook/schema';
import { MAX_CUSTOMER_MESSAGES } from '../limits';
import { abuseLevelOf, abuseScore, readAbuse } from './abuse';
import { historySignals, readCustomerType, round, type HistoryMessage } from './customer-type';
import { detectLanguage, type LanguageGuess } from './language';
import { learnedValence } from './learned';
import { matcherFor, type SupportedLanguage } from './matcher';
import { readChannel, readRegister } from './register';
import { prepare } from './text';
import { foldText } from './trie';
import { evidenceOf, readTones, squash, type Reading } from './tones';
import { worstOf, type ToneScore, type Verdict } from './verdict';

// The customer classifier: tone, abuse, customer type, register and channel of the latest customer
// message, from hand-written lexicons (./lexicon) and a small learned word-weight table
// (./learned), in one pass over the text. Pure and synchronous: it runs in the service worker.
// Weak verdicts are marked `unsure` for the LLM fallback to refine.

export * from './verdict';
export { APPROACH, MIN_TYPE_CONFIDENCE } from './customer-type';

export interface ClassifyInput {
  text: string;
  /** Earlier customer messages in the thread, oldest first. */
  history?: string[];
}

/** Earlier messages read for the relationship cues; the newest ones count. */
const MAX_HISTORY = MAX_CUSTOMER_MESSAGES;
/** Below this overall confidence a verdict is flagged unsure. */
export const UNSURE_BELOW = 0.5;
/** How fast neutral fades as feeling adds up: one plain term leaves it near 0.45, three near 0.1. */
const NEUTRAL_DECAY = 0.8;

function read(view: string, language: SupportedLanguage): Reading {
  const m = matcherFor(language);
  const folded = foldText(view);
  return readTones(view, m.main.scan(view, folded), m.cues.scan(view, folded), language);
}

function unsupported(language: Verdict['language'], confidence: number, register: Verdict['register'] = 'colloquial'): Verdict {
  return {
    language,
    tones: [{ tone: 'neutral', score: 1, evidence: [] }],
    abuse: { level: 'none', evidence: [], earlier: 'none' },
    customerType: null,
    register,
    channel: null,
    valence: 0,
    confidence: round(confidence),
    unsure: true,
  };
}

export interface ClassifyOptions {
  /** Use the learned word weights (default true); off, the verdict rests on the hand lexicons alone. */
  learned?: boolean;
}

export function classifyCustomer(input: ClassifyInput, options: ClassifyOptions = {}): Verdict {
  const text = typeof input?.text === 'string' ? input.text : '';
  // Earlier messages with their index in the given history, so evidence can point back at them.
  const given: unknown[] = Array.isArray(input?.history) ? input.history : [];
  const historyAt: [index: number, text: string][] = [];
  given.forEach((h, index) => {
    if (typeof h === 'string') historyAt.push([index, h]);
  });
  const recent = historyAt.slice(-MAX_HISTORY);
  const history = recent.map(([, h]) => h);
  const prepared = prepare(text);
  const { original, view } = prepared;

  let guess: LanguageGuess | undefined = detectLanguage(view);
  if (!guess) {
    // No letters at all (emoji, punctuation, empty): read it in the thread's language, else English.
    const fromHistory = history.length ? detectLanguage(prepare(history.join('\n')).view) : undefined;
    const language = fromHistory && fromHistory.language !== 'unsupported' ? fromHistory.language : 'en';
    guess = { language, confidence: view.trim() ? 0.6 : 0 };
  }
  if (guess.language === 'unsupported') return unsupported('unsupported', guess.confidence);
  const language: SupportedLanguage = guess.language;

  const reading = read(view, language);
  const abuse = readAbuse(original, reading);
  const historyMessages = recent.map(([index, h]): HistoryMessage => {
    const p = prepare(h);
    const g = detectLanguage(p.view);
    return { original: p.original, reading: read(p.view, g && g.language !== 'unsupported' ? g.language : language), index };
  });
  const customerType = readCustomerType(original, view, reading, abuse, historySignals(historyMessages));

  const tones: ToneScore[] = [];
  let strongest = 0;
  /** All the feeling in the message, summed: several plain complaint words leave little room for neutral. */
  let affect = 0;
  for (const [tone, { raw, spans }] of reading.tones) {
    const score = round(squash(raw));
    affect += tone === 'polite' ? 0.4 * raw : raw;
    if (score < 0.05) continue;
    strongest = Math.max(strongest, score);
    tones.push({ tone, score, evidence: evidenceOf(original, spans) });
  }
  const abusive = abuseScore(abuse.level);
  if (abusive > 0) {
    tones.push({ tone: 'abusive' satisfies Tone, score: abusive, evidence: abuse.evidence });
    strongest = Math.max(strongest, abusive);
  }
  const neutral = round(Math.min(1 - strongest, Math.exp(-NEUTRAL_DECAY * affect)));
  if (neutral >= 0.05) tones.push({ tone: 'neutral', score: neutral, evidence: [] });
  tones.sort((a, b) => b.score - a.score);

  const learned = options.learned === false ? 0 : learnedValence(view, language);
  const lexical = reading.valence - (abuse.level === 'none' || abuse.level === 'swearing' ? 0 : abuse.level === 'profanity' ? 0.5 : 1.5);
  const valence = round(Math.tanh((lexical + learned) / 2));

  const signal = 1 - Math.exp(-(reading.strength + Math.abs(learned) * 0.5 + abuse.count));
  const confidence = round(guess.confidence * (0.35 + 0.65 * signal));
  return {
    language,
    tones,
    abuse: { level: abuse.level, evidence: abuse.evidence, earlier: worstOf(historyMessages.map((h) => abuseLevelOf(h.reading))) },
    customerType,
    register: readRegister(view, reading),
    channel: readChannel(prepared, reading),
    valence,
    confidence,
    // Unsure when the reading is weak, or when it names a customer type it is not sure of.
    unsure: confidence < UNSURE_BELOW || !view.trim() || (customerType !== null && customerType.confidence < UNSURE_BELOW),
  };
}
