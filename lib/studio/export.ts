import type { Entry } from '../phrasebook/schema';
import type { PhrasebookFile } from '../phrasebook/schema';

// The effective phrasebook written back in the shipped format, one file per locale and category,
// so a QA lead's work can be committed into phrasebook/ and reviewed like any other change.

export interface ExportFile {
  /** Where it goes under phrasebook/: "en/timing.json". */
  path: string;
  data: PhrasebookFile;
}

/** Several files in one download (browsers save one file per click); import reads it back. */
export const BUNDLE_FORMAT = 'tact-phrasebook-bundle';
export interface PhrasebookBundle {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  files: Record<string, PhrasebookFile>;
}

export function exportFiles(entries: readonly Entry[]): ExportFile[] {
  const slots = new Map<string, Entry[]>();
  for (const e of entries) {
    const path = `${e.locale}/${e.category}.json`;
    slots.set(path, [...(slots.get(path) ?? []), e]);
  }
  return [...slots.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, list]) => {
      const { locale, category } = list[0]!;
      const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      return {
        path,
        data: {
          $schema: '../phrasebook.schema.json',
          locale,
          category,
          // The file carries locale and category once; entries do not repeat them.
          entries: sorted.map(({ locale: _l, category: _c, ...entry }) => entry),
        },
      };
    });
}

/** A file as the shipped ones are written: two-space JSON and a final newline. */
export const fileText = (file: ExportFile) => JSON.stringify(file.data, null, 2) + '\n';

export const bundleOf = (files: readonly ExportFile[], now: Date): PhrasebookBundle => ({
  format: BUNDLE_FORMAT,
  exportedAt: now.toISOString(),
  files: Object.fromEntries(files.map((f) => [f.path, f.data])),
});
