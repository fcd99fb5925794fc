import { rememberFile } from './origin';
import { entriesOf, phrasebookFileSchema, type Entry } from './schema';

// Validates phrasebook files and the rules that span them: ids unique across the whole
// phrasebook, no pattern written twice, entries sorted by id, one file per locale and category.
// Pure: the extension feeds it bundled JSON, the CLI feeds it what read-dir.ts read.

export interface LoadError {
  file: string;
  entryId?: string;
  message: string;
}

const patternKey = (p: string) =>
  p
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u2032`\u00b4]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export function parsePhrasebookFiles(files: readonly { name: string; data: unknown }[]): { entries: Entry[]; errors: LoadError[] } {
  const entries: Entry[] = [];
  const errors: LoadError[] = [];
  const idFiles = new Map<string, string>();
  const patterns = new Map<string, string>();
  const slots = new Map<string, string>();

  for (const { name, data } of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const parsed = phrasebookFileSchema.safeParse(data);
    if (!parsed.success) {
      const rawEntries = (data as { entries?: unknown } | null)?.entries;
      for (const issue of parsed.error.issues) {
        const [first, index, ...rest] = issue.path;
        const raw = first === 'entries' && typeof index === 'number' && Array.isArray(rawEntries) ? rawEntries[index] : undefined;
        const rawId = (raw as { id?: unknown } | undefined)?.id;
        const where = [first, index, ...rest].filter((p) => p !== undefined).join('.');
        errors.push({
          file: name,
          entryId: typeof rawId === 'string' ? rawId : undefined,
          message: `${where ? where + ': ' : ''}${issue.message}`,
        });
      }
      continue;
    }
    const file = parsed.data;
    const slot = `${file.locale}/${file.category}`;
    if (!name.endsWith(`${slot}.json`)) errors.push({ file: name, message: `holds locale "${file.locale}" and category "${file.category}", so it should be named ${slot}.json` });
    const twin = slots.get(slot);
    if (twin) errors.push({ file: name, message: `${twin} already holds ${slot}; one file per locale and category` });
    slots.set(slot, name);

    let previous = '';
    for (const entry of entriesOf(file)) {
      const problem = (message: string) => errors.push({ file: name, entryId: entry.id, message });
      if (previous && entry.id <= previous) problem(`entries must be sorted by id: "${entry.id}" comes after "${previous}"`);
      previous = entry.id;
      const other = idFiles.get(entry.id);
      if (other !== undefined) {
        problem(`duplicate id: already used in ${other}`);
        continue;
      }
      idFiles.set(entry.id, name);
      let clean = true;
      for (const p of entry.avoid) {
        const key = `${entry.locale}\u0000${patternKey(p)}`;
        const owner = patterns.get(key);
        if (owner !== undefined) {
          problem(`duplicate pattern "${p}": already in entry ${owner}`);
          clean = false;
        } else patterns.set(key, entry.id);
      }
      if (!clean) continue;
      rememberFile(entry, name);
      entries.push(entry);
    }
  }
  return { entries, errors };
}
