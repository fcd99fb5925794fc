import type { CustomerType } from '../phrasebook/schema';
import type { Cue, LexiconTone } from './lexicon/types';
import type { AbuseVerdict } from './abuse';
import { evidenceOf, squash, type Reading } from './tones';
import type { CustomerTypeVerdict, Evidence } from './verdict';

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

/** One earlier customer message, read. */
export interface HistoryMessage {
  /** The message as given (cut like the latest one), for evidence. */
  original: string;
  reading: Reading;
  /** Its index in the `history` the classifier was given. */
  index: number;
}

/** What the earlier messages of the thread say about the relationship. */
export interface HistorySignals {
  cues: Partial<Record<Cue, number>>;
  /** Mean lexicon valence of the earlier messages (0 when none). */
  valence: number;
  count: number;
  /** The cue hits, newest message first, for evidence. */
  hits: { cue: Cue; start: number; end: number; message: HistoryMessage }[];
}

export function historySignals(messages: HistoryMessage[]): HistorySignals {
  const cues: Partial<Record<Cue, number>> = {};
  const hits: HistorySignals['hits'] = [];
  let valence = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    for (const c of m.reading.cues) {
      cues[c.cue] = (cues[c.cue] ?? 0) + c.weight;
      hits.push({ cue: c.cue, start: c.start, end: c.end, message: m });
    }
    valence += m.reading.valence;
  }
  return { cues, valence: messages.length ? valence / messages.length : 0, count: messages.length, hits };
}

// Readers of the reading, at module level: the classifier runs on every message, and closures made
// per call cost more than the arithmetic they do.
function cueWeight(reading: Reading, c: Cue): number {
  let sum = 0;
  for (const h of reading.cues) if (h.cue === c) sum += h.weight;
  return sum;
}
const cueSpans = (reading: Reading, ...cs: Cue[]) => reading.cues.filter((h) => cs.includes(h.cue)).map((h) => [h.start, h.end] as [number, number]);
const toneOf = (reading: Reading, t: LexiconTone) => squash(reading.tones.get(t)?.raw ?? 0);
const toneSpans = (reading: Reading, ...ts: LexiconTone[]) => ts.flatMap((t) => reading.tones.get(t)?.spans ?? []);

const NEGATIVE_TONES: LexiconTone[] = ['angry', 'frustrated', 'disappointed', 'sad', 'impatient', 'sarcastic', 'anxious'];

/** Below this confidence no type is claimed: a wrong label costs the agent more than none. */
export const MIN_TYPE_CONFIDENCE = 0.4;

