import type { Cue, LexiconTone } from './lexicon/types';
import type { SupportedLanguage } from './matcher';

// What a word list cannot say, because it has a number in it: how long the customer has been with
// us ("ordered from you for eight years", "kund sedan 2012", "买了五年"), how long they have been
// waiting ("waiting FORTY minutes", "väntat i två veckor", "一个星期前就申请了"), and how often it has
// gone wrong ("the third parcel in a row", "第三次"). A few regular expressions a language, run
// only when the message has a digit or a number word, so a plain message pays one test.

export interface PatternHit {
  start: number;
  end: number;
  tone?: LexiconTone;
  cue?: Cue;
  weight: number;
}

interface Pattern {
  /** Cheap test first: the pattern can only match if the lower-cased message contains one of these. */
  needs: string[];
  re: RegExp;
  /** What a match means; a pattern can say several things (a wait is impatient and frustrated). */
  says: ({ tone: LexiconTone; weight: number } | { cue: Cue; weight: number })[];
}

const EN_NUM =
  '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|several|many|a few|a couple of|a|an|half an?)';
const EN_UNIT = '(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)';
/** Someone who buys, uses or belongs: what makes "for eight years" a relationship. */
const EN_CUSTOMER =
  '(?:ordered|ordering|bought|buying|shopped|shopping|used|using|flown|flying|banked|banking|subscribed|customer|member|client|subscriber|user|with you|from you|with your)';

const SV_NUM = '(?:\\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|många|flera|ett par)';
const SV_UNIT = '(?:minuter|minut|timmar|timme|dagar|dag|veckor|vecka|månader|månad)';
const SV_CUSTOMER = '(?:kund|kunder|medlem|handlat|handlar|beställt|använt|haft|flugit|prenumererat|prenumerant)';

const ZH_NUM = '(?:\\d{1,4}|[一二两三四五六七八九十百几半]+)';
const ZH_UNIT = '(?:分钟|小时|天|星期|礼拜|周|个月|月)';

