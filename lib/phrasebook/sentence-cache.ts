import type { CompiledPhrasebook, Match, MatchContext } from './engine';
import { sentenceEnds } from './tokenize';

/**
 * A phrasebook's match() that remembers each sentence's matches. While the agent types, one
 * sentence changes and the others come from the cache, so matching costs a sentence, not the
 * whole draft, on each keystroke. The results are those of match() on the whole text: matches
 * never cross a sentence break. A different context (it decides which entries fire) starts afresh.
 */
export function sentenceCachedMatcher(phrasebook: Pick<CompiledPhrasebook, 'match'>, limit = 2_000): Pick<CompiledPhrasebook, 'match'> {
  let cache = new Map<string, Match[]>();
  let cachedFor = '';
  let lastCtx: MatchContext | undefined;
  return {
    match(text: string, ctx?: MatchContext): Match[] {
      // The same context object, as while the agent types, needs no second look.
      if (ctx !== lastCtx || !cachedFor) {
        lastCtx = ctx;
        const key = JSON.stringify([ctx?.channel ?? null, ctx?.tones ?? null, ctx?.type ?? null, ctx?.locales ?? null]);
        if (key !== cachedFor) {
          cache = new Map();
          cachedFor = key;
        }
      }
      const out: Match[] = [];
      let start = 0;
      for (const end of sentenceEnds(text)) {
        const sentence = text.slice(start, end);
        let found = cache.get(sentence);
        if (!found) {
          found = phrasebook.match(sentence, ctx);
          if (cache.size >= limit) cache.clear(); // a long session of edits: start over rather than grow
          cache.set(sentence, found);
        }
        for (const m of found) out.push(start ? { ...m, start: m.start + start, end: m.end + start } : m);
        start = end;
      }
      return out;
    },
  };
}
