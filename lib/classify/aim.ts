import type { AbuseKind } from './lexicon/types';
import type { SupportedLanguage } from './matcher';

// Is a swear word or an insult aimed at a person? The `abuse` verdict starts the agent's protocol
// (warn once, then end the conversation), and a false alarm is costly: an upset but legitimate
// customer gets cut off. So an insult is abuse only when it is aimed at someone ("you idiots",
// "you're a joke of a liar", "she is an idiot", "Idiots!", "你们这群傻逼", "Ni är idioter"), swearing
// only when it is aimed at the reader ("what the fuck is wrong with you", "fuck your company"), and
// threats always. Swearing at a situation ("what the fuck is this shit", "this is fucking
// ridiculous") and insults of a third party group ("politicians are idiots") are strong feeling,
// not abuse of the agent: ./tones.ts reads them as anger, with the words as evidence, so the panel
// still marks them. Plain text rules on the clause around the word; no parse.

/** Why a word counts as aimed, for the eval's breakdown. */
export type Aim =
  /** A phrase that is aimed by itself: "fuck you", "shut up", "滚", "håll käften". */
  | 'inherent'
  /** You, your, u, ur; 你, 你们, 您; du, ni, er, era. */
  | 'second'
  /** He, she ("she is a liar"); 他, 她; han, hon. */
  | 'third'
  /** The company's people: "the staff are idiots", "the agents are morons". */
  | 'staff'
  /** They, as the subject: "they are idiots" (in a support thread, usually the company). */
  | 'they'
  /** A name after the insult: "pedophile Podesta". */
  | 'name'
  /** One person, named by the word: "a liar", "this clown", "what an idiot", "stupid woman". */
  | 'person'
  /** The insult is its own short clause: "Idiots!", "An idiot.", "一群废物！", "jävla idioter!", and a reply that is
   *  only a handle and the insult ("@user idiot": handles are blanked before reading, ./text.ts). */
  | 'vocative';

interface Words {
  /** I, me, my, we: the customer about themselves or their own ("I'm such an idiot", "my husband is an idiot"). */
  self: ReadonlySet<string>;
  second: ReadonlySet<string>;
  third: ReadonlySet<string>;
  /** Phrases aimed by themselves. */
  inherent: RegExp;
  /** Abuse words that name a person (so "a liar", "what an idiot" are about someone). */
  personNoun: RegExp;
  /** Plain words for a person, after an insulting adjective: "stupid woman". */
  person: RegExp;
  /** Before a singular person noun: the word is about one person. */
  determiner: ReadonlySet<string>;
  /** Copulas between a third-person pronoun and the insult. */
  copula: ReadonlySet<string>;
  /** They, them: a group, aimed when it is the subject ("they are idiots"). */
  they: ReadonlySet<string>;
  pluralCopula: ReadonlySet<string>;
  /** The company's people, who the agent speaks for. */
  staff: RegExp;
  /** Words that may stand beside an insult in a clause of its own ("what a complete idiot", "bunch of clowns"). */
  filler: ReadonlySet<string>;
  /** Between the person and the insult, these deny it: "you're not an idiot", "she's no fool". */
  denial: ReadonlySet<string>;
  /** Verbs that name someone something: "calling her a liar" reports an insult, it does not make one. */
  reporting: ReadonlySet<string>;
  /** Verbs of saying and believing, which only a denial turns into a report: "I never said you were stupid". */
  belief: ReadonlySet<string>;
  /** The insult said of nobody in particular, by the words before it: "only a fool would". */
  generic: RegExp;
  /** The same when the word after it follows: "you'd have to be an idiot to miss it" (not "have to be an ass about it"). */
  genericIf: { before: RegExp; after: string };
  /** The insult turned on oneself by what follows: "what an idiot I am". */
  selfAfter: RegExp;
}

