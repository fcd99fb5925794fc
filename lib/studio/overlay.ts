import { z } from 'zod';
import { categorySchema, entrySchema, localeSchema, type Entry } from '../phrasebook/schema';

// Team edits are an overlay on the shipped phrasebook, one row per entry id, never a copy of it:
// a new release of the shipped files still reaches every entry the team did not touch.

/** An entry as the studio stores it: the schema's entry with the locale and category its file gives. */
export const teamEntrySchema = entrySchema.extend({ locale: localeSchema, category: categorySchema });

/**
 * One entry's team edit. `entry` replaces the shipped entry of the same id, or adds one; `entry:
 * null` deletes a shipped entry (a tombstone); `disabled` keeps the entry, edited or not, out of
 * matching without losing it.
 */
export const entryEditSchema = z
  .object({
    id: z.string().min(1),
    entry: teamEntrySchema.nullable(),
    disabled: z.boolean(),
    updatedAt: z.number(),
    by: z.string(),
  })
  .strict();
export type EntryEdit = z.infer<typeof entryEditSchema>;

export type Origin = 'shipped' | 'edited' | 'team' | 'disabled' | 'deleted';

/** One row of the studio's list: what matches (if anything), and where it comes from. */
export interface StudioEntry {
  id: string;
  /** The entry as edited, or as shipped; for a deleted shipped entry, the shipped one. */
  entry: Entry;
  shipped: Entry | null;
  edit: EntryEdit | null;
  origin: Origin;
}

export interface Effective {
  /** What the engine compiles: every entry not disabled or deleted, sorted by id. */
  entries: Entry[];
  /** Every entry the studio lists, deleted and disabled ones included, sorted by id. */
  rows: StudioEntry[];
}

export function effectivePhrasebook(shipped: readonly Entry[], edits: readonly EntryEdit[]): Effective {
  const byId = new Map(shipped.map((e) => [e.id, e]));
  const editOf = new Map(edits.map((e) => [e.id, e]));
  const rows: StudioEntry[] = [];
  for (const id of new Set([...byId.keys(), ...editOf.keys()])) {
    const base = byId.get(id) ?? null;
    const edit = editOf.get(id) ?? null;
    // A tombstone for an entry the shipped phrasebook no longer has is left behind by a release: nothing to show.
    const entry = edit?.entry ?? base;
    if (!entry) continue;
    const origin: Origin = !edit
      ? 'shipped'
      : edit.entry === null
        ? 'deleted'
        : edit.disabled
          ? 'disabled'
          : base
            ? 'edited'
            : 'team';
    rows.push({ id, entry, shipped: base, edit, origin });
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, entries: rows.filter((r) => r.origin !== 'deleted' && r.origin !== 'disabled').map((r) => r.entry) };
}

/** A change to one entry's edit row: what it was and what it becomes (null: no row). */
export interface EditChange {
  id: string;
  before: EntryEdit | null;
  after: EntryEdit | null;
}

/** The edit rows after `changes`, as a new map (pure; storage applies the same in a transaction). */
export function applyChanges(edits: readonly EntryEdit[], changes: readonly EditChange[]): EntryEdit[] {
  const map = new Map(edits.map((e) => [e.id, e]));
  for (const c of changes) {
    if (c.after) map.set(c.id, c.after);
    else map.delete(c.id);
  }
  return [...map.values()];
}

/** Entries compare by their JSON with keys in schema order, so a re-save of the same text is no change. */
export const sameEntry = (a: Entry | null | undefined, b: Entry | null | undefined) => JSON.stringify(a ? comparable(a) : null) === JSON.stringify(b ? comparable(b) : null);

/** Normalised when it parses; a stored edit a later schema refuses is compared as stored rather than crash the studio. */
function comparable(entry: Entry): unknown {
  try {
    return normaliseEntry(entry);
  } catch {
    return entry;
  }
}

/** The entry through the schema: defaults filled, keys in a fixed order, unknown keys refused. */
export function normaliseEntry(entry: Entry): Entry {
  const parsed = teamEntrySchema.parse(entry);
  const { id, locale, category, avoid, prefer, why, severity, unless, when, source, tests } = parsed;
  return Object.fromEntries(
    Object.entries({ id, locale, category, avoid, prefer, why, severity, unless, when, source, tests }).filter(([, v]) => v !== undefined),
  ) as Entry;
}
