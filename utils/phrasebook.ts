import { parsePhrasebookFiles } from '@/lib/phrasebook/load';
import { compilePhrasebook, type CompiledPhrasebook } from '@/lib/phrasebook/engine';

// The shipped phrasebook, bundled at build time: one JSON file per locale and category.
const files = import.meta.glob('/phrasebook/*/*.json', { eager: true, import: 'default' });

/** Parses and compiles the shipped phrasebook; a broken file is reported, never fatal. */
export function loadShippedPhrasebook(): { phrasebook: CompiledPhrasebook; errors: string[] } {
  const { entries, errors } = parsePhrasebookFiles(
    Object.entries(files).map(([name, data]) => ({ name: name.replace(/^\//, ''), data })),
  );
  return {
    phrasebook: compilePhrasebook(entries),
    errors: errors.map((e) => `${e.file}${e.entryId ? ` (${e.entryId})` : ''}: ${e.message}`),
  };
}