const EN: Words = {
  self: new Set(['i', "i'm", 'im', "i've", "i'd", "i'll", 'me', 'my', 'myself', 'mine', 'we', "we're", 'us', 'our', 'ourselves']),
  second: new Set(['you', 'u', 'ya', 'yall', "y'all", 'your', 'ur', 'yours', 'yourself', 'yourselves', "you're", 'youre', "you've", "you'll", "you'd", 'thou', 'thee']),
  third: new Set(['he', 'she', "he's", "she's", 'hes', 'shes', 'him']),
  inherent: /^(?:fuck you|fuck u|screw you|go fuck yourself|fuck off|shut up|shut the fuck up|stfu|go to hell|bite me|kiss my ass|suck my|piece of shit|eat shit|drop dead|go die|kill yourself|kys|rot in hell|burn in hell|get fucked|fuck yourself|get a brain)$/i,
  personNoun:
    /^(?:idiot|moron|muppet|imbecile|retard|asshole|jackass|douche|douchebag|scumbag|loser|clown|pig|cunt|twat|wanker|prick|slut|whore|skank|fool|liar|hypocrite|psycho|coward|libtard|pedophile|dumbass|bitch|bastard|motherfucker|fucker|dick|ass|arse|creep|pervert|dipshit|dumbfuck|buffoon|nutjob|halfwit|lowlife|sleazebag|incompetent fool|piece of shit|disgusting human|trash human|subhuman|narcissist|bigot|turd|a\*\*hole|dimwit|nitwit|dunce|cretin|numpty|pillock|plonker|tosser|bellend|knobhead|dickhead|shithead|fuckwit|fuckface|airhead|bonehead|blockhead|meathead|knucklehead|simpleton|ignoramus|nutcase|sleazeball|dip shit|scumbucket|waste of space|waste of oxygen)$/i,
  person: /^(?:woman|man|guy|girl|boy|person|kid|lady|dude|bitch|child|human|human being|creature|individual|teenager|agent|rep|manager|employee|driver|fella|bloke)$/i,
  determiner: new Set(['a', 'an', 'this', 'that', 'what', 'such']),
  copula: new Set(['is', 'was', "'s", 'be', 'being', 'seems', 'sounds', 'looks']),
  they: new Set(['they', "they're", 'theyre', 'them']),
  pluralCopula: new Set(['are', 'were', "'re", 'be', 'being', 'seem', 'sound', 'look']),
  staff: /^(?:staff|team|agents?|employees?|workers?|managers?|management|support|reps?|representatives?|drivers?|couriers?|company|boss|ceo|operators?|technicians?|techs?|crew)$/,
  filler: new Set(['hey', 'oi', 'listen', 'look', 'yo', 'a', 'an', 'the', 'what', 'such', 'you', 'u', 'total', 'complete', 'absolute', 'utter', 'fucking', 'bloody', 'damn', 'bunch', 'of', 'lying', 'little', 'big', 'stupid', 'dumb', 'pathetic', 'useless', 'incompetent', 'ignorant', 'oh', 'omg', 'lol', 'wow', 'and', 'all', 'fucken', 'fuckin', 'effing', 'freaking', 'just', 'pure']),
  denial: new Set(['not', 'no', 'never', "isn't", 'isnt', "aren't", 'arent', "wasn't", 'wasnt', "weren't", 'werent', "ain't", 'aint', 'nobody', 'noone']),
  reporting: new Set(['call', 'calls', 'called', 'calling', 'accuse', 'accused', 'accusing', 'named', 'labelled', 'labeled']),
  belief: new Set(['say', 'says', 'said', 'saying', 'tell', 'told', 'think', 'thinks', 'thought', 'mean', 'meant', 'imply', 'implying', 'implied', 'suggest', 'suggesting', 'suggested']),
  generic: /(?:^| )(?:only|any)(?: an?)?$/,
  genericIf: { before: /(?:^| )(?:(?:have|has|had) to|you'd|would) be(?: an?)?$/, after: 'to' },
  selfAfter: /^(?:that )?(?:i am|i was|i'm|im)(?: |$)/,
};

const SV: Words = {
  self: new Set(['jag', 'mig', 'mej', 'min', 'mitt', 'mina', 'vi', 'oss', 'vår', 'vårt', 'våra']),
  second: new Set(['du', 'dig', 'din', 'ditt', 'dina', 'ni', 'er', 'era', 'ert', 'eran', 'erat', 'eder']),
  third: new Set(['han', 'hon', 'hen', 'honom', 'henne']),
  inherent: /^(?:håll käften|dra åt helvete)$/i,
  personNoun:
    /^(?:idiot|pucko|mongo|hora|jävla idiot|kukhuvud|svin|förlorare|clown|rövhål|skitstövel|dumskalle|fårskalle|klantskalle|jubelidiot|nolla|fjant|tönt|idiotjävel|pajas)$/i,
  person: /^(?:människa|människor|kvinna|man|kille|tjej|typ|person|unge)$/i,
  determiner: new Set(['en', 'ett', 'din', 'den', 'det', 'vilken', 'vilket', 'sån', 'sådan']),
  copula: new Set(['är', 'var', 'verkar', 'låter']),
  they: new Set(['de', 'dom', 'dem']),
  pluralCopula: new Set(['är', 'var', 'verkar', 'låter']),
  staff: /^(?:personal(?:en)?|kundtjänst(?:en)?|support(?:en)?|handläggare(?:n)?|chef(?:en|er|erna)?|företag(?:et)?|bolag(?:et)?|anställda|budet|chauffören|ledning(?:en)?)$/,
  filler: new Set(['en', 'ett', 'vilken', 'vilka', 'jävla', 'jävlar', 'dumma', 'fan', 'så', 'ni', 'du', 'era', 'din', 'helt', 'gäng', 'korkade', 'värdelösa', 'satans', 'förbannade', 'hörru', 'hallå']),
  denial: new Set(['inte', 'ej', 'aldrig', 'ingen', 'inget', 'knappast']),
  reporting: new Set(['kallar', 'kallade', 'kalla', 'anklagar', 'anklagade']),
  belief: new Set(['säger', 'sa', 'sade', 'sagt', 'påstår', 'påstod', 'tycker', 'tyckte', 'tror', 'trodde', 'menar', 'menade']),
  generic: /(?:^| )(?:bara|endast) (?:en|ett)$/,
  genericIf: { before: /(?:^| )(?:måste|skulle) (?:man )?vara (?:en|ett)$/, after: 'för' },
  selfAfter: /^(?:som )?jag (?:är|var)(?: |$)/,
};

// Chinese has no spaces: pronouns are found by their characters in the sentence before the word.
const ZH_SECOND = /你|您/;
const ZH_THIRD = /[他她]/;
/** Aimed by themselves: "滚", "去死", "操你", and their net spellings ("cnm", "nmsl"); "垃圾客服" names the agent. */
const ZH_INHERENT = /^(?:滚|滚蛋|去死|操你|草你|狗日|cnm|nmsl|草泥马|垃圾客服)$/;

/** Insults that also judge a thing or a firm: abuse only when said of "you", "he" or "she". */
const SITUATIONAL = /^(?:disgrace|disgraces|fraud|frauds|phony|phonies|racist|racists|pathetic)$/i;

/** Second-person possessives: what follows is the reader's thing or people. */
const POSSESSIVE = /^(?:your|ur|yours|din|ditt|dina|era|ert|eran|erat)$/;
/** The reader's people, after a possessive: "your lot are useless", "ert folk är dumma". */
const OWNED_PEOPLE = /^(?:people|folks?|guys|lot|kind|folket)$/;

/** Swearing that takes an object: "fuck your company", "screw your policy", "fan ta er". */
const SWEAR_VERB = /^(?:fuck|f\*ck|f\*\*k|fck|fuk|screw|knulla)$/i;

/** Where a clause ends; a comma too, so "Refund me now, you idiots" keeps "you idiots" together. */
const BREAK = /[.!?;:,。！？；：，、\n…]/;
const WORD = /[\p{L}\p{N}'’*]+/gu;
/** How far to look, in characters, either side of the word. */
const REACH = 120;

/** The clause around a span, as [start, end) offsets. */
export function clause(view: string, start: number, end: number): [number, number] {
  let s = start;
  const sMin = Math.max(0, start - REACH);
  while (s > sMin && !BREAK.test(view[s - 1]!)) s--;
  let e = end;
  const eMax = Math.min(view.length, end + REACH);
  while (e < eMax && !BREAK.test(view[e]!)) e++;
  return [s, e];
}

/** Capitalised words that start sentences but name no one. */
const NOT_NAMES = new Set(
  (
    'I The A An And But So If He She They We You It Its This That These Those There Here What Which Who Why How When Where Then Now Just ' +
    'Well Oh Yes No Not All Any Every Some My Your Our Their His Her Of To In On At For With Also Still Even Only Maybe Please Thanks ' +
    'Den Det Detta Han Hon De Dom Vi Ni Du Jag Och Men Så Om När Där Här Vad Vem Hur Varför Nu Bara Också Tack Min Din Er Vår'
  ).split(' '),
);

function isName(word: string, language: SupportedLanguage): boolean {
  return language !== 'zh' && /^\p{Lu}\p{Ll}+$/u.test(word) && !NOT_NAMES.has(word);
}

const words = (s: string) => (s.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));

export interface AimInput {
  view: string;
  start: number;
  end: number;
  level: AbuseKind;
  language: SupportedLanguage;
  /** The word also intensifies ("fucking", "jävla"); as such it is not aimed by itself. */
  modifier: boolean;
}

export interface Aimed {
  aim: Aim;
  /** A swear word that names a person ("you bastards", "you bitch") is an insult once aimed. */
  level: AbuseKind;
}

/**
 * How an abusive word is aimed at a person; 'self' when the customer says it of themselves or their
 * own ("I'm such an idiot", "my husband is an idiot"); undefined when it is aimed at no one.
 * Threats are always aimed.
 */
export function aimOf(input: AimInput): Aimed | 'self' | undefined {
  const aim = aimAt(input);
  if (!aim || aim === 'self') return aim;
  let level = input.level;
  const text = input.view.slice(input.start, input.end).trim();
  // "What a disgrace!", "this is fraud", "the company is a fraud" judge a thing or a firm; only
  // "you are a disgrace", "he is a fraud" call a person one.
  if (input.language === 'en' && SITUATIONAL.test(text) && aim !== 'second' && aim !== 'third') return undefined;
  // "your ass" is swearing at the reader; "an ass" calls them one.
  const nouns = input.language === 'sv' ? SV.personNoun : EN.personNoun;
  const named = input.language !== 'zh' && (nouns.test(text) || nouns.test(text.replace(/e?s$/i, ''))) && !(aim === 'second' && /^(?:ass|arse)$/i.test(text));
  if (level === 'profanity' && named) level = 'insult';
  return { aim, level };
}

function aimAt({ view, start, end, level, language, modifier }: AimInput): Aim | 'self' | undefined {
  const text = view.slice(start, end).toLowerCase().replace(/’/g, "'");
  if (level === 'threat') return language !== 'zh' && idiomNotThreat(view, start, end, text, language === 'sv' ? SV : EN) ? undefined : 'inherent';
  // "#Liars #Idiots": a hashtag is a topic, not a word to someone.
  if (view[start - 1] === '#') return undefined;
  if (language === 'zh') return aimZh(view, start, end, text, level);
  const w = language === 'sv' ? SV : EN;
  const [cs, ce] = clause(view, start, end);
  const before = words(view.slice(cs, start));
  const after = words(view.slice(end, ce));
  const inside = words(text);
  // "put up or shut up" is an idiom, said to no one; "how the fuck you gonna…" swears, at no one.
  if (w.inherent.test(text))
    return language === 'en' && ((text === 'shut up' && before.at(-1) === 'or') || (/^fuck (?:you|u)$/.test(text) && before.at(-1) === 'the')) ? undefined : 'inherent';
  // "your stupidity" calls the reader stupid; "oh the stupidity", "the stupidity of this rule" do not.
  if (language === 'en' && /^(?:stupidity|idiocy)$/.test(text)) return /^(?:your|ur)$/.test(before.at(-1) ?? '') ? 'second' : undefined;
  // "life's a bitch", "life must be a bitch for you": a saying about life.
  if (language === 'en' && text === 'bitch' && before.slice(-4).includes('life')) return undefined;
  // "your shit" is the reader's stuff ("editing your shit"); "you're full of shit" is aimed, below.
  if (language === 'en' && /^(?:shit|crap)$/.test(text) && /^(?:your|ur|yo)$/.test(before.at(-1) ?? '')) return undefined;
  // "ass" names a person only as "an ass", "what an ass" at the end of a phrase; "a big ass house",
  // "kick ass", "bum ass X" are slang.
  const slangAss = language === 'en' && /^(?:ass|arse)$/.test(text);
  if (slangAss && !(/^(?:a|an)$/.test(before.at(-1) ?? '') && (after.length === 0 || /^(?:about|to|and|of|for|with|when|who|that|like)$/.test(after[0]!)))) {
    return /^(?:your|ur|you|u|ya)$/.test(before.at(-1) ?? '') ? 'second' : undefined;
  }
  const personNoun = w.personNoun.test(text);
  const insult = level === 'insult' || personNoun;
  if (inside.some((t) => w.second.has(t))) return 'second';

  // Swearing as an intensifier ("are you fucking serious", "your fucking app") is aimed only when it
  // leads into an insult, and that insult is what counts.
  if (!insult && modifier) return undefined;
  if (insult) {
    const unsaid = notSaid(before, after, w);
    if (unsaid) return unsaid === 'self' ? 'self' : undefined;
  }

  // The nearest person word before decides who is meant: "you idiots", "you're a liar", "you're full
  // of shit"; but "you must think I'm stupid", "I feel like an idiot", "don't treat me like an idiot"
  // are the customer about themselves.
  const window = before.slice(insult ? -5 : -3);
  for (let k = window.length - 1; k >= 0; k--) {
    if (w.self.has(window[k]!)) return 'self';
    if (w.second.has(window[k]!)) {
      // "your company is a fraud" judges the firm; "you are a fraud" the person.
      if (language === 'en' && SITUATIONAL.test(text) && POSSESSIVE.test(window[k]!)) return undefined;
      // "your app is shit", "ert system är skit": said of the reader's thing, not of the reader ("your
      // agent is stupid", "your staff are idiots" still are).
      const owned = window[k + 1];
      if (!personNoun && POSSESSIVE.test(window[k]!) && owned !== undefined && k + 1 < window.length - 1 && !w.staff.test(owned) && !w.person.test(owned) && !OWNED_PEOPLE.test(owned))
        return undefined;
      return 'second';
    }
    // "we all know he's stupid": he is meant, not we (see 'third' below).
    if (w.third.has(window[k]!)) break;
  }
  // "what idiots you are", "vilka idioter ni är": the insult, then who is meant.
  if (insult && w.second.has(after[0] ?? '') && (w.copula.has(after[1] ?? '') || w.pluralCopula.has(after[1] ?? '')) && after[2] === undefined) return 'second';
  // "idiots like you"; "fuck your company", "what the fuck is wrong with you".
  if (insult ? /^(?:like|than)$/.test(after[0] ?? '') && w.second.has(after[1] ?? '') : SWEAR_VERB.test(text) && w.second.has(after[0] ?? '')) return 'second';
  if (!insult) return language === 'en' && /^(?:is |'s )?wrong with (?:you|u)$/.test(after.slice(0, 4).join(' ')) ? 'second' : undefined;

  const near = before.slice(-4);
  // "she is a liar", "he's an idiot", "hon är korkad".
  const third = near.findIndex((t) => w.third.has(t));
  if (third >= 0 && near.slice(third + 1).some((t) => w.copula.has(t))) return 'third';
  if (language === 'en' && /^(?:he|she)'s$/.test(near[third] ?? '')) return 'third';
  // "the staff are idiots", "your agents are morons", "they are clowns".
  const staff = near.findIndex((t) => w.staff.test(t));
  if (staff >= 0 && near.slice(staff + 1).some((t) => w.pluralCopula.has(t) || w.copula.has(t))) return 'staff';
  const they = near.findIndex((t) => w.they.has(t));
  if (they >= 0 && (/'re$/.test(near[they]!) || near.slice(they + 1).some((t) => w.pluralCopula.has(t)))) return 'they';

  // One person, named by the insult: "a liar", "this clown", "what an idiot", "a complete idiot".
  if (personNoun && before.slice(-3).some((t) => w.determiner.has(t))) return 'person';
  // "stupid woman", "ignorant fool".
  if (!personNoun && after.length && (w.person.test(after[0]!) || w.person.test(after.slice(0, 2).join(' ')) || w.personNoun.test(after[0]!))) return 'person';
  // A name after the insult: "pedophile Podesta", "idiot Mike". ("Mike is an idiot" is a person, above.)
  if (personNoun && isName(view.slice(end, end + 30).match(/^\s+([\p{L}']+)/u)?.[1] ?? '', language)) return 'name';

  // The insult on its own: "Idiots!", "An idiot.", "Stupid woman.", "jävla idioter!".
  const others = [...before, ...after];
  if (others.length <= 3 && others.every((t) => w.filler.has(t) || w.person.test(t))) return 'vocative';
  return undefined;
}

const personWord = (t: string, w: Words) => w.self.has(t) || w.second.has(t) || w.third.has(t) || w.they.has(t) || w.staff.test(t);
const denies = (t: string | undefined, w: Words) =>
  t !== undefined && (w.denial.has(t) || /n't$/.test(t) || /^(?:dont|doesnt|didnt|wont|cant|couldnt|wouldnt|shouldnt|havent|hasnt)$/.test(t));

/**
 * An insult word that is not said to anyone: denied ("you're not an idiot", "she's no fool"),
 * reported ("calling her a liar", "I never said you were stupid", "I don't think you're dumb"),
 * generic ("only a fool would", "you'd have to be an idiot to"), or turned on oneself ("what an
 * idiot I am"). 'none' then, 'self' for the last, undefined when the insult stands.
 */
function notSaid(before: string[], after: string[], w: Words): 'none' | 'self' | undefined {
  if (w.selfAfter.test(after.slice(0, 3).join(' '))) return 'self';
  const lead = before.slice(-4).join(' ');
  if (w.generic.test(lead) || (w.genericIf.before.test(lead) && after[0] === w.genericIf.after)) return 'none';
  // A denial between the person and the insult.
  for (let k = before.length - 1; k >= Math.max(0, before.length - 4); k--) {
    if (w.denial.has(before[k]!)) return 'none';
    if (personWord(before[k]!, w)) break;
  }
  // A report: denied ("never said you were"), or of words said to someone other than the reader.
  const near = before.slice(-7);
  for (let r = near.length - 1; r >= 0; r--) {
    const verb = near[r]!;
    const naming = w.reporting.has(verb);
    if (!naming && !w.belief.has(verb)) continue;
    if (denies(near[r - 1], w) || denies(near[r - 2], w)) return 'none';
    if (naming && !near.slice(r + 1).some((t) => w.second.has(t))) return 'none';
    break;
  }
  return undefined;
}

/** Before "hurt you" or "beat you", what makes it a threat of what will happen: "I will hurt you", "we're going to beat you". */
const INTENT = /^(?:will|'ll|i'll|we'll|ill|gonna|going|wanna|want|would|i'd|should|shall|about|could|might|come|coming)$/;

/**
 * "I'll shoot you an email", "beat you to it", "I'd never hurt you", "would it kill you to answer",
 * "did I hurt you?", "we beat you last year": the words of a threat, but none.
 */
function idiomNotThreat(view: string, start: number, end: number, text: string, w: Words): boolean {
  const [cs, ce] = clause(view, start, end);
  const before = words(view.slice(cs, start));
  const after = words(view.slice(end, ce));
  if (/^shoot (?:you|u)$/.test(text) && /^(?:a|an|over|the|my|our|some|back)$/.test(after[0] ?? '')) return true;
  if (/^beat (?:you|u)$/.test(text) && after[0] === 'to') return true;
  // "would it kill you to…", "it won't kill you": hyperbole about a small effort.
  if (/^kill (?:you|u)$/.test(text) && (before.at(-1) === 'it' || before.at(-2) === 'it')) return true;
  // Said of what happened ("I hurt you", "did I hurt you?"), not of what will: no will, gonna, want to… before it.
  if (/^(?:hurt|beat) (?:you|u)$/.test(text) && !before.slice(-4).some((t) => INTENT.test(t))) return true;
  return before.slice(-2).some((t) => denies(t, w));
}

function aimZh(view: string, start: number, end: number, text: string, level: AbuseKind): Aim | 'self' | undefined {
  if (ZH_INHERENT.test(text)) return 'inherent';
  if (ZH_SECOND.test(text)) return 'second';
  // The sentence, not the clause: "你们这帮骗子，全都是废物！" aims its second half too.
  let s = start;
  const sMin = Math.max(0, start - 30);
  while (s > sMin && !/[。！？!?\n]/.test(view[s - 1]!)) s--;
  const before = view.slice(s, start);
  const after = view.slice(end, Math.min(view.length, end + 4));
  // Swearing is aimed only with "you" right at it ("你他妈的", "你别特么", "他妈的你们"); further off it
  // intensifies ("你点的菜真是妈的辣死我了").
  if (level === 'profanity') return /[你您]/.test(before.slice(-3)) || /^[的啊呀吧]?[你您]/.test(after) ? 'second' : undefined;
  // The nearest pronoun decides: "你觉得我是白痴吗" is the customer about themselves.
  const lastSecond = Math.max(before.lastIndexOf('你'), before.lastIndexOf('您'));
  if (before.lastIndexOf('我') > lastSecond) return 'self';
  if (lastSecond >= 0 || /^[的啊呀吧]?[你您]/.test(after)) return 'second';
  if (level !== 'insult') return undefined;
  if (ZH_THIRD.test(before.slice(-6)) && /是|就是|真|太|这个|那个/.test(before.slice(-6))) return 'third';
  // "一群废物！", "傻逼！": the insult is its own short clause; an adjective ("真是傻了") is not a name to call.
  if (/^[傻蠢]$/.test(text)) return undefined;
  const [cs, ce] = clause(view, start, end);
  const rest = (view.slice(cs, start) + view.slice(end, ce)).replace(/[\s\p{P}\p{S}]/gu, '');
  if (rest.length <= 3) return 'vocative';
  return undefined;
}
