import { parsePhrasebookFiles } from '@/lib/phrasebook/load';
import { compilePhrasebook, type CompiledPhrasebook } from '@/lib/phrasebook/engine';
import { formatProblem } from '@/lib/phrasebook/errors';
import type { Entry } from '@/lib/phrasebook/schema';

// The shipped phrasebook, bundled at build time: one JSON file per locale and category.
const files = import.meta.glob('/phrasebook/*/*.json', { eager: true, import: 'default' });

/** The shipped entries that parse (the studio overlays team edits on these), and the files' problems. */
export function loadShippedEntries(): { entries: Entry[]; errors: string[] } {
  const { entries, errors } = parsePhrasebookFiles(
    Object.entries(files).map(([name, data]) => ({ name: name.replace(/^\//, ''), data })),
  );
  return { entries, errors: errors.map((e) => `${e.file}${e.entryId ? ` (${e.entryId})` : ''}: ${e.message}`) };
}

/** Compiles entries for live use: a broken entry is left out and reported; it must not take the whole worker down. */
export function compileLive(entries: readonly Entry[]): { phrasebook: CompiledPhrasebook; errors: string[] } {
  const phrasebook = compilePhrasebook(entries, { skipInvalid: true });
  return { phrasebook, errors: phrasebook.problems.map(formatProblem) };
}
