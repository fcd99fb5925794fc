import { z } from 'zod';
import { entryEditSchema, type EditChange, type EntryEdit } from './overlay';
import type { StudioAction } from './changes';

// Every studio change is one history record: who, when, what, and each entry's edit row before
// and after. An import is one record however many entries it brings, so one undo takes it back.

export const historyRecordSchema = z
  .object({
    id: z.number().int().optional(),
    at: z.number(),
    by: z.string(),
    action: z.enum(['add', 'save', 'disable', 'enable', 'delete', 'restore', 'import', 'undo']),
    /** One line for the history list: "Saved en-timing-asap", "Imported 3 entries from team.json". */
    summary: z.string(),
    changes: z.array(z.object({ id: z.string(), before: entryEditSchema.nullable(), after: entryEditSchema.nullable() })),
    /** Set on a record once it has been undone. */
    undoneAt: z.number().optional(),
    undoneBy: z.string().optional(),
    /** On an undo record: the record it undid. */
    undoes: z.number().int().optional(),
  })
  .strict();
export type HistoryRecord = z.infer<typeof historyRecordSchema>;

export const newRecord = (action: StudioAction, summary: string, changes: EditChange[], who: { by: string; at: number }): HistoryRecord => ({
  at: who.at,
  by: who.by,
  action,
  summary,
  changes,
});

const same = (a: EntryEdit | null | undefined, b: EntryEdit | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The changes that undo `record` given the edit rows now: each entry back to its `before`. Refused
 * when a later change touched one of its entries (undo that one first), so an undo never throws
 * away work it does not show.
 */
export function planUndo(record: HistoryRecord, current: readonly EntryEdit[]): { ok: true; changes: EditChange[] } | { ok: false; message: string } {
  if (record.undoneAt !== undefined) return { ok: false, message: 'This change was already undone.' };
  if (record.action === 'undo') return { ok: false, message: 'An undo cannot be undone; make the change again instead.' };
  const now = new Map(current.map((e) => [e.id, e]));
  const moved = record.changes.filter((c) => !same(now.get(c.id), c.after)).map((c) => c.id);
  if (moved.length)
    return {
      ok: false,
      message: `Changed again since: ${moved.slice(0, 5).join(', ')}${moved.length > 5 ? ` and ${moved.length - 5} more` : ''}. Undo the later change first.`,
    };
  return { ok: true, changes: record.changes.map((c) => ({ id: c.id, before: c.after, after: c.before })) };
}

/** One change in words, for the history list; `shipped`: the entry is in the shipped phrasebook. */
export function describeChange(c: EditChange, shipped: boolean): string {
  const { before, after } = c;
  if (!after) return before?.entry === null ? 'restored' : shipped ? 'back to shipped' : 'removed';
  if (after.entry === null) return 'deleted';
  if (after.disabled && !before?.disabled) return 'disabled';
  if (!after.disabled && before?.disabled) return 'enabled';
  if (!before && !shipped) return 'added';
  return 'edited';
}
