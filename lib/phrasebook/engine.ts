import { AnchorAutomaton } from './aho-corasick';
import { COMMON_WORDS } from './common-words';
import { PhrasebookError, type PhrasebookProblem } from './errors';
import { fileOf } from './origin';
import { compilePattern, PatternError, sequenceKey, type Element } from './pattern';
import type { Entry } from './schema';
import { SEVERITIES, type Channel, type CustomerType, type Locale, type Tone } from './vocabulary';
import { fillTemplate, parseTemplate, placeholdersOf, startsCapitalised, type Template } from './suggestion';
import { NOT_FIRST, NOT_LAST, scanTokens, SENTENCE_START } from './tokenize';
import { statedTime } from '../stated-time';

/** The built-in `unless` pattern: any time stated in the sentence (lib/stated-time.ts, shared with the reply checklist). */
export const STATED_TIME = '@time';

// The whole phrasebook becomes one automaton over word ids. A draft is tokenised once, run
// through the automaton once, and each anchor hit is checked against the few elements around it
// (wildcards, bounded gaps) with work bounded by the pattern, never by the draft: matching is
// linear in the draft's length whatever a QA lead writes.

export interface MatchContext {
  tones?: Tone[];
  type?: CustomerType | null;
  channel?: Channel | null;
  locales?: Locale[];
}

export interface Match {
  entry: Entry;
  start: number;
  end: number;
  text: string;
  suggestions: string[];
}

export interface CompiledPhrasebook {
  size: number;
  /** The entries compiled, sorted by id (entries with problems are left out under `skipInvalid`). */
  entries: readonly Entry[];
  /** Problems of the entries left out under `skipInvalid`; empty otherwise. */
  problems: readonly PhrasebookProblem[];
  /** Findings without overlaps, sorted by start. */
  match(text: string, ctx?: MatchContext): Match[];
  /** Every place any entry fires, overlaps included: what inline tests check. */
  matchAll(text: string, ctx?: MatchContext): Match[];
}

export interface CompileOptions {
  /** Leave out entries with problems instead of throwing (for a live phrasebook that must keep working). */
  skipInvalid?: boolean;
}

/** Compiled element: kind and value (word id, capture slot or gap width). */
const LIT = 0;
const ANY = 1;
const CAP = 2;
const GAP = 3;
interface El {
  k: number;
  v: number;
}

interface Seq {
  entry: number;
  /** Elements before the anchor, nearest first. */
  left: El[];
  /** Elements after the anchor, in order. */
  right: El[];
  anchorLen: number;
  hasGap: boolean;
}

interface EntryInfo {
  entry: Entry;
  severity: number;
  templates: Template[];
  slots: string[];
  /** Compiled `unless` sequences, in reading order: any of them in a sentence excuses it. */
  unless: { els: El[]; hasGap: boolean }[];
  /** `unless` holds @time: a stated time in the sentence excuses it. */
  unlessTime: boolean;
}

const FAIL = -2;

class Tokens {
  n = 0;
  ids = new Int32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  flags = new Uint8Array(256);
  sent = new Int32Array(256);

  grow() {
    const size = this.ids.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
    this.ids = copy(this.ids, new Int32Array(size));
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.flags = copy(this.flags, new Uint8Array(size));
    this.sent = copy(this.sent, new Int32Array(size));
  }
}

/**
 * Matches `els` one by one from token `pos` in direction `dir` (1 forwards, -1 backwards),
 * staying in sentence `sent`; returns the position after the last element, or FAIL. Gaps try the
 * fewest words first, so the shortest match is found; `memo` remembers failed (element, position)
 * pairs, which bounds the work by elements x span even with many gaps.
 */
function walk(els: El[], k: number, pos: number, dir: number, t: Tokens, sent: number, caps: Int32Array | null, memo: Set<number> | null): number {
  if (k === els.length) {
    // A match may not begin or end inside an expanded contraction ("can" of "can't").
    const edge = dir > 0 ? t.flags[pos - 1]! & NOT_LAST : t.flags[pos + 1]! & NOT_FIRST;
    return edge ? FAIL : pos;
  }
  if (pos < 0 || pos >= t.n || t.sent[pos] !== sent) return FAIL;
  const key = memo ? k * (t.n + 1) + pos : 0;
  if (memo?.has(key)) return FAIL;
  const el = els[k]!;
  let r = FAIL;
  if (el.k === LIT) {
    if (t.ids[pos] === el.v) r = walk(els, k + 1, pos + dir, dir, t, sent, caps, memo);
  } else if (el.k === ANY) {
    r = walk(els, k + 1, pos + dir, dir, t, sent, caps, memo);
  } else if (el.k === CAP) {
    r = walk(els, k + 1, pos + dir, dir, t, sent, caps, memo);
    if (r !== FAIL) caps![el.v] = pos;
  } else {
    for (let g = 0; g <= el.v && r === FAIL; g++) {
      const p = pos + g * dir;
      if (p < 0 || p >= t.n || t.sent[p] !== sent) break;
      r = walk(els, k + 1, p, dir, t, sent, caps, memo);
    }
  }
  if (r === FAIL) memo?.add(key);
  return r;
}

