import type { CompiledPhrasebook, MatchContext } from './engine';
import { fileOf } from './origin';
import type { Entry } from './schema';

// Each entry carries its own examples: texts it must flag and near misses it must leave alone.
// They run against the whole compiled phrasebook, overlaps included, so an entry that a longer
// one shadows in the panel still proves it fires.

export interface InlineTestFailure {
  entryId: string;
  file?: string;
  kind: 'match' | 'noMatch';
  text: string;
  message: string;
}

/** A context in which an entry with `when` fires, so its examples can be checked at all. */
export function contextFor(entry: Entry): MatchContext {
  return {
    tones: entry.when?.tones,
    type: entry.when?.types?.[0] ?? null,
    channel: entry.when?.channel ?? null,
  };
}

export function runInlineTests(compiled: CompiledPhrasebook, entries: readonly Entry[]): InlineTestFailure[] {
  const failures: InlineTestFailure[] = [];
  for (const entry of entries) {
    const ctx = contextFor(entry);
    const fail = (kind: InlineTestFailure['kind'], text: string, message: string) =>
      failures.push({ entryId: entry.id, file: fileOf(entry), kind, text, message });
    for (const text of entry.tests?.match ?? []) {
      const found = compiled.matchAll(text, ctx);
      if (!found.some((m) => m.entry.id === entry.id)) {
        const others = [...new Set(found.map((m) => m.entry.id))];
        fail('match', text, `should be flagged but is not${others.length ? ` (found: ${others.join(', ')})` : ''}: "${text}"`);
      }
    }
    for (const text of entry.tests?.noMatch ?? []) {
      const hit = compiled.matchAll(text, ctx).find((m) => m.entry.id === entry.id);
      if (hit) fail('noMatch', text, `should not be flagged but "${hit.text}" is: "${text}"`);
    }
  }
  return failures;
}