const PATTERNS: Record<SupportedLanguage, Pattern[]> = {
  en: [
    {
      // "ordered from you for eight years", "a customer for over 10 years"
      needs: ['year'],
      re: new RegExp(`(?:\\b${EN_CUSTOMER}\\b[^.!?\\n]{0,40}?\\s)?\\b(?:for|over)\\s+(?:the\\s+(?:last|past)\\s+)?(?:(?:more than|almost|nearly|over|about)\\s+)?(?:\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|many|several)\\+?\\s+years\\b`, 'gi'),
      says: [{ cue: 'loyalty', weight: 1 }],
    },
    {
      // "a customer of 8 years", "an 8-year customer"
      needs: ['year'],
      re: new RegExp(`\\b(?:(?:customer|member|client|subscriber|user)\\s+of\\s+(?:over\\s+)?\\d{1,2}\\s+years|\\d{1,2}[- ]years?[- ](?:long\\s+)?(?:customer|member|client|subscriber|user))\\b`, 'gi'),
      says: [{ cue: 'loyalty', weight: 1 }],
    },
    {
      // "a member since 2016", "buying from you since 2014"
      needs: ['since'],
      re: new RegExp(`\\b${EN_CUSTOMER}\\b[^.!?\\n]{0,40}?\\bsince\\s+(?:(?:19|20)\\d\\d|day one|the (?:very )?(?:start|beginning))\\b`, 'gi'),
      says: [{ cue: 'loyalty', weight: 1 }],
    },
    {
      // "waiting FORTY minutes", "on hold for an hour", "waited over two weeks"
      needs: ['wait', 'hold', 'queue', 'trying'],
      re: new RegExp(`\\b(?:wait(?:ed|ing)?|on hold|in the queue|queued|been trying)\\b(?:\\s+(?:for|over|almost|nearly|more than|about|around|at least))*\\s+${EN_NUM}\\s+${EN_UNIT}\\b`, 'gi'),
      says: [
        { tone: 'impatient', weight: 1.2 },
        { tone: 'frustrated', weight: 0.5 },
      ],
    },
    {
      // "it's been 9 days", "after two weeks"
      needs: ['day', 'week', 'hour', 'month'],
      re: new RegExp(`\\b(?:it'?s been|it has been|been|after|took|taking|for|over)\\s+(?:(?:more than|almost|nearly|over)\\s+)?(?:\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|several|many)\\s+(?:days|weeks|hours|months)\\b`, 'gi'),
      says: [{ tone: 'impatient', weight: 0.7 }],
    },
    {
      // "came two days late"
      needs: ['late', 'overdue', 'behind'],
      re: new RegExp(`\\b${EN_NUM}\\s+${EN_UNIT}\\s+(?:late|overdue|behind)\\b`, 'gi'),
      says: [{ tone: 'frustrated', weight: 0.6 }],
    },
    {
      // "the third parcel in a row", "for the second time"
      needs: ['row', 'time'],
      re: /\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+th)\s+(?:[a-z]+\s+){0,2}?(?:in a row|time)\b/gi,
      says: [{ tone: 'frustrated', weight: 1 }],
    },
  ],
  sv: [
    {
      // "kund i över tio år", "handlat hos er i åtta år"
      needs: [' år'],
      re: new RegExp(`(?:\\b${SV_CUSTOMER}\\b[^.!?\\n]{0,40}?\\s)?\\bi\\s+(?:(?:över|nästan|snart|mer än|drygt)\\s+)?(?:\\d{1,2}|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|många|flera)\\s+år\\b`, 'gi'),
      says: [{ cue: 'loyalty', weight: 1 }],
    },
    {
      // "kund hos er sedan 2012"
      needs: ['sedan'],
      re: new RegExp(`\\b${SV_CUSTOMER}\\b[^.!?\\n]{0,40}?\\bsedan\\s+(?:(?:19|20)\\d\\d|starten|början)\\b`, 'gi'),
      says: [{ cue: 'loyalty', weight: 1 }],
    },
    {
      // "väntat i två veckor", "legat nere i fem dagar"
      needs: ['vänta', 'nere', 'still', 'köat'],
      re: new RegExp(`\\b(?:väntat|väntar|väntade|legat nere|varit nere|stått still|köat)\\b(?:\\s+(?:i|på|över|nästan|snart|mer än|drygt))*\\s+${SV_NUM}\\s+${SV_UNIT}\\b`, 'gi'),
      says: [
        { tone: 'impatient', weight: 1.2 },
        { tone: 'frustrated', weight: 0.5 },
      ],
    },
    {
      // "i fem dagar", "efter tre veckor"
      needs: ['dag', 'veck', 'månad', 'timm'],
      re: new RegExp(`(?<!\\p{L})(?:i|efter|på|över)\\s+(?:(?:över|nästan|drygt)\\s+)?(?:\\d{1,3}|två|tre|fyra|fem|sex|sju|åtta|nio|tio|flera|många)\\s+(?:dagar|veckor|månader|timmar)\\b`, 'giu'),
      says: [{ tone: 'impatient', weight: 0.6 }],
    },
    {
      // "tredje gången", "för andra gången"
      needs: ['gången'],
      re: /\b(?:andra|tredje|fjärde|femte|sjätte)\s+gången\b/gi,
      says: [{ tone: 'frustrated', weight: 1 }],
    },
  ],
  zh: [
    {
      // "买了五年", "在你们这儿买了五年"
      needs: ['年'],
      re: new RegExp(`(?:在你们[^，。！？,.!?\\n]{0,8}?)?[买用点订]了?${ZH_NUM}多?年`, 'g'),
      says: [{ cue: 'loyalty', weight: 1 }],
    },
    {
      // "十年的老用户", "五年会员"
      needs: ['年'],
      re: new RegExp(`${ZH_NUM}多?年(?:的)?老?(?:客户|用户|会员|顾客|粉丝)`, 'g'),
      says: [{ cue: 'loyalty', weight: 1 }],
    },
    {
      // "从2015年开始就在你们这里买"
      needs: ['年'],
      re: /从(?:19|20)\d\d年?(?:开始|起)/g,
      says: [{ cue: 'loyalty', weight: 0.8 }],
    },
    {
      // "等了四十分钟", "一个星期前就申请了", "三天了还没发货"
      needs: ['分钟', '小时', '天', '星期', '礼拜', '周', '月'],
      re: new RegExp(`(?:等了|已经|都)(?:快|近|将近)?${ZH_NUM}个?${ZH_UNIT}|${ZH_NUM}个?${ZH_UNIT}(?:前就|了还|了都|都没|还没|多了)`, 'g'),
      says: [
        { tone: 'impatient', weight: 1.1 },
        { tone: 'frustrated', weight: 0.5 },
      ],
    },
    {
      // "第三次", "打了三次"
      needs: ['次'],
      re: new RegExp(`第[二三四五六七八九十\\d]+次|[了过][三四五六七八九十几好\\d]+次`, 'g'),
      says: [{ tone: 'frustrated', weight: 0.9 }],
    },
  ],
};

const HAS_NUMBER: Record<SupportedLanguage, RegExp> = {
  en: /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|several|many|an? (?:hour|day|week|month)|second|third|fourth|fifth|sixth|half an)\b/i,
  // Lookarounds, not \b: in a JavaScript regular expression "å" is not a word character.
  sv: /\d|(?<!\p{L})(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|många|flera|andra|tredje|fjärde|femte|sjätte)(?!\p{L})/iu,
  zh: /[\d一二两三四五六七八九十百几半]/,
};

export function scanPatterns(view: string, language: SupportedLanguage): PatternHit[] {
  if (!HAS_NUMBER[language].test(view)) return [];
  const out: PatternHit[] = [];
  const lower = view.toLowerCase();
  for (const p of PATTERNS[language]) {
    if (!p.needs.some((n) => lower.includes(n))) continue;
    for (const m of view.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      for (const s of p.says) out.push('tone' in s ? { start, end, tone: s.tone, weight: s.weight } : { start, end, cue: s.cue, weight: s.weight });
    }
  }
  return out;
}
