import type { Tone } from '../phrasebook/schema';
import { aimOf, clause, type Aim } from './aim';
import type { AbuseKind, Cue, LexiconTone } from './lexicon/types';
import type { Hit, Payload, SupportedLanguage } from './matcher';
import { scanPatterns } from './patterns';
import type { Evidence } from './verdict';

// Reads the lexicon hits of one message, left to right, with the usual valence-shifter rules:
// a negator flips the next sentiment term within a few words ("not happy", "不满意", "inte nöjd"),
// intensifiers and diminishers scale it, a contrast word ("but") makes what follows weigh more than
// what came before, ALL CAPS, "!!!" and "???" raise the pitch, and emoji are terms like any other.

/** How much each tone pushes the overall valence. */
export const TONE_VALENCE: Record<LexiconTone, number> = {
  angry: -1,
  frustrated: -0.7,
  anxious: -0.45,
  confused: -0.25,
  disappointed: -0.8,
  sad: -0.6,
  impatient: -0.5,
  sarcastic: -0.8,
  polite: 0.15,
  satisfied: 0.8,
  enthusiastic: 1,
};

const POSITIVE: ReadonlySet<LexiconTone> = new Set(['satisfied', 'enthusiastic']);
const NEGATIVE: ReadonlySet<LexiconTone> = new Set(['angry', 'frustrated', 'anxious', 'disappointed', 'sad', 'impatient', 'sarcastic']);
/** Tones that grow louder with capitals and exclamation marks. */
const AROUSED: ReadonlySet<LexiconTone> = new Set(['angry', 'frustrated', 'impatient', 'enthusiastic']);

export interface Contribution {
  tone: LexiconTone;
  weight: number;
  valence: number;
  start: number;
  end: number;
}

export interface CueHit {
  cue: Cue;
  weight: number;
  start: number;
  end: number;
}

export interface Reading {
  /** Raw tone weights (before squashing to 0..1), with their evidence. */
  tones: Map<LexiconTone, { raw: number; spans: [number, number][] }>;
  /** Sum of valence pushes from the lexicon. */
  valence: number;
  /** Total absolute signal, for confidence. */
  strength: number;
  cues: CueHit[];
  /** Abusive words aimed at a person (./aim.ts), and how; 'clause' is swearing inside an aimed insult. */
  abuse: { level: AbuseKind; start: number; end: number; aim: Aim | 'clause' }[];
  /**
   * Swear words aimed at no one ("this is fucking ridiculous", "this shitty app"): not abuse of a
   * person, but the rude language the seeds ask the agent to let pass once and to warn about if it
   * goes on. Read as anger too. Insult words aimed at no one are anger only.
   */
  swearing: [number, number][];
  /** Words of three letters or more in capitals, when the message shouts. */
  shouting: [number, number][];
  /** Single words in capitals for emphasis in an otherwise lower-case message ("waiting FORTY minutes"). */
  emphasis: [number, number][];
}

