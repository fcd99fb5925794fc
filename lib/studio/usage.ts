import Papa from 'papaparse';
import type { Feedback } from '../storage/feedback';

// What agents do with each entry's suggestions, for the QA lead: applied, dismissed, flagged. An
// entry agents mostly dismiss or flag is one to rewrite or narrow. Tact records what an agent did
// with a suggestion, not how often one was shown, so a suggestion ignored counts nowhere.

export interface EntryUsage {
  entryId: string;
  applied: number;
  dismissed: number;
  flagged: number;
  /** Applies and dismissals the agent took back (not counted above). */
  undone: number;
  /** Of the suggestions acted on, the share applied (0..1). */
  accepted: number;
  lastAt: number;
}

/** Usage per entry since `since` (epoch ms), the most rejected (dismissed + flagged) first. */
export function usageByEntry(feedback: readonly Feedback[], since = 0): EntryUsage[] {
  const byEntry = new Map<string, EntryUsage>();
  for (const f of feedback) {
    if (f.createdAt < since) continue;
    let u = byEntry.get(f.entryId);
    if (!u) byEntry.set(f.entryId, (u = { entryId: f.entryId, applied: 0, dismissed: 0, flagged: 0, undone: 0, accepted: 0, lastAt: 0 }));
    u.lastAt = Math.max(u.lastAt, f.createdAt);
    if (f.undoneAt !== undefined) u.undone++;
    else if (f.kind === 'apply') u.applied++;
    else if (f.kind === 'dismiss') u.dismissed++;
    else u.flagged++;
  }
  const out = [...byEntry.values()];
  for (const u of out) {
    const acted = u.applied + u.dismissed + u.flagged;
    u.accepted = acted ? u.applied / acted : 0;
  }
  const rejected = (u: EntryUsage) => u.dismissed + u.flagged;
  return out.sort((a, b) => rejected(b) - rejected(a) || b.applied - a.applied || (a.entryId < b.entryId ? -1 : 1));
}

const USAGE_COLUMNS = ['entryId', 'applied', 'dismissed', 'flagged', 'accepted', 'undone', 'lastAt'] as const;

/** The usage table as CSV, for a report or a spreadsheet: the share applied as 0..1, the last action as an ISO date. */
export function usageToCsv(usage: readonly EntryUsage[]): string {
  const data = usage.map((u) => [u.entryId, u.applied, u.dismissed, u.flagged, u.accepted.toFixed(3), u.undone, new Date(u.lastAt).toISOString()]);
  return Papa.unparse({ fields: [...USAGE_COLUMNS], data }, { newline: '\n' }) + '\n';
}
