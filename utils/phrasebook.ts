import { parsePhrasebookFiles } from '@/lib/phrasebook/load';
import { compilePhrasebook, type CompiledPhrasebook } from '@/lib/phrasebook/engine';
import { formatProblem } from '@/lib/phrasebook/errors';

// The shipped phrasebook, bundled at build time: one JSON file per locale and category.
const files = import.meta.glob('/phrasebook/*/*.json', { eager: true, import: 'default' });

/** Parses and compiles the shipped phrasebook; a broken file is reported, never fatal. */
export function loadShippedPhrasebook(): { phrasebook: CompiledPhrasebook; errors: string[] } {
  const { entries, errors } = parsePhrasebookFiles(
    Object.entries(files).map(([name, data]) => ({ name: name.replace(/^\//, ''), data })),
  );
  // A broken entry is left out and reported; it must not take the whole worker down.
  const phrasebook = compilePhrasebook(entries, { skipInvalid: true });
  return {
    phrasebook,
    errors: [
      ...errors.map((e) => `${e.file}${e.entryId ? ` (${e.entryId})` : ''}: ${e.message}`),
      ...phrasebook.problems.map(formatProblem),
    ],
  };
}
