import { compilePhrasebook } from '../phrasebook/engine';
import { runInlineTests } from '../phrasebook/inline-tests';
import { conflictMessage, suggestionConflicts } from '../phrasebook/suggestion-conflicts';
import { parsePhrasebookFiles } from '../phrasebook/load';
import { formatProblem } from '../phrasebook/errors';
import { fileOf as originOf } from '../phrasebook/origin';
import type { Entry } from '../phrasebook/schema';
import { BUNDLE_FORMAT } from './export';
import { csvToFiles } from './csv';
import { isNoop } from './changes';
import { applyChanges, effectivePhrasebook, normaliseEntry, sameEntry, type EditChange, type EntryEdit } from './overlay';

// Importing phrasebook files: all or nothing. Every file is parsed, validated by the same rules
// as the shipped files (lib/phrasebook/load.ts), compiled together with the rest of the phrasebook
// and its entries' inline tests run; one problem anywhere rejects the whole import, with the list.

export interface ImportInput {
  /** The file's name as picked, for messages. */
  name: string;
  text: string;
}

export interface ImportProblem {
  file: string;
  entryId?: string;
  message: string;
}

/**
 * `merge` adds the imported entries and replaces those with the same ids; `replace` makes the
 * phrasebook exactly the imported files (shipped entries not in them are deleted, team ones dropped).
 */
export type ImportMode = 'merge' | 'replace';

export type ImportPlan =
  | { ok: true; entries: Entry[]; changes: EditChange[]; added: number; changed: number; removed: number }
  | { ok: false; problems: ImportProblem[] };

/** Bigger than any real phrasebook by far; refused before parsing, not after. */
export const MAX_IMPORT_CHARS = 5_000_000;
export const MAX_IMPORT_ENTRIES = 10_000;

export const formatImportProblem = (p: ImportProblem) => formatProblem(p);

