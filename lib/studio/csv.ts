import Papa from 'papaparse';
import type { Entry } from '../phrasebook/schema';

// The phrasebook as a spreadsheet, for QA leads who review entries in one: one row per entry,
// list cells one item per line (a cell may hold line breaks; "|" could not separate them, as
// patterns use it). Rows become files in the shipped format and go through the same checks.
// CSV is parsed by papaparse: quoting, embedded line breaks and separators are its business.

export const CSV_COLUMNS = ['id', 'locale', 'category', 'severity', 'avoid', 'prefer', 'why', 'unless', 'tones', 'types', 'channel', 'source', 'match', 'noMatch'] as const;
type Column = (typeof CSV_COLUMNS)[number];

const lines = (cell: string | undefined) => (cell ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export interface CsvFiles {
  files: { name: string; data: unknown }[];
  problems: { file: string; message: string }[];
}

/** The rows of a CSV export as phrasebook files, one per locale and category, entries sorted by id. */
export function csvToFiles(name: string, text: string): CsvFiles {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems = parsed.errors.map((e) => ({ file: name, message: `row ${(e.row ?? 0) + 2}: ${e.message}` }));
  const header = parsed.meta.fields ?? [];
  const missing = (['id', 'locale', 'category', 'avoid', 'prefer', 'why', 'source'] as Column[]).filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length) problems.push({ file: name, message: `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` });
  if (unknown.length) problems.push({ file: name, message: `unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (the columns are ${CSV_COLUMNS.join(', ')})` });
  if (problems.length) return { files: [], problems };

  const slots = new Map<string, { locale: string; category: string; entries: Record<string, unknown>[] }>();
  for (const row of parsed.data) {
    const when = {
      ...(lines(row.tones).length ? { tones: lines(row.tones) } : {}),
      ...(lines(row.types).length ? { types: lines(row.types) } : {}),
      ...(row.channel?.trim() ? { channel: row.channel.trim() } : {}),
    };
    const tests = lines(row.match).length || lines(row.noMatch).length ? { match: lines(row.match), noMatch: lines(row.noMatch) } : undefined;
    // Values stay as written: the schema says what is wrong with them, entry by entry.
    const entry = {
      id: row.id?.trim(),
      avoid: lines(row.avoid),
      prefer: lines(row.prefer),
      why: row.why,
      ...(row.severity?.trim() ? { severity: row.severity.trim() } : {}),
      ...(lines(row.unless).length ? { unless: lines(row.unless) } : {}),
      ...(Object.keys(when).length ? { when } : {}),
      source: row.source,
      ...(tests ? { tests } : {}),
    };
    const locale = row.locale?.trim() ?? '';
    const category = row.category?.trim() ?? '';
    const key = `${locale}/${category}`;
    if (!slots.has(key)) slots.set(key, { locale, category, entries: [] });
    slots.get(key)!.entries.push(entry);
  }
  const files = [...slots.values()].map((f) => ({
    name,
    data: { locale: f.locale, category: f.category, entries: f.entries.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)) },
  }));
  return { files, problems: [] };
}

/** The entries as CSV with the columns above; list cells hold one item per line. */
export function entriesToCsv(entries: readonly Entry[]): string {
  const rows = entries.map((e): Record<Column, string> => ({
    id: e.id,
    locale: e.locale,
    category: e.category,
    severity: e.severity,
    avoid: e.avoid.join('\n'),
    prefer: e.prefer.join('\n'),
    why: e.why,
    unless: e.unless?.join('\n') ?? '',
    tones: e.when?.tones?.join('\n') ?? '',
    types: e.when?.types?.join('\n') ?? '',
    channel: e.when?.channel ?? '',
    source: e.source,
    match: e.tests?.match.join('\n') ?? '',
    noMatch: e.tests?.noMatch.join('\n') ?? '',
  }));
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\n' }) + '\n';
}
