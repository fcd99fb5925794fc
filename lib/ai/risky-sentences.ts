import type { Finding } from '../protocol';
import { statedTime } from '../stated-time';

// Which sentences of a draft are worth an AI rewrite: the phrasebook's entries are precise, so a
// sentence can sound wrong without matching one. A short, explainable list of cues per locale (blame,
// refusal, policy, vague timing, talking down, negative imperatives) finds those; a sentence a
// phrasebook finding already covers is left to the phrasebook. The panel offers "Rewrite with AI"
// on what this returns; the agent can also pick any other sentence (sentencesOf).

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export interface RiskySentence extends Sentence {
  locale: CueLocale;
  /** The cues that fired, for the panel to say why the sentence was picked. */
  cues: { id: string; label: string }[];
}

export type CueLocale = 'en' | 'sv' | 'zh';

interface Cue {
  id: string;
  label: string;
  pattern: RegExp;
}

// Word boundaries that work with å, ä, ö (\b is ASCII-only).
const w = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');
const APOS = "['\u2019]";

export const CUES: Record<CueLocale, Cue[]> = {
  en: [
    { id: 'blame', label: 'blames the customer', pattern: w(`you (?:should|ought to|could|would|need to) have|you (?:forgot|failed|neglected) to|your (?:own )?(?:fault|mistake|error)|you didn${APOS}?t|you did not`) },
    { id: 'not-our-fault', label: 'denies responsibility', pattern: w(`not (?:our|my) (?:fault|problem|responsibility)|nothing (?:we|I) can do|out of (?:our|my) hands|beyond (?:our|my) control`) },
    { id: 'refusal', label: 'leads with a refusal', pattern: w(`(?:we|I) (?:can${APOS}?t|cannot|can not|won${APOS}?t|will not|are unable to|am unable to|are not able to|am not able to|don${APOS}?t|do not) (?:do|offer|give|refund|help|accept|allow|change|make|send|provide|process|guarantee)|(?:is|are) not (?:possible|allowed|permitted)|impossible`) },
    { id: 'policy', label: 'hides behind policy', pattern: w(`(?:our|company|the) (?:policy|policies|rules|terms)|policy (?:states|says|is)|according to (?:our|the)`) },
    { id: 'unfortunately', label: 'opens with bad news', pattern: w(`unfortunately|regrettably|sadly`) },
    { id: 'as-i-said', label: 'sounds impatient', pattern: w(`as (?:I|we) (?:already |have )?(?:said|told you|explained|mentioned|stated)|like I (?:already )?(?:said|told you)|again,? (?:I|we) (?:must|have to)|for the (?:last|second|third) time`) },
    { id: 'vague-timing', label: 'no concrete time', pattern: w(`(?:as )?soon as possible|asap|shortly|in due course|at some point|eventually|when we can|in a (?:few|couple of) (?:days|weeks)|(?:some|a) while|sometime`) },
    { id: 'negative-imperative', label: 'orders the customer', pattern: w(`(?:please )?(?:don${APOS}?t|do not|stop|never) (?:contact|call|email|write|ask|send|complain|shout|yell)|you (?:must|have to|need to) (?:wait|understand|accept|read)`) },
    { id: 'minimising', label: 'belittles the problem', pattern: w(`obviously|clearly you|of course you|no big deal|not a big deal|it${APOS}?s (?:only|just) a`) },
  ],
  // Swedish puts the verb second: "tyvärr kan vi inte" as well as "vi kan inte".
  sv: [
    { id: 'blame', label: 'skyller på kunden', pattern: w(`du (?:borde|skulle|måste) ha|ditt (?:eget )?fel|du glömde|du har glömt|du missade`) },
    { id: 'not-our-fault', label: 'friskriver sig', pattern: w(`inte (?:vårt|mitt) (?:fel|ansvar|problem)|inget (?:vi|jag) kan göra|utanför (?:vår|min) kontroll`) },
    { id: 'refusal', label: 'börjar med ett nej', pattern: w(`(?:(?:vi|jag) (?:kan|får)|(?:kan|får) (?:vi|jag)) (?:tyvärr )?inte (?:göra|erbjuda|ge|återbetala|hjälpa|ändra|skicka|byta|ersätta)|(?:är|går) inte (?:möjligt|tillåtet)|omöjligt`) },
    { id: 'policy', label: 'gömmer sig bakom regler', pattern: w(`(?:vår|våra|enligt) (?:policy|regler|villkor)|enligt (?:vår|våra|policyn|reglerna)`) },
    { id: 'unfortunately', label: 'börjar med dåliga nyheter', pattern: w(`tyvärr|beklagligtvis`) },
    { id: 'as-i-said', label: 'låter otålig', pattern: w(`som jag (?:redan )?(?:sa|sagt|skrev|skrivit|förklarade|förklarat)|som sagt`) },
    { id: 'vague-timing', label: 'ingen konkret tid', pattern: w(`så snart som möjligt|snarast|inom kort|så småningom|någon gång|när vi kan|om ett tag|om några dagar`) },
    { id: 'negative-imperative', label: 'beordrar kunden', pattern: w(`(?:kontakta|ring|mejla|skriv) inte|sluta (?:skriva|ringa|mejla|klaga)|du (?:måste|får) (?:vänta|förstå|acceptera)`) },
  ],
  // Chinese has no word boundaries: cues are substrings.
  zh: [
    { id: 'blame', label: '责怪客户', pattern: /你(?:应该|本应|早该|自己)|你的(?:错|问题|责任)|怪你/u },
    { id: 'not-our-fault', label: '推卸责任', pattern: /不是(?:我们|我)的(?:错|问题|责任)|(?:我们|我)(?:也)?没(?:有)?办法|与(?:我们|我)无关/u },
    { id: 'refusal', label: '以拒绝开头', pattern: /(?:我们|我)(?:不能|无法|不可以|不会)|不可能|办不到/u },
    { id: 'policy', label: '搬出规定', pattern: /(?:公司|我们的)?(?:规定|政策|制度)(?:是|就是|如此)?/u },
    { id: 'unfortunately', label: '先说坏消息', pattern: /很遗憾|遗憾的是|不幸的是/u },
    { id: 'as-i-said', label: '显得不耐烦', pattern: /(?:我)?(?:已经)?(?:说过|讲过|告诉过你)了?|再说一遍/u },
    { id: 'vague-timing', label: '时间含糊', pattern: /尽快|稍后|过几天|以后再|等(?:一)?段时间|改天/u },
    { id: 'negative-imperative', label: '命令客户', pattern: /(?:请)?(?:不要|别)(?:再)?(?:打电话|催|投诉|发|问)|你(?:必须|只能)(?:等|接受)/u },
  ],
};

