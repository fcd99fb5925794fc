// The reply checklist from the seeds' six steps: acknowledge, empathise, apologise without blaming,
// ask, offer options, commit to a next step with a time; and with an abusive customer, the seeds'
// boundary. Ticked live from the draft, in English, Chinese and Swedish, deferring to the
// phrasebook's findings in it, and in a chat from what the agent already sent. These are fixed
// expressions written here (not user input), all linear.

import type { AbuseLevel } from './classify/verdict';
import type { Finding } from './protocol';
import { CATEGORIES } from './phrasebook/vocabulary';
import { sentenceBounds } from './sentence';
import { statedTime } from './stated-time';

export type ChecklistId = 'acknowledge' | 'empathise' | 'apologise' | 'ask' | 'options' | 'next-step' | 'boundary';

export interface ChecklistItem {
  id: ChecklistId;
  label: string;
  done: boolean;
  /** What in the draft ticked it, or why it is not ticked though something came close. */
  evidence?: { start: number; end: number; text: string };
  note?: string;
  /** Ticked by a message the agent already sent (the evidence is in that message, not the draft). */
  earlier?: boolean;
}

const LABELS: Record<ChecklistId, string> = {
  acknowledge: 'Acknowledge the problem',
  empathise: 'Show empathy',
  apologise: 'Apologise without blaming',
  ask: 'Ask what they need',
  options: 'Offer an option',
  'next-step': 'Commit to a next step with a time',
  boundary: 'Set a boundary: warn once that you will end the conversation',
};

/** With a threat the seeds' advice is not to warn but to stop: end it and report it. */
const THREAT_LABEL = 'End the conversation (then report the threat)';
/** Warn once, then end: the warning was sent and the abuse went on after it. */
const WARNED_LABEL = 'End the conversation: you warned them, and it goes on';

const any = (...parts: RegExp[]) => new RegExp(parts.map((p) => p.source).join('|'), 'iu');

