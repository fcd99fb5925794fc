// What counts as a stated time, in English, Swedish and Chinese: "within 2 hours", "by Friday",
// "this afternoon", "på fredag", "明天中午前". One definition for the reply checklist ("commit to a
// next step with a time") and for the phrasebook's built-in `unless` pattern `@time` (the timing
// entries: "we'll get back to you soon" is fine with a time in its sentence), so the two never
// disagree. Vague words ("soon", "in a few days", "尽快") are not a time. Fixed expressions, linear.

const EN_DAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const EN_COUNT = '\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty-four|forty-eight';
const SV_COUNT = '\\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv';
/** Swedish words may start or end in å, ä, ö, which \b does not see as letters. */
const sv = (source: string) => new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, 'u');
const ZH_NUMBER = '[0-9一二三四五六七八九十两半几]+';

const TIME = new RegExp(
  [
    new RegExp(`\\b(?:within|in)(?: the next)? (?:${EN_COUNT}) (?:minutes?|hours?|days?|business days?|working days?|weeks?)\\b`),
    /\bwithin the (?:next )?(?:hour|day)\b/,
    new RegExp(`\\b(?:by|before|until|on|this|next|no later than) (?:${EN_DAY}|today|tonight|tomorrow|noon|midday|midnight|lunchtime|lunch)\\b`),
    /\b(?:by|before) (?:the )?end of (?:the |this |next )?(?:day|week|month)\b|\bby (?:eod|close of business)\b/,
    /\b\d{1,2}(?:[:.]\d\d)? ?(?:(?:am|pm)\b|[ap]\.m\.)/,
    /\b(?:by|before|until) \d{1,2}(?:[:.]\d\d)?\b|\b(?:at|around) \d{1,2}[:.]\d\d\b/,
    new RegExp(`\\b(?:today|tonight|tomorrow)\\b|\\b(?:this|tomorrow|${EN_DAY}) (?:morning|afternoon|evening)\\b`),
    // A week is a time frame; "at the latest" and "no later than" say nothing without a time.
    /\b(?:this|next) week\b|\bnext (?:business|working) day\b/,
    new RegExp(`${ZH_NUMBER}\\s*个?\\s*(?:分钟|小时|天|工作日)(?:内|之内|以内)`),
    /今天|明天|今晚|(?:本周|下周|下班|中午|周末)(?:前|之前|以前|之内|以内)|(?:周|星期|礼拜)[一二三四五六日天]|(?:本|下)周/,
    // "三点前", "下午三点"; not a bare "一点" ("a little").
    new RegExp(`(?:(?:上午|下午|晚上|早上|中午)${ZH_NUMBER}点|${ZH_NUMBER}点(?=前|之前|以前|钟|半))(?:前|之前|以前|钟|半)?|\\d{1,2}[:：]\\d\\d`),
    sv(`(?:senast(?: på)?|innan|före|till|på|nästa) (?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|lunch)`),
    // "senast" (at the latest) is a time only with one: "senast i morgon".
    sv(`(?:senast )?(?:i morgon|imorgon|i dag|idag|i kväll|ikväll|i (?:eftermiddag|förmiddag))|nästa vecka|i veckan`),
    sv(`(?:klockan|kl\\.?) (?:${SV_COUNT})`),
    sv(`inom (?:${SV_COUNT}) (?:minut|minuter|timme|timmar|dag|dagar|arbetsdag|arbetsdagar|vecka|veckor)`),
  ]
    .map((p) => p.source)
    .join('|'),
  'iu',
);

/** Where the draft states a time for what it promises ("within 2 hours", "by Friday", "明天中午前"). */
export function statedTime(text: string): { start: number; end: number; text: string } | undefined {
  const m = TIME.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : undefined;
}