const END = /[.!?。！？\n]/u;

/** The draft's sentences with their offsets, trimmed, each with its closing punctuation. */
export function sentencesOf(draft: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = draft.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ start: from + lead, end: from + lead + text.length, text });
    from = to;
  };
  for (let i = 0; i < draft.length; i++) {
    const ch = draft[i]!;
    if (!END.test(ch)) continue;
    // Keep runs like "?!" or "..." together; a "." between digits (4.5) does not end a sentence.
    if (ch === '.' && /\d/.test(draft[i - 1] ?? '') && /\d/.test(draft[i + 1] ?? '')) continue;
    let j = i + 1;
    while (j < draft.length && END.test(draft[j]!) && draft[j] !== '\n') j++;
    push(ch === '\n' ? i : j);
    i = j - 1;
  }
  push(draft.length);
  return out;
}

/**
 * The sentence the caret is in: its start up to just after its last character; in the space between
 * two sentences, the one before (the agent has just finished writing it).
 */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let before: Sentence | undefined;
  for (const s of sentences) {
    if (offset >= s.start && offset <= s.end) return s;
    if (s.end < offset) before = s;
  }
  return before;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * The sentences where a cue fires and no phrasebook finding does, in draft order. Every locale's
 * cues run on every sentence (the agent may mix languages); a sentence takes the locale of its
 * first matching cue list.
 */
export function riskySentences(draft: string, findings: readonly Pick<Finding, 'start' | 'end' | 'source'>[] = []): RiskySentence[] {
  return riskyAmong(sentencesOf(draft), findings);
}

/** How the settings name a cue (settings.aiCuesOff). */
export const cueKey = (locale: CueLocale, id: string) => `${locale}:${id}`;

const NO_CUES_OFF: ReadonlySet<string> = new Set();

/** The same, for a draft already cut by sentencesOf (the panel also lists every sentence). */
export function riskyAmong(
  sentences: readonly Sentence[],
  findings: readonly Pick<Finding, 'start' | 'end' | 'source'>[] = [],
  /** Cues switched off in the settings (cueKey): a sentence only they find is not offered. */
  off: ReadonlySet<string> = NO_CUES_OFF,
): RiskySentence[] {
  const covered = findings.filter((f) => f.source === 'phrasebook');
  const out: RiskySentence[] = [];
  for (const sentence of sentences) {
    if (covered.some((f) => overlaps(f, sentence))) continue;
    for (const locale of Object.keys(CUES) as CueLocale[]) {
      const cues = CUES[locale]
        .filter((c) => !off.has(cueKey(locale, c.id)) && c.pattern.test(sentence.text) && !(c.id === 'vague-timing' && statedTime(sentence.text)))
        .map(({ id, label }) => ({ id, label }));
      if (cues.length) {
        out.push({ ...sentence, locale, cues });
        break;
      }
    }
  }
  return out;
}
