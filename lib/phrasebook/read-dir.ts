import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePhrasebookFiles, type LoadError } from './load';
import type { Entry } from './schema';

// Node only (the CLI, tests, scripts): the extension bundles the same files at build time.

/** Every phrasebook file under `dir`, i.e. `<locale>/<category>.json`; generated schema files are skipped. */
export function listPhrasebookFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.name.endsWith('.json') && !e.name.endsWith('.schema.json') && d !== dir) out.push(path);
    }
  };
  visit(dir);
  return out;
}

export function readPhrasebookDir(dir: string): { entries: Entry[]; errors: LoadError[]; files: string[] } {
  const files = listPhrasebookFiles(dir);
  const errors: LoadError[] = [];
  const inputs: { name: string; data: unknown }[] = [];
  for (const path of files) {
    const name = relative(process.cwd(), path) || path;
    try {
      inputs.push({ name, data: JSON.parse(readFileSync(path, 'utf8')) });
    } catch (err) {
      errors.push({ file: name, message: `not valid JSON: ${(err as Error).message}` });
    }
  }
  const parsed = parsePhrasebookFiles(inputs);
  return { entries: parsed.entries, errors: [...errors, ...parsed.errors], files };
}