interface Candidate {
  entry: number;
  s: number;
  e: number;
  caps: Int32Array | null;
}

const severityRank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

function isTooBroad(run: readonly Element[]): string | null {
  if (run.length !== 1) return null;
  const el = run[0]!;
  if (el.k !== 'lit') return null;
  if (el.cjk) return `its longest fixed part is the single character "${el.word}"; write at least two characters together`;
  if (COMMON_WORDS.has(el.word)) return `its longest fixed part is "${el.word}", a very common word; add the words around it`;
  if (el.word.length <= 2) return `its longest fixed part is "${el.word}", too short to look for alone; add the words around it`;
  return null;
}

/** The longest run of fixed words, ties going to the run with fewer common words, then the first. */
function anchorOf(seq: readonly Element[]): [number, number] {
  let best: [number, number] = [0, 0];
  let bestScore = -1;
  for (let i = 0; i < seq.length; ) {
    if (seq[i]!.k !== 'lit') {
      i++;
      continue;
    }
    let j = i;
    let rare = 0;
    while (j < seq.length && seq[j]!.k === 'lit') {
      const el = seq[j] as Extract<Element, { k: 'lit' }>;
      if (!COMMON_WORDS.has(el.word)) rare++;
      j++;
    }
    const score = (j - i) * 1000 + rare;
    if (score > bestScore) {
      bestScore = score;
      best = [i, j];
    }
    i = j;
  }
  return best;
}