const ACKNOWLEDGE = any(
  /\bi (?:can )?(?:see|understand|realise|realize|hear you|get it)\b/,
  /\bthank(?:s| you) for (?:letting|telling|flagging|reporting|explaining|reaching|your patience|raising|the details)/,
  /\byou(?:'re| are) right\b/,
  /\bi(?:'ve| have) (?:read|looked|checked|gone through)\b/,
  /我(?:完全)?(?:理解|明白|了解|看到)|感谢您(?:的)?(?:反馈|告知|耐心|指出)|谢谢您(?:的)?(?:反馈|告知|耐心|指出)|您说得对/,
  /\bjag (?:förstår|ser|har läst|har tittat)\b|\btack för att (?:du|ni)\b|\bdu har rätt\b/,
);

const EMPATHISE = any(
  /\bi can (?:only )?imagine\b/,
  /\bthat (?:must|would|sounds)(?: be| have been)? (?:\w+ )?(?:frustrating|annoying|stressful|worrying|upsetting|disappointing|difficult|hard)/,
  /\bi(?:'m| am) (?:so |really |truly )?sorry to hear\b/,
  /\bi (?:don't|do not) blame you\b/,
  /\bi(?:'d| would) feel the same\b/,
  /\bi understand (?:how|why) (?:frustrating|upsetting|annoying|stressful|you feel|this)/,
  /能理解您的(?:心情|感受|着急|不满)|换(?:做|作)是我|让您(?:着急|失望|困扰|久等)了|给您带来(?:了)?(?:不便|困扰|麻烦)/,
  /\bjag kan tänka mig\b|\bdet låter (?:frustrerande|jobbigt|tråkigt|besvärligt)\b|\bjag förstår att (?:du|ni) är\b|\bvad tråkigt\b/,
);

const APOLOGY = any(
  /\b(?:sorry|apologi[sz]e|apologies|my apologies)\b/,
  /抱歉|对不起|道歉|不好意思|致歉/,
  /\bursäkta\b|\bber (?:så mycket )?om ursäkt\b|\bbeklagar\b|\bförlåt\b/,
);

const BLAME = any(
  /\bnot (?:my|our) fault\b/,
  /\b(?:your|the customer's) (?:fault|mistake|error)\b/,
  /\byou should have\b/,
  /\b(?:another|other|the other) (?:department|team)(?:'s)? (?:fault|problem|mistake)\b/,
  /\bit was(?:n't| not) me\b/,
  /\bblame (?:the|our) (?:courier|system|warehouse|supplier)\b/,
  /不是我的(?:错|问题|责任)|是您自己|是你自己|是别的部门|您应该早/,
  /\binte mitt fel\b|\bditt (?:eget )?fel\b|\bdet var inte jag\b|\bdu borde ha\b/,
);

const ASK = any(
  /\?|？/,
  /\b(?:could|would|can) you (?:please )?(?:let me know|tell me|share|send|confirm)\b/,
  /\bplease let me know\b/,
  /请问|能否|可否|方便告诉/,
  /\bkan du (?:berätta|skicka|bekräfta)\b|\bhör gärna av dig\b/,
);

const OPTIONS = any(
  /\b(?:i|we) can (?:either|offer|send|refund|replace|arrange|give)\b/,
  /\balternatively\b|\banother option\b|\byour options\b|\bwould you prefer\b|\bif you(?:'d| would) (?:rather|prefer)\b/,
  /可以为您|您可以选择|或者(?:我们|我)|另一个(?:办法|选择)|给您(?:退款|换货|补发)/,
  /\balternativt\b|\bvi kan (?:erbjuda|skicka|återbetala|ersätta)\b|\bantingen\b|\bföredrar du\b/,
);

const COMMIT = any(
  /\b(?:i|we)(?:'ll| will| am going to| are going to)\b/,
  /我(?:们)?(?:会|将|保证)|马上为您/,
  /\b(?:jag|vi) (?:ska|kommer att|lovar att)\b/,
);

// Abuse: the seeds' protocol is to stay polite, warn once that the conversation will end if it goes
// on, then end it; a threat is not negotiated with. The step shows only for an abusive customer.
const BOUNDARY = any(
  /\bif (?:the|this|that) (?:language|swearing|insults?|abuse|name-calling|tone) (?:continues?|goes on|carries on)\b/,
  // What is not accepted must be the abuse: "we don't accept returns after 30 days" sets no boundary.
  /\b(?:i|we) (?:will not|won't|cannot|can't|do not|don't) (?:accept|tolerate) (?:(?:this|that|such|any) )?(?:(?:kind of|abusive|offensive|insulting|rude|foul) )*(?:language|abuse|insults?|swearing|behaviou?r|tone)\b/,
  /\b(?:keep|let's keep) (?:it|this|the conversation|our conversation) (?:civil|respectful|polite)\b/,
  // Not a bare "如果您再…": "如果您再有问题" (if you have more questions) closes many a polite reply.
  /如果(?:您|你)?(?:继续|再)(?:这样|骂|辱骂|侮辱|说脏话|使用(?:这样的|不文明的)?(?:语言|言语|字眼))|请(?:您)?(?:文明|礼貌)(?:用语|沟通|交流)|(?:我们|我)(?:不能|无法)接受(?:这样的|辱骂|侮辱)/,
  /\bom (?:språket|svordomarna|förolämpningarna|tonen) fortsätter\b|\b(?:jag|vi) (?:accepterar|tolererar) inte (?:(?:det|ett|sådant|sånt) )?(?:här )?(?:språk|svordomar|förolämpningar|hot|den tonen)|\bhåll en (?:trevlig|vänlig) ton\b/,
);

const END_CONVERSATION = any(
  /\b(?:i|we) (?:will|'ll|would|'d|have to|must|am going to|are going to|need to)? ?(?:have to )?(?:end|close|stop|disconnect|terminate|ending|closing) (?:this|the|our) (?:chat|conversation|call)\b/,
  /\b(?:i am|i'm|we are|we're) (?:now )?(?:ending|closing) (?:this|the|our) (?:chat|conversation|call)\b/,
  /(?:结束|终止)(?:本次|这次)?(?:对话|通话|聊天|会话)/,
  /\b(?:avslutar|avsluta|avbryter|avbryta) (?:samtalet|chatten|konversationen)\b/,
);

/** A condition in a sentence: "if the insults continue I will end this chat" warns, it does not end it. */
const CONDITIONAL = /\b(?:if|unless|should)\b|如果|要是|假如|(?<!\p{L})om(?!\p{L})/iu;

/** Ending the conversation now, not warning that it may end. */
function endsIt(text: string) {
  for (const m of text.matchAll(new RegExp(END_CONVERSATION.source, 'giu'))) {
    const [from, to] = sentenceBounds(text, m.index, m.index + m[0].length);
    if (!CONDITIONAL.test(text.slice(from, to))) return { start: m.index, end: m.index + m[0].length, text: m[0] };
  }
  return undefined;
}

function find(re: RegExp, text: string) {
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : undefined;
}

type Evidence = NonNullable<ChecklistItem['evidence']>;
/** A message the agent already sent, with what the phrasebook flags in it (a sent non-apology is none either). */
export interface SentMessage {
  text: string;
  findings?: readonly FlaggedSpan[];
}
/** What the checklist needs of the panel's phrasebook findings. */
export type FlaggedSpan = Pick<Finding, 'start' | 'end' | 'text' | 'category' | 'source'>;

/**
 * Phrasebook categories whose findings undo a step in their sentence: "I'm sorry you feel that way"
 * holds "sorry" but is flagged as no apology, "I understand, but…" as no acknowledgement. The
 * phrasebook decides, so the panel never flags a sentence the checklist ticks.
 */
export const UNDONE_BY: Partial<Record<ChecklistId, readonly string[]>> = {
  acknowledge: ['empathise', 'listen'],
  empathise: ['empathise', 'listen'],
  apologise: ['apologise', 'blame'],
  // A question in a flagged sentence is rhetorical or rushes the customer ("What are you talking
  // about?", "Is there anything else?"), whatever the category: it does not ask what they need.
  ask: CATEGORIES,
};

/** The first match of `re` whose sentence has no finding that undoes step `id`; else the finding that undid the first. */
function findCounted(id: ChecklistId, re: RegExp, text: string, findings: readonly FlaggedSpan[]): { evidence?: Evidence; undoneBy?: FlaggedSpan } {
  const undoing = findings.filter((f) => f.source === 'phrasebook' && UNDONE_BY[id]?.includes(f.category));
  if (!undoing.length) return { evidence: find(re, text) };
  let first: { evidence: Evidence; undoneBy: FlaggedSpan } | undefined;
  for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
    const evidence = { start: m.index, end: m.index + m[0].length, text: m[0] };
    const [from, to] = sentenceBounds(text, evidence.start, evidence.end);
    const undoneBy = undoing.find((f) => f.start < to && f.end > from);
    if (!undoneBy) return { evidence };
    first ??= { evidence, undoneBy };
  }
  return first ?? {};
}

function item(id: ChecklistId, evidence: ChecklistItem['evidence'], note?: string): ChecklistItem {
  return { id, label: LABELS[id], done: evidence !== undefined && note === undefined, evidence, note };
}

/** A step found only where the phrasebook flags it. */
function counted(id: ChecklistId, re: RegExp, text: string, findings: readonly FlaggedSpan[]): ChecklistItem {
  const { evidence, undoneBy } = findCounted(id, re, text, findings);
  return item(id, evidence, undoneBy && `"${undoneBy.text}" does not count: it is flagged under Say this, not that.`);
}

/** The boundary step for an abusive customer: a warning to end the conversation, or (a threat) ending it. */
function boundary(text: string, abuse: AbuseLevel): ChecklistItem {
  if (abuse !== 'threat') return item('boundary', find(BOUNDARY, text) ?? find(END_CONVERSATION, text));
  return { ...item('boundary', endsIt(text)), label: THREAT_LABEL };
}

/**
 * Ticks the six steps against a draft, given the phrasebook's findings in it (see UNDONE_BY), and a
 * seventh, the boundary, when the customer is abusive. In a chat a reply takes several messages:
 * a step the draft has not taken counts when a message the agent already sent (`earlier`, oldest
 * first) took it, unless the draft itself says why not (a blame, a promise without a time). When
 * the customer wrote last (`lastFrom`) and is still abusive though a sent message warned them, the
 * boundary step becomes the seeds' second one: end the conversation.
 */
export function checklist(
  draft: string,
  findings: readonly FlaggedSpan[] = [],
  abuse: AbuseLevel = 'none',
  earlier: readonly SentMessage[] = [],
  lastFrom?: 'customer' | 'agent',
): ChecklistItem[] {
  const now = stepsIn(draft, findings, abuse);
  if (!earlier.length) return now;
  const sent = earlier.map((m) => stepsIn(m.text, m.findings ?? [], abuse)).reverse(); // the latest first
  const warned = abuse !== 'none' && abuse !== 'threat' && lastFrom === 'customer' && sent.some((items) => items.some((i) => i.id === 'boundary' && i.done));
  return now.map((step) => {
    if (step.id === 'boundary' && warned) return { ...item('boundary', endsIt(draft.slice(0, 20_000))), label: WARNED_LABEL };
    if (step.done || step.note) return step;
    const before = sent.map((items) => items.find((i) => i.id === step.id && i.done)).find(Boolean);
    return before ? { ...before, earlier: true } : step;
  });
}

/** The steps taken in one text. Only the first 20,000 characters are read: a reply's head. */
function stepsIn(draft: string, findings: readonly FlaggedSpan[], abuse: AbuseLevel): ChecklistItem[] {
  const text = draft.slice(0, 20_000);
  const apology = counted('apologise', APOLOGY, text, findings);
  const blame = find(BLAME, text);
  const commit = find(COMMIT, text);
  const time = statedTime(text);
  return [
    counted('acknowledge', ACKNOWLEDGE, text, findings),
    counted('empathise', EMPATHISE, text, findings),
    blame ? item('apologise', blame, `"${blame.text}" shifts the blame; apologise for the problem instead.`) : apology,
    counted('ask', ASK, text, findings),
    item('options', find(OPTIONS, text)),
    item(
      'next-step',
      commit && time ? { start: Math.min(commit.start, time.start), end: Math.max(commit.end, time.end), text: `${commit.text} … ${time.text}` } : commit,
      commit && !time ? 'Say when: "within 2 hours", "by Friday".' : undefined,
    ),
    ...(abuse === 'none' ? [] : [boundary(text, abuse)]),
  ];
}
