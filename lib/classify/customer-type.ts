import type { CustomerType } from '../phrasebook/schema';
import type { Cue, LexiconTone } from './lexicon/types';
import type { AbuseVerdict } from './abuse';
import { evidenceOf, squash, type Reading } from './tones';
import type { CustomerTypeVerdict } from './verdict';

// Who is complaining, after the seeds' four kinds of complaining customer, plus abusive:
//   active hater    hates you whatever you do: sweeping hostility, "always", "worst", sarcasm
//   extreme critic  does not hate you but notices every fault: precise, factual, measured
//   loyal at risk   a long-standing customer now weighing a move to a competitor
//   enthusiast      still a fan, with a small complaint: the crack a competitor could use
// read from the latest message and, for the relationship cues, the earlier ones.

/** One line each, what the seeds advise, in our words. */
export const APPROACH: Record<CustomerType, string> = {
  'active-hater':
    'Nothing may be enough for them: stay courteous and brief, do not argue or over-invest, fix what is really wrong and move on.',
  'extreme-critic':
    'Hear the fault out and check it: if they are right, thank them and fix it visibly; if not, explain politely and let it go.',
  'loyal-at-risk':
    'A loyal customer on the edge of leaving: acknowledge the history, apologise, and offer a concrete recovery to win them back.',
  enthusiast:
    'One of your best customers: thank them, treat the small complaint seriously and show a concrete step, so no competitor gets in.',
  abusive:
    'Stay calm and do not answer in kind; warn once that abuse ends the conversation, end it if it goes on, and report any threat.',
};

/** What the earlier messages of the thread say about the relationship. */
export interface HistorySignals {
  cues: Partial<Record<Cue, number>>;
  /** Mean lexicon valence of the earlier messages (0 when none). */
  valence: number;
  count: number;
}

export function historySignals(readings: Reading[]): HistorySignals {
  const cues: Partial<Record<Cue, number>> = {};
  let valence = 0;
  for (const r of readings) {
    for (const c of r.cues) cues[c.cue] = (cues[c.cue] ?? 0) + c.weight;
    valence += r.valence;
  }
  return { cues, valence: readings.length ? valence / readings.length : 0, count: readings.length };
}

const NEGATIVE_TONES: LexiconTone[] = ['angry', 'frustrated', 'disappointed', 'sad', 'impatient', 'sarcastic', 'anxious'];

export function readCustomerType(
  original: string,
  view: string,
  reading: Reading,
  abuse: AbuseVerdict,
  history: HistorySignals,
): CustomerTypeVerdict | null {
  const cue = (c: Cue) => reading.cues.filter((h) => h.cue === c).reduce((s, h) => s + h.weight, 0);
  const cueSpans = (...cs: Cue[]) => reading.cues.filter((h) => cs.includes(h.cue)).map((h) => [h.start, h.end] as [number, number]);
  const tone = (t: LexiconTone) => squash(reading.tones.get(t)?.raw ?? 0);
  const toneSpans = (...ts: LexiconTone[]) => ts.flatMap((t) => reading.tones.get(t)?.spans ?? []);

  const negative = NEGATIVE_TONES.reduce((s, t) => s + (reading.tones.get(t)?.raw ?? 0), 0);
  const positive = (reading.tones.get('satisfied')?.raw ?? 0) + (reading.tones.get('enthusiastic')?.raw ?? 0);
  const neg = squash(negative);
  const pos = squash(positive);
  const hCue = (c: Cue) => history.cues[c] ?? 0;

  const loyalty = cue('loyalty') + 0.8 * hCue('loyalty');
  const churn = cue('churn') + 0.6 * hCue('churn');
  const hater = cue('hater');
  const critic = cue('critic');
  const mild = cue('mild');
  const fan = cue('fan') + 0.5 * hCue('fan');
  // Facts: numbers, order ids, dates, amounts, quotes.
  const facts = Math.min(3, (view.match(/\d+(?:[.,:/-]\d+)*|["“「][^"”」]{3,60}["”」]/g) ?? []).length);

  const scores: Record<CustomerType, number> = {
    abusive: abuse.level === 'threat' ? 0.95 : abuse.level === 'insult' ? 0.8 : abuse.count >= 2 && neg > 0.3 ? 0.55 : 0,
    'loyal-at-risk':
      // At risk: about to leave, or clearly more let down than pleased (praise with a small complaint is an enthusiast).
      loyalty > 0 && (churn > 0 || (neg > 0.35 && neg > pos + 0.1) || (history.valence > 0.3 && neg > pos))
        ? Math.min(0.95, 0.45 + 0.15 * Math.min(loyalty, 2) + 0.2 * Math.min(churn, 1.5) + 0.15 * neg)
        : churn > 0 && neg > 0.2
          ? Math.min(0.6, 0.3 + 0.15 * churn + 0.1 * neg)
          : 0,
    'active-hater':
      neg > 0.3 || hater >= 2
        ? Math.min(0.9, 0.15 * Math.min(hater, 4) + 0.35 * tone('angry') + 0.3 * tone('sarcastic') + (reading.shouting.length ? 0.15 : 0) - 0.08 * facts - 0.1 * mild)
        : 0,
    'extreme-critic':
      critic > 0
        ? Math.min(0.9, 0.05 + 0.15 * Math.min(critic, 3) + 0.08 * facts + 0.1 * neg - 0.3 * tone('angry') - 0.1 * Math.min(hater, 2))
        : 0,
    enthusiast:
      pos > 0.3 || fan > 0
        ? Math.min(0.9, 0.25 * Math.min(fan, 2) + 0.35 * pos + (neg > 0 ? 0.1 + 0.15 * Math.min(mild, 1.5) : 0) + (history.valence > 0.5 ? 0.1 : 0) - 0.3 * tone('angry'))
        : 0,
  };

  let best: CustomerType | undefined;
  let second = 0;
  for (const t of Object.keys(scores) as CustomerType[]) {
    if (!best || scores[t] > scores[best]) {
      second = best ? scores[best] : 0;
      best = t;
    } else if (scores[t] > second) second = scores[t];
  }
  if (!best || scores[best] < 0.3) return null;
  const top = scores[best];
  const confidence = Math.max(0.05, Math.min(1, top * (0.6 + 0.4 * Math.min(1, (top - second) / 0.25))));

  const spans: [number, number][] =
    best === 'abusive'
      ? abuse.evidence.map((e) => [e.start, e.end])
      : best === 'loyal-at-risk'
        ? cueSpans('loyalty', 'churn')
        : best === 'active-hater'
          ? [...cueSpans('hater'), ...toneSpans('angry', 'sarcastic'), ...reading.shouting]
          : best === 'extreme-critic'
            ? cueSpans('critic')
            : [...cueSpans('fan', 'mild'), ...toneSpans('enthusiastic', 'satisfied')];
  return { type: best, confidence: round(confidence), evidence: evidenceOf(original, spans), approach: APPROACH[best] };
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