/** The phrasebook files in the inputs: each is one shipped-format file, an exported bundle of them, or a CSV (csv.ts). */
function readFiles(inputs: readonly ImportInput[]): { files: { name: string; data: unknown }[]; problems: ImportProblem[] } {
  const files: { name: string; data: unknown }[] = [];
  const problems: ImportProblem[] = [];
  let chars = 0;
  for (const { name, text } of inputs) {
    chars += text.length;
    if (chars > MAX_IMPORT_CHARS) {
      problems.push({ file: name, message: `the import is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB; split it` });
      break;
    }
    if (/\.csv$/i.test(name)) {
      const csv = csvToFiles(name, text);
      files.push(...csv.files);
      problems.push(...csv.problems);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      problems.push({ file: name, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    const bundle = data as { format?: unknown; files?: unknown } | null;
    if (bundle && typeof bundle === 'object' && bundle.format === BUNDLE_FORMAT) {
      if (!bundle.files || typeof bundle.files !== 'object') problems.push({ file: name, message: 'a bundle needs "files": { "<locale>/<category>.json": {...} }' });
      else for (const [path, file] of Object.entries(bundle.files)) files.push({ name: `${name}: ${path}`, data: file });
    } else files.push({ name, data });
  }
  return { files, problems };
}

/** The shipped loader checks a file's name against its content; a downloaded file may be named anything. */
function canonicalName(data: unknown, fallback: string): string {
  const d = data as { locale?: unknown; category?: unknown } | null;
  return d && typeof d.locale === 'string' && typeof d.category === 'string' ? `${d.locale}/${d.category}.json` : fallback;
}

export function planImport(inputs: readonly ImportInput[], mode: ImportMode, shipped: readonly Entry[], edits: readonly EntryEdit[], who: { by: string; at: number }): ImportPlan {
  const read = readFiles(inputs);
  if (read.problems.length) return { ok: false, problems: read.problems };
  if (read.files.length === 0) return { ok: false, problems: [{ file: '(import)', message: 'no phrasebook file to import' }] };

  const labels = new Map<string, string>();
  const named = read.files.map(({ name, data }, i) => {
    // Two files for one slot must still reach the loader as two names, so it reports the twin.
    let canonical = canonicalName(data, `#${i}/${name}`);
    if (labels.has(canonical)) canonical = `#${i}/${canonical}`;
    labels.set(canonical, canonical.endsWith(name) ? name : `${name} (${canonical.replace(/^#\d+\//, '')})`);
    return { name: canonical, data };
  });
  const loaded = parsePhrasebookFiles(named);
  const label = (file: string) => labels.get(file) ?? file;
  if (loaded.errors.length) return { ok: false, problems: loaded.errors.map((e) => ({ ...e, file: label(e.file) })) };
  if (loaded.entries.length > MAX_IMPORT_ENTRIES)
    return { ok: false, problems: [{ file: '(import)', message: `${loaded.entries.length} entries; the limit is ${MAX_IMPORT_ENTRIES}` }] };

  const imported = loaded.entries.map(normaliseEntry);
  const fileOf = new Map(loaded.entries.map((e) => [e.id, label(originOf(e) ?? '')]));
  const target = targetEdits(imported, mode, shipped, edits, who);
  const current = new Map(edits.map((e) => [e.id, e]));
  const changes = [...new Set([...current.keys(), ...target.keys()])]
    .map((id) => ({ id, before: current.get(id) ?? null, after: target.get(id) ?? null }))
    .filter((c) => !isNoop(c));

  // The phrasebook as it would be: the imported entries must compile in it and pass their tests.
  const next = effectivePhrasebook(shipped, applyChanges(edits, changes));
  const compiled = compilePhrasebook(next.entries, { skipInvalid: true });
  const ids = new Set(imported.map((e) => e.id));
  const problems: ImportProblem[] = [];
  for (const p of compiled.problems) {
    const other = /of entry ([a-z0-9-]+)$/.exec(p.message)?.[1];
    if (p.entryId && (ids.has(p.entryId) || (other && ids.has(other))))
      problems.push({ file: fileOf.get(p.entryId) || fileOf.get(other ?? '') || '(phrasebook)', entryId: p.entryId, message: p.message });
  }
  for (const f of runInlineTests(compiled, compiled.entries.filter((e) => ids.has(e.id))))
    problems.push({ file: fileOf.get(f.entryId) ?? '', entryId: f.entryId, message: `inline test ${f.message}` });
  // "Say this" must not be a "not that": an imported suggestion flagged, or an imported pattern flagging a suggestion.
  for (const c of suggestionConflicts(compiled.entries, compiled))
    if (ids.has(c.entryId) || ids.has(c.flaggedBy))
      problems.push({ file: fileOf.get(c.entryId) || fileOf.get(c.flaggedBy) || '(phrasebook)', entryId: c.entryId, message: conflictMessage(c) });
  // A pattern with alternatives clashes once per variant: say it once.
  if (problems.length) return { ok: false, problems: [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()] };

  const before = new Map(effectivePhrasebook(shipped, edits).entries.map((e) => [e.id, e]));
  const after = new Map(next.entries.map((e) => [e.id, e]));
  return {
    ok: true,
    entries: imported,
    changes,
    added: [...after.keys()].filter((id) => !before.has(id)).length,
    changed: [...after].filter(([id, e]) => before.has(id) && !sameEntry(before.get(id), e)).length,
    removed: [...before.keys()].filter((id) => !after.has(id)).length,
  };
}

/** The edit rows that make the phrasebook hold the imported entries (and, in `replace`, only them). */
function targetEdits(imported: readonly Entry[], mode: ImportMode, shipped: readonly Entry[], edits: readonly EntryEdit[], who: { by: string; at: number }) {
  const shippedOf = new Map(shipped.map((e) => [e.id, e]));
  const target = new Map<string, EntryEdit>(mode === 'merge' ? edits.map((e) => [e.id, e]) : []);
  const row = (id: string, entry: Entry | null): EntryEdit => ({ id, entry, disabled: false, updatedAt: who.at, by: who.by });
  if (mode === 'replace') for (const e of shipped) target.set(e.id, row(e.id, null));
  for (const e of imported) {
    const base = shippedOf.get(e.id);
    // An imported entry the same as the shipped one needs no edit; imported entries come in enabled.
    if (base && sameEntry(base, e)) target.delete(e.id);
    else target.set(e.id, row(e.id, e));
  }
  return target;
}
