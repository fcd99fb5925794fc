import type { TactDb } from './db';
import { entryEditSchema, type EditChange, type EntryEdit } from '../studio/overlay';
import { historyRecordSchema, planUndo, type HistoryRecord } from '../studio/history';
import type { StudioAction } from '../studio/changes';

// The studio's writes: the edit rows and their history record change together in one transaction,
// and each change is checked against the rows as they are, so two studio tabs cannot overwrite
// each other's work unseen.

export class StaleEditError extends Error {}

const same = (a: EntryEdit | null | undefined, b: EntryEdit | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function write(db: TactDb, changes: readonly EditChange[]) {
  for (const c of changes) {
    const now = await db.phrasebookEdits.get(c.id);
    if (!same(now, c.before)) throw new StaleEditError(`${c.id} was changed elsewhere meanwhile; reload and try again`);
    if (c.after) await db.phrasebookEdits.put(entryEditSchema.parse(c.after));
    else await db.phrasebookEdits.delete(c.id);
  }
}

/** Applies `changes` and records them as one history entry; returns the record's id. */
export async function commitChanges(db: TactDb, action: StudioAction, summary: string, changes: EditChange[], who: { by: string; at: number }): Promise<number> {
  const record = historyRecordSchema.parse({ at: who.at, by: who.by, action, summary, changes });
  return db.transaction('rw', db.phrasebookEdits, db.phrasebookHistory, async () => {
    await write(db, changes);
    return (await db.phrasebookHistory.add(record)) as number;
  });
}

/** Undoes one history record (an import as a whole); the undo is itself recorded. */
export async function undoRecord(db: TactDb, id: number, who: { by: string; at: number }): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  return db.transaction('rw', db.phrasebookEdits, db.phrasebookHistory, async () => {
    const record = await db.phrasebookHistory.get(id);
    if (!record) return { ok: false as const, message: 'No such change.' };
    const plan = planUndo(record, await db.phrasebookEdits.toArray());
    if (!plan.ok) return plan;
    await write(db, plan.changes);
    await db.phrasebookHistory.update(id, { undoneAt: who.at, undoneBy: who.by });
    const undo: HistoryRecord = historyRecordSchema.parse({ at: who.at, by: who.by, action: 'undo', summary: `Undid: ${record.summary}`, changes: plan.changes, undoes: id });
    return { ok: true as const, id: (await db.phrasebookHistory.add(undo)) as number };
  });
}

export async function resolveFlag(db: TactDb, feedbackId: number, entryId: string, who: { by: string; at: number }) {
  await db.flagReviews.put({ feedbackId, entryId, resolvedAt: who.at, resolvedBy: who.by });
}

export async function reopenFlag(db: TactDb, feedbackId: number) {
  await db.flagReviews.delete(feedbackId);
}
