import type { Entry } from '../phrasebook/schema';
import { normaliseEntry, sameEntry, type EditChange, type EntryEdit, type StudioEntry } from './overlay';

// What each studio action does to the edit rows, as EditChanges (before and after): storage
// applies them and keeps them in the history, and undo applies them backwards.

export type StudioAction = 'add' | 'save' | 'disable' | 'enable' | 'delete' | 'restore' | 'import' | 'undo';

interface Who {
  by: string;
  at: number;
}

const row = (id: string, entry: Entry | null, disabled: boolean, who: Who): EntryEdit => ({
  id,
  entry: entry && normaliseEntry(entry),
  disabled,
  updatedAt: who.at,
  by: who.by,
});

/** Saves an entry (new or edited). Saving a shipped entry back to its shipped text drops the edit. */
export function saveChange(current: StudioEntry | undefined, entry: Entry, who: Who): EditChange {
  const before = current?.edit ?? null;
  const disabled = before?.disabled ?? false;
  const shipped = current?.shipped ?? null;
  const after = shipped && sameEntry(shipped, entry) && !disabled ? null : row(entry.id, entry, disabled, who);
  return { id: entry.id, before, after };
}

/** Keeps an entry out of matching (or lets it back in), edited text and all. */
export function disableChange(current: StudioEntry, disabled: boolean, who: Who): EditChange {
  const before = current.edit;
  const edited = before?.entry ?? null;
  // Enabling an unedited shipped entry again needs no row at all.
  const after = !disabled && current.shipped && (!edited || sameEntry(edited, current.shipped)) ? null : row(current.id, edited ?? current.entry, disabled, who);
  return { id: current.id, before, after };
}

/** Deletes a team entry outright; a shipped one gets a tombstone, so restoring it is possible. */
export function deleteChange(current: StudioEntry, who: Who): EditChange {
  return { id: current.id, before: current.edit, after: current.shipped ? row(current.id, null, false, who) : null };
}

/** Drops every team edit of a shipped entry: back to the shipped text. */
export function restoreChange(current: StudioEntry): EditChange {
  return { id: current.id, before: current.edit, after: null };
}

/** Whether a change changes anything (a save of the same text does not). */
export const isNoop = (c: EditChange) =>
  (c.before === null && c.after === null) ||
  (c.before !== null && c.after !== null && c.before.disabled === c.after.disabled && sameEntry(c.before.entry, c.after.entry));
