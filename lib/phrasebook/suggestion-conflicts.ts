import type { CompiledPhrasebook, Match } from './engine';
import type { Locale } from './vocabulary';
import type { Entry } from './schema';
import { atLeast } from '../severity';

// "Say this" must never be a "not that": a suggestion the phrasebook itself flags would be applied
// and warned about at once. Checked where the phrasebook is edited (the studio's editor, `tact
// lint-phrasebook`) and on the shipped files (tests/unit/phrasebook-data.test.ts). Entries limited
// by `when` and hints are left out, as for Claude's rewrites (lib/ai/screen.ts).

export interface SuggestionConflict {
  /** The entry whose suggestion is flagged, and which of its `prefer` lines. */
  entryId: string;
  index: number;
  suggestion: string;
  /** The words flagged, and the entry that flags them. */
  phrase: string;
  flaggedBy: string;
}

/**
 * What the phrasebook holds against a text written to replace a flagged one (a suggestion, Claude's
 * rewrite): its matches at warning severity or above. Hints do not count, and entries limited by
 * `when` do not fire (no customer context is given).
 */
export function flagsIn(phrasebook: Pick<CompiledPhrasebook, 'match'>, text: string, locale?: Locale): Match[] {
  return phrasebook.match(text, locale ? { locales: [locale] } : undefined).filter((m) => atLeast(m.entry.severity, 'warning'));
}

/** Every suggestion of `entries` that `phrasebook` flags in its own locale. A {placeholder} reads as "it". */
export function suggestionConflicts(entries: readonly Entry[], phrasebook: Pick<CompiledPhrasebook, 'match'>): SuggestionConflict[] {
  const out: SuggestionConflict[] = [];
  for (const entry of entries)
    entry.prefer.forEach((suggestion, index) => {
      const text = suggestion.replace(/\{[a-z][a-z0-9_]*\}/g, 'it');
      for (const m of flagsIn(phrasebook, text, entry.locale)) out.push({ entryId: entry.id, index, suggestion, phrase: m.text, flaggedBy: m.entry.id });
    });
  return out;
}

export const conflictMessage = (c: SuggestionConflict) => `\`prefer\` "${c.suggestion}" says "${c.phrase}", which entry ${c.flaggedBy} flags`;
