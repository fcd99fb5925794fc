import { IS_CJK, tokenize } from './tokenize';

// The pattern language (documented in schema.ts) compiles to a short list of plain sequences:
// alternatives and optional words are expanded up front, so matching never backtracks over
// choices, and the only open-ended elements left are one-word wildcards and bounded gaps.

export type Element =
  | { k: 'lit'; word: string; cjk: boolean }
  | { k: 'any' }
  | { k: 'cap'; name: string }
  | { k: 'gap'; max: number };

/** Gaps count tokens: words, or single characters in Chinese, where "...4" spans about two words. */
export const MAX_GAP = 6;
export const MAX_VARIANTS = 64;

export class PatternError extends Error {}

type Node = Element | { k: 'group'; optional: boolean; options: Node[][] };

const SPECIAL = new Set(['(', ')', '[', ']', '|', '*', '{', '}']);
const BREAK_CHARS = /[.!?;\u2026\u3002\uff01\uff1f\uff1b]/;
const TRAILING_BREAKS = /[\s.!?;\u2026\u3002\uff01\uff1f\uff1b]+$/;

function parse(source: string): Node[] {
  const src = source.replace(TRAILING_BREAKS, '');
  let i = 0;

  const literal = (): Element[] => {
    const from = i;
    while (i < src.length && !SPECIAL.has(src[i]!) && !isGapAt(i)) i++;
    const chunk = src.slice(from, i);
    const stripped = chunk.replace(/\.\.\./g, '');
    const mark = BREAK_CHARS.exec(stripped);
    if (mark) throw new PatternError(`"${mark[0]}" would make the pattern span two sentences; a pattern matches within one`);
    return tokenize(chunk).map((t) => ({ k: 'lit', word: t.word, cjk: (t.flags & IS_CJK) !== 0 }) as const);
  };

  const isGapAt = (at: number) => src.startsWith('...', at) || src[at] === '\u2026';

  const sequence = (closers: string): Node[] => {
    const seq: Node[] = [];
    while (i < src.length) {
      const c = src[i]!;
      if (closers.includes(c)) return seq;
      if (c === '(' || c === '[') {
        i++;
        const options = alternatives(c === '(' ? ')' : ']');
        if (src[i] !== (c === '(' ? ')' : ']')) throw new PatternError(`"${c}" is never closed`);
        i++;
        seq.push({ k: 'group', optional: c === '[', options });
      } else if (c === ')' || c === ']' || c === '|') {
        throw new PatternError(`unexpected "${c}"`);
      } else if (c === '*') {
        i++;
        seq.push({ k: 'any' });
      } else if (c === '{') {
        const close = src.indexOf('}', i);
        const name = close < 0 ? '' : src.slice(i + 1, close);
        if (!/^[a-z][a-z0-9_]*$/.test(name))
          throw new PatternError(`a capture is written {name}, with a lowercase name: "${src.slice(i, close < 0 ? undefined : close + 1)}"`);
        i = close + 1;
        seq.push({ k: 'cap', name });
      } else if (c === '}') {
        throw new PatternError('unexpected "}"');
      } else if (isGapAt(i)) {
        i += src[i] === '\u2026' ? 1 : 3;
        const digits = /^\d+/.exec(src.slice(i))?.[0];
        if (!digits) throw new PatternError(`a gap is written ...N with N from 1 to ${MAX_GAP}, e.g. "...3"`);
        const max = Number(digits);
        if (max < 1 || max > MAX_GAP) throw new PatternError(`a gap of up to ${max} words is too wide; the limit is ${MAX_GAP}`);
        i += digits.length;
        seq.push({ k: 'gap', max });
      } else {
        seq.push(...literal());
      }
    }
    return seq;
  };

  const alternatives = (closer: string): Node[][] => {
    const options: Node[][] = [sequence('|' + closer)];
    while (src[i] === '|') {
      i++;
      options.push(sequence('|' + closer));
    }
    if (options.some((o) => o.length === 0))
      throw new PatternError(closer === ')' ? 'an alternative is empty; for optional words use [words]' : 'optional words "[...]" are empty');
    return options;
  };

  const top = sequence('');
  if (i < src.length) throw new PatternError(`unexpected "${src[i]}"`);
  return top;
}

function expand(nodes: Node[]): Element[][] {
  let seqs: Element[][] = [[]];
  for (const node of nodes) {
    if (node.k !== 'group') {
      for (const s of seqs) s.push(node);
      continue;
    }
    const variants = node.options.flatMap(expand);
    if (node.optional) variants.push([]);
    if (seqs.length * variants.length > MAX_VARIANTS)
      throw new PatternError(`expands into more than ${MAX_VARIANTS} variants; split it into several patterns`);
    seqs = seqs.flatMap((s) => variants.map((v) => [...s, ...v]));
  }
  return seqs;
}

/** Gaps at either end do nothing; neighbouring gaps add up. */
function tidy(seq: Element[]): Element[] {
  const out: Element[] = [];
  for (const el of seq) {
    const prev = out[out.length - 1];
    if (el.k === 'gap' && prev?.k === 'gap') prev.max += el.max;
    else out.push(el.k === 'gap' ? { ...el } : el);
  }
  while (out[0]?.k === 'gap') out.shift();
  while (out[out.length - 1]?.k === 'gap') out.pop();
  return out;
}

export const sequenceKey = (seq: readonly Element[]) =>
  seq.map((e) => (e.k === 'lit' ? e.word : e.k === 'gap' ? `...${e.max}` : '*')).join(' ');

/**
 * Patterns already compiled, so recompiling a phrasebook after a QA lead edits one entry only
 * parses what changed. Results are shared: callers must not mutate them.
 */
const cache = new Map<string, readonly (readonly Element[])[] | PatternError>();

/** Forgets compiled patterns (benchmarks measure a cold compile with it). */
export const clearPatternCache = () => cache.clear();

/** Compiles one pattern to its distinct sequences; throws PatternError with a readable reason. */
export function compilePattern(source: string): readonly (readonly Element[])[] {
  let result = cache.get(source);
  if (result === undefined) {
    try {
      result = compileUncached(source);
    } catch (err) {
      if (!(err instanceof PatternError)) throw err;
      result = err;
    }
    if (cache.size >= 50_000) cache.clear();
    cache.set(source, result);
  }
  if (result instanceof PatternError) throw new PatternError(result.message);
  return result;
}

function compileUncached(source: string): Element[][] {
  const nodes = parse(source);
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (first?.k === 'gap' || last?.k === 'gap') throw new PatternError('a gap at the start or end of a pattern does nothing; remove it');
  const seen = new Set<string>();
  const out: Element[][] = [];
  for (const raw of expand(nodes)) {
    const seq = tidy(raw);
    if (seq.length === 0) throw new PatternError('can match an empty text; at least one word must be required');
    if (!seq.some((e) => e.k === 'lit')) throw new PatternError('has no fixed words to look for, only wildcards or captures');
    const names = seq.filter((e) => e.k === 'cap').map((e) => e.name);
    if (new Set(names).size !== names.length) throw new PatternError('captures the same {name} twice');
    const key = sequenceKey(seq);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(seq);
    }
  }
  return out;
}