export function readCustomerType(
  original: string,
  view: string,
  reading: Reading,
  abuse: AbuseVerdict,
  history: HistorySignals,
): CustomerTypeVerdict | null {
  const negative = NEGATIVE_TONES.reduce((s, t) => s + (reading.tones.get(t)?.raw ?? 0), 0);
  const positive = (reading.tones.get('satisfied')?.raw ?? 0) + (reading.tones.get('enthusiastic')?.raw ?? 0);
  const neg = squash(negative);
  const pos = squash(positive);

  const loyalty = cueWeight(reading, 'loyalty') + 0.9 * (history.cues.loyalty ?? 0);
  const churn = cueWeight(reading, 'churn') + 0.6 * (history.cues.churn ?? 0);
  const hater = cueWeight(reading, 'hater') + 0.4 * (history.cues.hater ?? 0);
  const critic = cueWeight(reading, 'critic');
  const mild = cueWeight(reading, 'mild');
  const fan = cueWeight(reading, 'fan') + 0.5 * (history.cues.fan ?? 0);
  const angry = toneOf(reading, 'angry');
  // Facts: numbers, order ids, dates, amounts, percentages, quotes (not the apostrophes of "I'm ... don't").
  const facts = Math.min(3, (view.match(/\d+(?:[.,:/%-]\d+)*%?|["“「][^"”」]{3,60}["”」]|(?<!\p{L})['‘][^'’\n]{3,60}['’](?!\p{L})/gu) ?? []).length);
  const complaint = neg > 0.2 || churn > 0;

  const scores: Record<CustomerType, number> = {
    abusive: abuse.level === 'threat' ? 0.95 : abuse.level === 'insult' ? 0.8 : abuse.count >= 2 && neg > 0.3 ? 0.55 : 0,
    'loyal-at-risk':
      // At risk: about to leave, or clearly more let down than pleased (praise with a small complaint is an enthusiast).
      loyalty > 0 && (churn > 0 || (neg > 0.35 && neg > pos + 0.1) || (history.valence > 0.3 && neg > pos))
        ? Math.min(0.95, 0.4 + 0.15 * Math.min(loyalty, 2) + 0.2 * Math.min(churn, 1.5) + 0.15 * neg)
        : // Leaving, with no sign of a long relationship: at risk, but not known to be loyal; too weak to claim alone.
          churn > 0 && neg > 0.2
          ? Math.min(0.38, 0.25 + 0.1 * churn + 0.1 * neg)
          : 0,
    'active-hater':
      // Sweeping hostility, not just anger: "always", "every single time", "you people", "worst"; one such word
      // is a bad day ("the worst service I have had"), two or more a stance.
      hater >= 1.5 && neg > 0.3
        ? Math.min(
            0.9,
            0.15 + 0.15 * Math.min(hater, 3) + 0.2 * angry + 0.2 * toneOf(reading, 'sarcastic') + (reading.shouting.length ? 0.1 : 0) -
              // Facts, a small complaint, a long relationship or a list of faults point to another kind of customer.
              (0.06 * facts + 0.1 * Math.min(mild, 1.5) + 0.1 * Math.min(loyalty, 2) + 0.1 * Math.min(critic, 2)),
          )
        : 0,
    'extreme-critic':
      // Precise, factual faults: the evidence is in the details, not in the feeling.
      critic >= 1 && (critic >= 2 || facts >= 1)
        ? Math.min(0.9, 0.1 + 0.15 * Math.min(critic, 3) + 0.08 * facts + 0.05 * neg - 0.3 * angry - 0.1 * Math.min(hater, 2) - 0.15 * pos)
        : 0,
    enthusiast:
      // Still a fan: praise (of us, not only of a fix) with a complaint, or a declared fan.
      (fan > 0 || pos > 0.5) && (complaint || mild > 0 || fan > 0)
        ? Math.min(
            0.9,
            0.2 * Math.min(fan, 2) +
              0.35 * pos +
              (complaint || mild > 0 ? 0.1 + 0.15 * Math.min(mild, 1.5) : 0) +
              (history.valence > 0.5 ? 0.1 : 0) -
              0.3 * angry -
              0.1 * Math.min(hater, 2),
          )
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
  if (confidence < MIN_TYPE_CONFIDENCE) return null;

  const spans: [number, number][] =
    best === 'abusive'
      ? abuse.evidence.map((e) => [e.start, e.end])
      : best === 'loyal-at-risk'
        ? cueSpans(reading, 'loyalty', 'churn')
        : best === 'active-hater'
          ? [...cueSpans(reading, 'hater'), ...toneSpans(reading, 'angry', 'sarcastic'), ...reading.shouting]
          : best === 'extreme-critic'
            ? cueSpans(reading, 'critic')
            : [...cueSpans(reading, 'fan', 'mild'), ...toneSpans(reading, 'enthusiastic', 'satisfied')];
  const evidence: Evidence[] = evidenceOf(original, merge(original, spans));
  // The relationship cues of the earlier messages: "I've ordered from you for eight years".
  const fromHistory: Cue[] = best === 'loyal-at-risk' ? ['loyalty', 'churn'] : best === 'active-hater' ? ['hater'] : best === 'enthusiast' ? ['fan'] : [];
  const byMessage = new Map<HistoryMessage, [number, number][]>();
  for (const h of history.hits) {
    if (!fromHistory.includes(h.cue)) continue;
    let list = byMessage.get(h.message);
    if (!list) byMessage.set(h.message, (list = []));
    list.push([h.start, h.end]);
  }
  for (const [message, list] of byMessage)
    for (const e of evidenceOf(message.original, merge(message.original, list), 4)) {
      if (evidence.length >= 10) break;
      evidence.push({ ...e, in: 'history', index: message.index });
    }
  return { type: best, confidence: round(confidence), evidence, approach: APPROACH[best] };
}

/**
 * Overlapping or nearly touching spans of one clause as one, so the evidence reads as a phrase:
 * "varit kund" + "kund hos er sedan 2012", "moving my orders" + " to " + "another shop".
 */
function merge(text: string, spans: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1])) {
    const last = out.at(-1);
    if (last && (s <= last[1] || (s - last[1] <= 4 && !/[.!?;:,。！？；：，\n]/.test(text.slice(last[1], s))))) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