const CLAUSE_BREAK = /[.!?;:,。！？；：，\n]/;
const WORD_RUN = /[\p{L}\p{N}']+/gu;

/** Is `to` within reach of a modifier ending at `from`: same clause, at most `words` words between. */
function near(view: string, from: number, to: number, language: SupportedLanguage, words: number): boolean {
  if (to < from) return false;
  if (to - from > 40) return false;
  const gap = view.slice(from, to);
  if (CLAUSE_BREAK.test(gap)) return false;
  if (language === 'zh') return gap.replace(/\s/g, '').length <= words + 1;
  return (gap.match(WORD_RUN)?.length ?? 0) <= words;
}

function isCaps(s: string): boolean {
  return s.length >= 3 && s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Common capitalised words that are not shouting. */
const ACRONYMS = new Set(['ASAP', 'USA', 'UK', 'EU', 'TSA', 'FAA', 'DM', 'DMS', 'CEO', 'FAQ', 'PDF', 'SMS', 'URL', 'APP', 'API', 'ETA', 'ID', 'PIN', 'VIP', 'IT', 'TV', 'AM', 'PM', 'OK', 'LOL', 'OMG', 'WTF']);

function findShouting(view: string): [number, number][] {
  const caps: [number, number][] = [];
  let runs = 0;
  for (const _ of view.matchAll(/\p{Lu}{3}/gu)) if (++runs >= 2) break;
  if (runs < 2) return caps;
  let words = 0;
  for (const m of view.matchAll(/[\p{L}]{3,}/gu)) {
    words++;
    if (isCaps(m[0]) && !ACRONYMS.has(m[0])) caps.push([m.index, m.index + m[0].length]);
  }
  return caps.length >= 2 && caps.length >= words * 0.4 ? caps : [];
}

/** A word or two in capitals, four letters or more, in a message that is otherwise not shouting. */
function findEmphasis(view: string, shouting: [number, number][]): [number, number][] {
  if (shouting.length || !/\p{Lu}{4}/u.test(view)) return [];
  const out: [number, number][] = [];
  let lower = 0;
  for (const m of view.matchAll(/\p{L}{4,}/gu)) {
    if (isCaps(m[0])) {
      if (!ACRONYMS.has(m[0])) out.push([m.index, m.index + m[0].length]);
    } else if (m[0] !== m[0].toUpperCase()) lower++;
  }
  // Emphasis stands out against lower-case text; a headline in capitals is not emphasis.
  return out.length > 0 && out.length <= 3 && lower >= 3 * out.length ? out : [];
}

/** Insult and swear words that also describe things ("stupid", "shitty", "idiotisk"), by language; none for Chinese yet. */
const THING_ADJECTIVES: Record<SupportedLanguage, RegExp> = {
  en: /^(?:stupid|dumb|idiotic|moronic|retarded|brainless|worthless|despicable|shitty|crappy|fucking|fuckin|fucken|effing|bullshit|goddamn|damn|bloody)$/i,
  sv: /^(?:idiotisk[a-z]*|korkad[a-z]*|dum|dumma|jävla|djävla|satans|skitdålig[a-z]*)$/i,
  zh: /^$/,
};
/** What a product, service or rule is called: an insult word right before one of these is about the thing. */
const EN_THINGS =
  'app|apps|application|website|site|page|system|systems|policy|policies|rule|rules|process|procedure|form|forms|question|questions|' +
  'thing|things|idea|ideas|update|updates|software|program|phone|phones|bot|chatbot|machine|device|game|games|law|laws|bill|lie|lies|' +
  'mistake|mistakes|error|errors|bug|bugs|fee|fees|charge|charges|password|login|button|menu|interface|feature|features|design|email|' +
  'emails|message|messages|link|code|tracking|delivery|order|product|service|plan|contract|account|thread|post|tweet|comment|argument|' +
  'excuse|reason|decision|fine|ticket|survey|captcha|printer|router|modem|box|card';
const SV_THINGS =
  'app|hemsida|sida|system|regel|regl|formulär|fråga|grej|sak|idé|uppdatering|program|telefon|bot|avgift|faktura|lösenord|knapp|meny|' +
  'funktion|beslut|policy|process|tjänst|abonnemang|avtal|kod';
const THINGS: Record<SupportedLanguage, RegExp> = {
  en: new RegExp(`^[\\s-]+(?:(?:new|old|little|whole|fucking|damn|bloody)\\s+)?(?:${EN_THINGS})\\b`, 'i'),
  sv: new RegExp(`^\\s+(?:(?:nya|gamla|jävla)\\s+)?(?:${SV_THINGS})\\p{L}*`, 'iu'),
  zh: /^$/,
};

function aimedAtThing(view: string, hit: Hit, language: SupportedLanguage, abuse: Extract<Payload, { kind: 'abuse' }>[]): boolean {
  if (abuse.some((a) => a.level === 'threat')) return false;
  if (!THING_ADJECTIVES[language].test(view.slice(hit.start, hit.end))) return false;
  return THINGS[language].test(view.slice(hit.end, hit.end + 40));
}

/** "X is the shit", "kicks ass", "shut up and take my money": slang praise, not abuse (but "beat the shit out of", "kick your ass" are). */
function praiseSlang(view: string, hit: Hit): boolean {
  const word = view.slice(hit.start, hit.end).toLowerCase();
  if (word === 'shut up') return /^\s+and take my money/i.test(view.slice(hit.end, hit.end + 20));
  if (word === 'ass') return /\b(?:kick|kicks|kicking|kicked|kickin|bad)[\s-]+$/i.test(view.slice(Math.max(0, hit.start - 9), hit.start));
  if (word !== 'shit') return false;
  return /\bthe\s+$/i.test(view.slice(Math.max(0, hit.start - 5), hit.start)) && !/^\s*(?:out|of)\b/i.test(view.slice(hit.end, hit.end + 6));
}

/**
 * "Dick" is also a first name: capitalised inside a sentence ("I spoke to Dick in billing"), or
 * before another name ("Dick Smith called"), it names someone rather than swears.
 */
function givenName(view: string, hit: Hit): boolean {
  if (view.slice(hit.start, hit.end) !== 'Dick') return false;
  if (/\b(?:you|u|ya|what a|such a)\s+$/i.test(view.slice(Math.max(0, hit.start - 10), hit.start))) return false; // "You Dick!"
  const before = view.slice(Math.max(0, hit.start - 3), hit.start);
  const midSentence = hit.start > 0 && !/[.!?。！？\n]\s*$/.test(before) && !/^\s*$/.test(view.slice(0, hit.start));
  return midSentence || /^\s+\p{Lu}\p{Ll}+/u.test(view.slice(hit.end, hit.end + 20));
}

/** Anger from a swear word or insult that is not aimed at anyone ("what the fuck", "politicians are idiots"). */
const LOOSE_PROFANITY = 0.7;
const LOOSE_INSULT = 1;
const ABUSE_ORDER: readonly AbuseKind[] = ['profanity', 'insult', 'threat'];
const worst = (a: readonly { level: AbuseKind }[]) => a.reduce<AbuseKind>((w, x) => (ABUSE_ORDER.indexOf(x.level) > ABUSE_ORDER.indexOf(w) ? x.level : w), 'profanity');

const tonePayloads = (h: Hit) => h.values.filter((v): v is Extract<Payload, { kind: 'tone' }> => v.kind === 'tone');

export function readTones(view: string, hits: Hit[], cueHits: Hit[], language: SupportedLanguage): Reading {
  const contributions: Contribution[] = [];
  const cues: CueHit[] = [];
  const abuse: Reading['abuse'] = [];
  /** Abusive words not aimed at anyone, placed after the pass. */
  const loose: { level: AbuseKind; start: number; end: number }[] = [];
  const swearing: [number, number][] = [];
  let negation: { start: number; end: number } | undefined;
  let modifier: { end: number; factor: number } | undefined;
  let contrastAt = -1;
  const shouting = findShouting(view);
  const emphasis = findEmphasis(view, shouting);
  /** Negators, and whether a tone already used them ("isn't fixed, I'm moving to X" leaves the cue alone). */
  const negators: [start: number, end: number, used: boolean][] = [];

  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    const values = hit.values;
    if (values.some((v) => v.kind === 'stop')) continue;
    let tones = tonePayloads(hit);
    let modifierHere: number | undefined;
    let negatorHere = false;
    let abuseHere: Extract<Payload, { kind: 'abuse' }>[] | undefined;
    for (const v of values) {
      if (v.kind === 'abuse') (abuseHere ??= []).push(v);
      else if (v.kind === 'intensifier' || v.kind === 'diminisher') modifierHere = (modifierHere ?? 1) * v.weight;
      else if (v.kind === 'negator') negatorHere = true;
      else if (v.kind === 'contrast') contrastAt = hit.start;
    }
    if (abuseHere) {
      // Swearing that only intensifies praise ("fucking awesome") is not aimed at anyone.
      const next = hits[i + 1];
      const praise =
        modifierHere !== undefined && next && near(view, hit.end, next.start, language, 0) && tonePayloads(next).some((t) => POSITIVE.has(t.tone));
      const level = worst(abuseHere);
      if (aimedAtThing(view, hit, language, abuseHere)) {
        // "this stupid app", "den idiotiska appen": harsh about a thing, not abuse of a person.
        contributions.push({ tone: 'angry', weight: 1, valence: -1, start: hit.start, end: hit.end });
        if (level === 'profanity') swearing.push([hit.start, hit.end]);
      } else if (!(language === 'en' && (praiseSlang(view, hit) || givenName(view, hit))) && !(praise && level === 'profanity')) {
        const aimed = aimOf({ view, start: hit.start, end: hit.end, level, language, modifier: modifierHere !== undefined });
        // 'self', said of themselves ("I'm such an idiot, I forgot my password"), is neither abuse nor anger.
        if (aimed === undefined) loose.push({ level, start: hit.start, end: hit.end });
        else if (aimed !== 'self') abuse.push({ level: aimed.level, start: hit.start, end: hit.end, aim: aimed.aim });
      }
    }
    // A word that is both a modifier and a tone ("so", "好", "seriously") modifies when a tone follows closely.
    if (modifierHere !== undefined && tones.length) {
      const next = hits[i + 1];
      if (next && tonePayloads(next).length && near(view, hit.end, next.start, language, 0)) tones = [];
      else modifierHere = undefined;
    }
    const negated = negation !== undefined && near(view, negation.end, hit.start, language, 3);
    const factor = modifier && near(view, modifier.end, hit.start, language, 2) ? modifier.factor : 1;
    const caps = isCaps(view.slice(hit.start, hit.end)) ? 1.4 : 1;
    let consumed = false;
    if (negated && tones.length) negators[negators.length - 1]![2] = true;
    for (const t of tones) {
      consumed = true;
      const w = t.weight * factor * caps;
      if (!negated) {
        contributions.push({ tone: t.tone, weight: w, valence: TONE_VALENCE[t.tone] * w, start: hit.start, end: hit.end });
      } else if (POSITIVE.has(t.tone)) {
        // "not happy", "不满意", "inte nöjd": a let-down rather than neutral.
        contributions.push({ tone: 'disappointed', weight: w * 0.9, valence: -0.7 * w, start: negation!.start, end: hit.end });
      } else if (NEGATIVE.has(t.tone)) {
        // "not bad", "没问题": mildly positive, no tone.
        contributions.push({ tone: t.tone, weight: 0, valence: 0.25 * w, start: hit.start, end: hit.end });
      }
    }
    if (consumed) {
      negation = undefined;
      modifier = undefined;
    }
    if (negatorHere) {
      negation = { start: hit.start, end: hit.end };
      negators.push([hit.start, hit.end, false]);
    }
    if (modifierHere !== undefined) {
      modifier = modifier && near(view, modifier.end, hit.start, language, 1) ? { end: hit.end, factor: modifier.factor * modifierHere } : { end: hit.end, factor: modifierHere };
    }
  }

  // Swearing and insults not aimed at anyone (./aim.ts): strong feeling, read as anger, unless they
  // sit in the clause of an aimed insult or threat ("you fucking idiots", "era jävla idioter"), where
  // they are part of the abuse.
  for (const l of loose) {
    const [cs, ce] = clause(view, l.start, l.end);
    if (abuse.some((a) => a.level !== 'profanity' && a.start >= cs && a.end <= ce)) abuse.push({ level: 'profanity', start: l.start, end: l.end, aim: 'clause' });
    else {
      const w = l.level === 'profanity' ? LOOSE_PROFANITY : LOOSE_INSULT;
      contributions.push({ tone: 'angry', weight: w, valence: -w, start: l.start, end: l.end });
      if (l.level === 'profanity') swearing.push([l.start, l.end]);
    }
  }
  abuse.sort((a, b) => a.start - b.start);
  swearing.sort((a, b) => a[0] - b[0]);

  // Durations, relationships and repeats, which have numbers in them (./patterns.ts).
  const patterns = scanPatterns(view, language);
  for (const p of patterns)
    if (p.tone) contributions.push({ tone: p.tone, weight: p.weight, valence: TONE_VALENCE[p.tone] * p.weight, start: p.start, end: p.end });

  // Cues, from their own pass; a negated cue ("not switching to") does not count, except for register.
  let n = 0;
  for (const hit of cueHits) {
    if (hit.values.some((v) => v.kind === 'stop')) continue;
    while (n < negators.length && negators[n]![1] <= hit.start - 40) n++;
    let negated = false;
    for (let k = n; k < negators.length && negators[k]![1] <= hit.start; k++) if (!negators[k]![2] && near(view, negators[k]![1], hit.start, language, 2)) negated = true;
    for (const v of hit.values)
      if (v.kind === 'cue' && !(negated && v.cue !== 'formal' && v.cue !== 'colloquial' && v.cue !== 'email'))
        cues.push({ cue: v.cue, weight: v.weight, start: hit.start, end: hit.end });
  }
  for (const p of patterns) if (p.cue) cues.push({ cue: p.cue, weight: p.weight, start: p.start, end: p.end });
  // Leaving says something about the mood too, and so does a list of faults (one alone may be a question).
  const faults = cues.reduce((s, c) => s + (c.cue === 'critic' ? c.weight : 0), 0);
  for (const c of cues)
    if (c.cue === 'churn') contributions.push({ tone: 'disappointed', weight: 0.6 * c.weight, valence: -0.6 * c.weight, start: c.start, end: c.end });
    else if (c.cue === 'critic') contributions.push({ tone: 'frustrated', weight: faults >= 2 ? 0.3 * c.weight : 0, valence: -0.25 * c.weight, start: c.start, end: c.end });

  // "Great. Another delay.": a positive word on its own at the start of a sentence in a negative message.
  const negativeRaw = contributions.reduce((s, c) => s + (NEGATIVE.has(c.tone) ? c.weight : 0), 0);
  if (negativeRaw >= 1) {
    for (const c of contributions) {
      if (!POSITIVE.has(c.tone) || c.weight === 0) continue;
      const before = view.slice(Math.max(0, c.start - 3), c.start).trim();
      const after = view.slice(c.end, c.end + 2).trimStart();
      const sentenceStart = before === '' || /[.!?]$/.test(before);
      if (sentenceStart && /^[.!,…]/.test(after) && c.start < view.length / 2) {
        contributions.push({ tone: 'sarcastic', weight: 1.2, valence: -0.6, start: c.start, end: c.end });
        c.valence = 0;
        c.weight *= 0.3;
      }
    }
  }

  // What follows the last "but" counts more than what came before it.
  if (contrastAt >= 0 && contributions.some((c) => c.start > contrastAt)) {
    for (const c of contributions) {
      const f = c.start < contrastAt ? 0.6 : 1.25;
      c.weight *= f;
      c.valence *= f;
    }
  }

  // "Just one small thing", "小问题", "en liten sak": the customer says the complaint is minor, so its tones weigh
  // less (the valence, what it says about the message as a whole, stays).
  const mild = cues.reduce((s, c) => s + (c.cue === 'mild' ? c.weight : 0), 0);
  if (mild > 0) {
    const f = 1 - Math.min(0.4, 0.25 * mild);
    for (const c of contributions) if (NEGATIVE.has(c.tone)) c.weight *= f;
  }

  // Exclamation and question runs.
  let bangs = 0;
  let questionRun: [number, number] | undefined;
  for (const m of view.matchAll(/[!！]{2,}|[?？]{2,}|[!?！？]{3,}/g)) {
    if (/[!！]/.test(m[0])) bangs += m[0].length;
    if (/[?？]/.test(m[0]) && !questionRun) questionRun = [m.index, m.index + m[0].length];
  }
  const pitch = 1 + Math.min(0.4, bangs * 0.08) + (shouting.length ? 0.3 : 0) + Math.min(0.2, emphasis.length * 0.12);
  if (pitch > 1)
    for (const c of contributions)
      if (AROUSED.has(c.tone)) {
        c.weight *= pitch;
        c.valence *= pitch;
      }
  if (questionRun) {
    contributions.push({ tone: 'confused', weight: 0.4, valence: -0.1, start: questionRun[0], end: questionRun[1] });
    contributions.push({ tone: 'impatient', weight: 0.5, valence: -0.2, start: questionRun[0], end: questionRun[1] });
  }
  if (shouting.length) {
    const negative = contributions.some((c) => NEGATIVE.has(c.tone) && c.weight > 0);
    const [s, e] = shouting[0]!;
    contributions.push({ tone: 'angry', weight: negative ? 0.8 : 0.4, valence: negative ? -0.5 : -0.2, start: s, end: e });
  } else if (emphasis.length && bangs >= 2 && contributions.some((c) => NEGATIVE.has(c.tone) && c.weight > 0)) {
    // A complaint with a word in capitals and "!!": raised voice.
    const [s, e] = emphasis[0]!;
    contributions.push({ tone: 'angry', weight: 0.5, valence: -0.3, start: s, end: e });
  }

  const tones = new Map<LexiconTone, { raw: number; spans: [number, number][] }>();
  let valence = 0;
  let strength = 0;
  for (const c of contributions) {
    valence += c.valence;
    strength += Math.abs(c.valence) + c.weight * 0.5;
    if (c.weight <= 0) continue;
    let t = tones.get(c.tone);
    if (!t) tones.set(c.tone, (t = { raw: 0, spans: [] }));
    t.raw += c.weight;
    t.spans.push([c.start, c.end]);
  }
  return { tones, valence, strength, cues, abuse, swearing, shouting, emphasis };
}

/** Raw weight to a 0..1 score: one plain term about 0.45, two about 0.7. */
export function squash(raw: number): number {
  return raw <= 0 ? 0 : 1 - Math.exp(-raw * 0.6);
}

export function evidenceOf(original: string, spans: readonly (readonly [number, number])[], max = 8): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const key = `${start}:${end}`;
    if (seen.has(key) || end <= start || end > original.length) continue;
    seen.add(key);
    out.push({ start, end, text: original.slice(start, end) });
    if (out.length >= max) break;
  }
  return out;
}

export type { Tone };
