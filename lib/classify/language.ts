import type { ClassifyLanguage } from './verdict';

// Which lexicon to read a message with: by script first (Han vs Latin vs the rest), then, for
// Latin script, by the function words of English, Swedish and a few languages we do not support,
// so a French or German message is reported as unsupported instead of being misread.

export interface LanguageGuess {
  language: ClassifyLanguage;
  /** 0..1: how sure the guess is. */
  confidence: number;
}

const words = (s: string) => new Set(s.split(' '));

const FUNCTION_WORDS: Record<string, Set<string>> = {
  en: words(
    'the a an and or but is are was were be been it its this that these those i me my you your we our they them their he she his her not no to of in on at for with from by have has had do does did will would can could should am what when why how there here just so very get got please thanks thank hi hello',
  ),
  sv: words(
    'och att det som en ett är var har hade inte jag du vi ni de den på i med för till av om men så kan ska skulle vill eller från när hur varför här där nu bara mycket också min mitt mina din ditt er ert era vår oss dem mig dig sig hej tack ja nej lite efter över under',
  ),
  de: words('der die das und ist nicht ich sie wir ein eine mit für auf sich dem den des zu auch es bitte danke nicht sehr aber oder wie was'),
  fr: words('le la les et est une des pas je vous nous ce cette pour avec dans sur qui que mais ou très merci bonjour il elle ne du au'),
  es: words('el la los las y es una un no por para con que pero muy gracias hola mi su lo se del al como esta este yo usted'),
  nl: words('de het een en is niet ik je wij zij van met voor op dat dit maar ook zijn heb heeft bedankt hallo wel geen'),
  no: words('og ikke jeg du vi dere det er var har på med for til av om men kan skal vil eller ikkje takk hei meg deg'),
  da: words('og ikke jeg du vi det er var har på med for til af om men kan skal vil eller tak hej mig dig'),
  pt: words('o a os as e é um uma não por para com que mas muito obrigado obrigada olá meu sua ele ela do da'),
  it: words('il lo la gli le e è un una non per con che ma molto grazie ciao mio suo sono della del'),
};

const UNSUPPORTED_LATIN = ['de', 'fr', 'es', 'nl', 'no', 'da', 'pt', 'it'] as const;

/** Word → the languages it is a function word of, built once. */
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, set] of Object.entries(FUNCTION_WORDS))
  for (const w of set) {
    const list = WORD_LANGS.get(w);
    if (list) list.push(lang);
    else WORD_LANGS.set(w, [lang]);
  }

/** Kana, Hangul, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai and friends. */
const OTHER_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Georgian}\p{Script=Armenian}]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-zà-öø-ÿ']+/gi;

export function detectLanguage(view: string): LanguageGuess | undefined {
  const han = view.match(HAN)?.length ?? 0;
  const other = view.match(OTHER_SCRIPT)?.length ?? 0;
  const latinWords = view.match(LATIN_WORD) ?? [];
  let latinLetters = 0;
  for (const w of latinWords) latinLetters += w.length;
  const letters = han + other + latinLetters;
  if (letters === 0) return undefined;
  if (other > han && other >= latinLetters * 0.5) return { language: 'unsupported', confidence: Math.min(1, other / letters + 0.2) };
  // Han characters carry about a word each; Latin words average four or five letters.
  if (han * 4 >= latinLetters * 0.6 && han > 0) {
    if (other > han * 0.2) return { language: 'unsupported', confidence: 0.7 }; // Japanese: Han with kana.
    return { language: 'zh', confidence: Math.min(1, 0.55 + han / 20) };
  }
  const counts: Record<string, number> = {};
  let sawSwedishLetter = 0;
  for (const raw of latinWords) {
    const w = raw.toLowerCase();
    if (w.length > 1 && /[åäö]/.test(w)) sawSwedishLetter++;
    const langs = WORD_LANGS.get(w);
    if (langs) for (const lang of langs) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  const en = counts.en ?? 0;
  const sv = (counts.sv ?? 0) + sawSwedishLetter * 0.75;
  let bestOther = 0;
  for (const l of UNSUPPORTED_LATIN) bestOther = Math.max(bestOther, counts[l] ?? 0);
  const best = Math.max(en, sv);
  if (best === 0 && bestOther === 0) {
    // No function words: a short "ok", a product name, a hashtag. Read it as English, unsure.
    return { language: latinWords.length ? 'en' : 'unsupported', confidence: latinWords.length <= 3 ? 0.5 : 0.35 };
  }
  // Norwegian and Danish share many words with Swedish: only call them when clearly ahead.
  if (bestOther > best * 1.3 + 0.5) return { language: 'unsupported', confidence: Math.min(1, 0.4 + bestOther / 8) };
  const total = en + sv + bestOther;
  const language: ClassifyLanguage = sv > en ? 'sv' : 'en';
  const share = Math.max(en, sv) / total;
  return { language, confidence: Math.min(1, 0.3 + share * 0.4 + Math.min(best, 6) / 20) };
}
