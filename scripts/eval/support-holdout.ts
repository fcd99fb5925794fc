import type { CustomerType, Tone } from '../../lib/phrasebook/schema';

// Hand-written support threads (our own texts) kept OUT of tuning: written before the classifier
// was changed for support conversations and never used to choose terms or weights. The asserted
// set lives in tests/unit/classify-support.test.ts; this one only measures how far those changes
// carry to threads they were not shaped on (`npx tsx scripts/eval-support.ts`).

export interface SupportCase {
  id: string;
  lang: 'en' | 'zh' | 'sv';
  /** Earlier customer messages, oldest first. */
  history?: string[];
  text: string;
  /** Acceptable leading tones. */
  top: Tone[];
  /** The customer type, or null when none should be claimed. */
  type: CustomerType | null;
}

export const HOLDOUT: SupportCase[] = [
  {
    id: 'H-en1',
    lang: 'en',
    history: ["Hi, my order #55812 hasn't shipped yet."],
    text: "It's been 9 days. I've been buying my running gear from you since 2014 but honestly Decathlon is starting to look attractive.",
    top: ['frustrated', 'disappointed', 'impatient'],
    type: 'loyal-at-risk',
  },
  {
    id: 'H-en2',
    lang: 'en',
    text: "The confirmation email lists check-in as 15:00 but your website says 14:00, and the room type is shown as 'Double' although I booked a twin. Which one is correct?",
    top: ['confused', 'frustrated', 'disappointed'],
    type: 'extreme-critic',
  },
  {
    id: 'H-en3',
    lang: 'en',
    text: 'Absolutely love the new update, you guys nailed it! Tiny thing though, the export button disappeared on iPad.',
    top: ['enthusiastic', 'satisfied'],
    type: 'enthusiast',
  },
  {
    id: 'H-en4',
    lang: 'en',
    text: "Typical. Another 'we're looking into it'. You lot have never once fixed anything on the first try and you never will.",
    top: ['frustrated', 'angry', 'sarcastic', 'disappointed'],
    type: 'active-hater',
  },
  {
    id: 'H-en5',
    lang: 'en',
    text: "Listen here you pathetic morons, refund my card or I'll make sure everyone knows what scammers you are.",
    top: ['abusive'],
    type: 'abusive',
  },
  {
    id: 'H-en6',
    lang: 'en',
    text: 'Could you confirm whether my return has been received? The tracking number is RT4471. Many thanks.',
    top: ['polite', 'neutral'],
    type: null,
  },
  {
    id: 'H-zh1',
    lang: 'zh',
    history: ['我从2015年开始就在你们这里买奶粉。'],
    text: '这次发错货了，打了三次电话都没人处理，我真的考虑换一家了。',
    top: ['frustrated', 'disappointed', 'angry', 'impatient'],
    type: 'loyal-at-risk',
  },
  {
    id: 'H-zh2',
    lang: 'zh',
    text: '订单上写的是两盒，实际只收到一盒，而且价格按三盒算的，请核实并退还差价。',
    top: ['frustrated', 'disappointed', 'confused'],
    type: 'extreme-critic',
  },
  {
    id: 'H-zh3',
    lang: 'zh',
    text: '你们家的耳机音质真的超棒，我已经买第三副了！唯一的小问题是充电盒的盖子有点松。',
    top: ['enthusiastic', 'satisfied'],
    type: 'enthusiast',
  },
  {
    id: 'H-zh4',
    lang: 'zh',
    text: '你们这种公司永远不会改的，每次都是敷衍，说了也白说。',
    top: ['frustrated', 'angry', 'disappointed'],
    type: 'active-hater',
  },
  {
    id: 'H-zh5',
    lang: 'zh',
    text: '你们这帮骗子，全都是废物！',
    top: ['abusive'],
    type: 'abusive',
  },
  {
    id: 'H-sv1',
    lang: 'sv',
    history: ['Hej, jag har handlat hos er i över åtta år.'],
    text: 'Men efter det här strulet med returen funderar jag allvarligt på att byta butik.',
    top: ['frustrated', 'disappointed'],
    type: 'loyal-at-risk',
  },
  {
    id: 'H-sv2',
    lang: 'sv',
    text: 'Kvittot visar 3 st men jag köpte 2, och rabatten på 15 % har inte dragits. Kan ni korrigera beloppet?',
    top: ['frustrated', 'confused', 'disappointed'],
    type: 'extreme-critic',
  },
  {
    id: 'H-sv3',
    lang: 'sv',
    text: 'Ni är bäst, älskar era produkter! Enda lilla grejen är att leveransen tog en dag extra.',
    top: ['enthusiastic', 'satisfied'],
    type: 'enthusiast',
  },
  {
    id: 'H-sv4',
    lang: 'sv',
    text: 'Som vanligt funkar ingenting hos er. Ni bryr er inte om kunderna och har aldrig gjort det.',
    top: ['frustrated', 'angry', 'disappointed'],
    type: 'active-hater',
  },
  {
    id: 'H-sv5',
    lang: 'sv',
    text: 'Håll käften och ge mig pengarna, era jävla idioter.',
    top: ['abusive'],
    type: 'abusive',
  },
  {
    id: 'H-sv6',
    lang: 'sv',
    text: 'Hej, vilka öppettider har butiken i Uppsala på lördag? Tack!',
    top: ['polite', 'neutral'],
    type: null,
  },
];