export function compilePhrasebook(input: readonly Entry[], options: CompileOptions = {}): CompiledPhrasebook {
  const problems: PhrasebookProblem[] = [];
  const entries = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const vocab = new Map<string, number>();
  const idOf = (w: string) => {
    let id = vocab.get(w);
    if (id === undefined) vocab.set(w, (id = vocab.size));
    return id;
  };

  const infos: EntryInfo[] = [];
  const seqs: Seq[] = [];
  const anchors: number[][] = [];
  /** Which entry and pattern first produced each sequence, to name both sides of a duplicate. */
  const owners = new Map<string, string>();
  const seenIds = new Set<string>();

  for (const entry of entries) {
    const mine: PhrasebookProblem[] = [];
    const problem = (message: string) => mine.push({ file: fileOf(entry), entryId: entry.id, message });
    if (seenIds.has(entry.id)) problem('the id is used by another entry too');
    seenIds.add(entry.id);
    if (!entry.avoid?.length) problem('has no pattern to avoid');
    if (!entry.prefer?.length) problem('has no alternatives: `prefer` needs at least one');

    const compiled: { seq: readonly Element[]; key: string; pattern: string; anchor: [number, number] }[] = [];
    const captured = new Set<string>();
    for (const pattern of entry.avoid ?? []) {
      try {
        for (const seq of compilePattern(pattern)) {
          const [a, b] = anchorOf(seq);
          const broad = isTooBroad(seq.slice(a, b));
          if (broad) throw new PatternError(`is too broad: ${broad}`);
          for (const el of seq) if (el.k === 'cap') captured.add(el.name);
          compiled.push({ seq, key: sequenceKey(seq), pattern, anchor: [a, b] });
        }
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
        problem(`pattern "${pattern}" ${err.message.startsWith('is ') ? '' : 'cannot compile: '}${err.message}`);
      }
    }
    const unless: (readonly Element[])[] = [];
    let unlessTime = false;
    for (const pattern of entry.unless ?? []) {
      if (pattern.trim().startsWith('@')) {
        if (pattern.trim() === STATED_TIME) unlessTime = true;
        else problem(`\`unless\` pattern "${pattern}" is no built-in; the one there is, ${STATED_TIME}, stands for any stated time`);
        continue;
      }
      let seqs: readonly (readonly Element[])[];
      try {
        seqs = compilePattern(pattern);
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
        // compilePattern refuses a pattern of wildcards alone ("has no fixed words"), which as an
        // excuse would excuse every sentence: that reads as a sentence of its own.
        problem(`\`unless\` pattern "${pattern}" ${err.message.startsWith('has ') ? '' : 'cannot compile: '}${err.message}`);
        continue;
      }
      if (seqs.some((seq) => seq.some((el) => el.k === 'cap'))) problem(`\`unless\` pattern "${pattern}" captures a word, which \`unless\` has no use for; write * instead`);
      else unless.push(...seqs);
    }
    const templates = (entry.prefer ?? []).map(parseTemplate);
    for (const name of new Set(templates.flatMap(placeholdersOf)))
      if (!captured.has(name)) problem(`\`prefer\` uses {${name}} but no pattern captures it`);
    // Locales are separate namespaces: "haha" may be an entry in English and in Swedish.
    const scope = `${entry.locale}\u0000`;
    const local = new Map<string, string>();
    for (const c of compiled) {
      const other = owners.get(scope + c.key) ?? (local.has(c.key) ? `pattern "${local.get(c.key)}"` : undefined);
      if (other !== undefined) problem(`pattern "${c.pattern}" matches the same words as ${other}`);
      else local.set(c.key, c.pattern);
    }

    // Claimed even by a broken entry, so a clash is reported now rather than after the fix.
    for (const [key, pattern] of local) owners.set(scope + key, `pattern "${pattern}" of entry ${entry.id}`);
    if (mine.length) {
      problems.push(...mine);
      continue;
    }

    const index = infos.length;
    const slots = [...captured];
    const toEl = (el: Element): El =>
      el.k === 'lit'
        ? { k: LIT, v: idOf(el.word) }
        : el.k === 'any'
          ? { k: ANY, v: 0 }
          : el.k === 'cap'
            ? { k: CAP, v: slots.indexOf(el.name) }
            : { k: GAP, v: el.max };
    infos.push({
      entry,
      severity: severityRank(entry.severity),
      templates,
      slots,
      unless: unless.map((seq) => ({ els: seq.map(toEl), hasGap: seq.some((el) => el.k === 'gap') })),
      unlessTime,
    });
    for (const { seq, anchor: [a, b] } of compiled) {
      const anchor = seq.slice(a, b).map((el) => idOf((el as Extract<Element, { k: 'lit' }>).word));
      seqs.push({
        entry: index,
        left: seq.slice(0, a).reverse().map(toEl),
        right: seq.slice(b).map(toEl),
        anchorLen: b - a,
        hasGap: seq.some((el) => el.k === 'gap'),
      });
      anchors.push(anchor);
    }
  }

  if (problems.length && !options.skipInvalid) throw new PhrasebookError(problems);

  const automaton = new AnchorAutomaton(anchors, vocab.size);
  const tokens = new Tokens();

  const tokenise = (text: string) => {
    const t = tokens;
    t.n = 0;
    let sent = 0;
    scanTokens(text, (word, start, end, flags) => {
      if (t.n === t.ids.length) t.grow();
      const i = t.n++;
      t.ids[i] = vocab.get(word) ?? -1;
      t.starts[i] = start;
      t.ends[i] = end;
      t.flags[i] = flags;
      if (flags & SENTENCE_START) sent++;
      t.sent[i] = sent;
    });
    return t;
  };

  const fires = (info: EntryInfo, ctx: MatchContext | undefined) => {
    const { entry } = info;
    if (ctx?.locales?.length && !ctx.locales.includes(entry.locale)) return false;
    const when = entry.when;
    if (!when) return true;
    if (when.tones && !when.tones.some((t) => ctx?.tones?.includes(t))) return false;
    if (when.types && !(ctx?.type && when.types.includes(ctx.type))) return false;
    if (when.channel && ctx?.channel !== when.channel) return false;
    return true;
  };

  const candidates = (text: string, ctx: MatchContext | undefined): { t: Tokens; found: Candidate[] } => {
    const t = tokenise(text);
    const found: Candidate[] = [];
    const allowed = new Int8Array(infos.length); // 0 unknown, 1 fires, -1 does not
    const memo = new Set<number>(); // one for every hit with a gap, cleared between walks
    automaton.scan(t.ids, t.n, (seqIndex, last) => {
      const seq = seqs[seqIndex]!;
      const info = infos[seq.entry]!;
      let ok = allowed[seq.entry]!;
      if (ok === 0) allowed[seq.entry] = ok = fires(info, ctx) ? 1 : -1;
      if (ok < 0) return;
      const first = last - seq.anchorLen + 1;
      const sent = t.sent[last]!;
      if (t.sent[first] !== sent) return;
      const caps = info.slots.length ? new Int32Array(info.slots.length).fill(-1) : null;
      if (seq.hasGap) memo.clear();
      const end = walk(seq.right, 0, last + 1, 1, t, sent, caps, seq.hasGap ? memo : null);
      if (end === FAIL) return;
      if (seq.hasGap) memo.clear();
      const before = walk(seq.left, 0, first - 1, -1, t, sent, caps, seq.hasGap ? memo : null);
      if (before === FAIL) return;
      found.push({ entry: seq.entry, s: before + 1, e: end, caps });
    });
    return { t, found: excused ? found.filter((c) => !excused(text, t, c, memo)) : found };
  };

  // Whether a candidate's sentence holds one of its entry's `unless` patterns. Checked only for
  // the few candidates found, each against the words of its own sentence: no automaton needed,
  // and the answer depends on that sentence alone (as lib/phrasebook/sentence-cache.ts assumes).
  const excused = infos.some((i) => i.unless.length || i.unlessTime)
    ? (text: string, t: Tokens, c: Candidate, memo: Set<number>): boolean => {
        const { unless, unlessTime } = infos[c.entry]!;
        if (!unless.length && !unlessTime) return false;
        const sent = t.sent[c.s]!;
        let from = c.s;
        while (from > 0 && t.sent[from - 1] === sent) from--;
        if (unlessTime) {
          let last = c.e - 1;
          while (last + 1 < t.n && t.sent[last + 1] === sent) last++;
          if (statedTime(text.slice(t.starts[from]!, t.ends[last]!))) return true;
        }
        for (let pos = from; pos < t.n && t.sent[pos] === sent; pos++)
          for (const u of unless) {
            if (u.hasGap) memo.clear();
            if (walk(u.els, 0, pos, 1, t, sent, null, u.hasGap ? memo : null) !== FAIL) return true;
          }
        return false;
      }
    : null;

  const toMatch = (text: string, t: Tokens, c: Candidate): Match => {
    const info = infos[c.entry]!;
    const start = t.starts[c.s]!;
    const end = t.ends[c.e - 1]!;
    const matched = text.slice(start, end);
    const captures = new Map<string, string>();
    if (c.caps)
      info.slots.forEach((name, i) => {
        const at = c.caps![i]!;
        if (at >= 0) captures.set(name, text.slice(t.starts[at]!, t.ends[at]!));
      });
    // "Honestly, I don't know" -> "Honestly, let me find out": only a sentence start or a
    // capital that is not "I" or an acronym makes the suggestion start with a capital.
    const upper = (t.flags[c.s]! & SENTENCE_START) !== 0 || startsCapitalised(matched);
    return {
      entry: info.entry,
      start,
      end,
      text: matched,
      suggestions: info.templates.map((tpl) => fillTemplate(tpl, captures, upper ? 'upper' : 'lower')),
    };
  };

  return {
    size: infos.length,
    entries: infos.map((i) => i.entry),
    problems,
    matchAll(text, ctx) {
      const { t, found } = candidates(text, ctx);
      const seen = new Set<string>();
      return found
        .filter((c) => {
          const key = `${c.entry}:${c.s}:${c.e}`;
          return !seen.has(key) && (seen.add(key), true);
        })
        .sort((a, b) => a.s - b.s || a.e - b.e || a.entry - b.entry)
        .map((c) => toMatch(text, t, c));
    },
    match(text, ctx) {
      const { t, found } = candidates(text, ctx);
      if (found.length === 0) return [];
      const span = (c: Candidate) => t.ends[c.e - 1]! - t.starts[c.s]!;
      // Longest span first, then the more severe entry, then id order, then the earlier one.
      found.sort(
        (a, b) => span(b) - span(a) || infos[b.entry]!.severity - infos[a.entry]!.severity || a.entry - b.entry || a.s - b.s,
      );
      const taken = new Uint8Array(t.n);
      const kept: Candidate[] = [];
      outer: for (const c of found) {
        for (let i = c.s; i < c.e; i++) if (taken[i]) continue outer;
        taken.fill(1, c.s, c.e);
        kept.push(c);
      }
      kept.sort((a, b) => a.s - b.s);
      return kept.map((c) => toMatch(text, t, c));
    },
  };
}
