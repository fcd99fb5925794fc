import type { Feedback } from '../storage/feedback';

// The flag queue: agents' "unhelpful" flags grouped by entry, most flagged first, with the QA
// lead's verdict kept beside the flag (the agent's record itself stays as recorded).

export interface FlagReview {
  feedbackId: number;
  entryId: string;
  resolvedAt: number;
  resolvedBy: string;
}

export interface FlagGroup {
  entryId: string;
  open: Feedback[];
  resolved: Feedback[];
}

/** Flags (not undone) grouped by entry; groups with open flags first, then by how many, then id. */
export function groupFlags(feedback: readonly Feedback[], reviews: readonly FlagReview[]): FlagGroup[] {
  const resolved = new Set(reviews.map((r) => r.feedbackId));
  const groups = new Map<string, FlagGroup>();
  for (const f of feedback) {
    if (f.kind !== 'flag' || f.undoneAt !== undefined || f.id === undefined) continue;
    let g = groups.get(f.entryId);
    if (!g) groups.set(f.entryId, (g = { entryId: f.entryId, open: [], resolved: [] }));
    (resolved.has(f.id) ? g.resolved : g.open).push(f);
  }
  for (const g of groups.values()) for (const list of [g.open, g.resolved]) list.sort((a, b) => b.createdAt - a.createdAt);
  return [...groups.values()].sort((a, b) => b.open.length - a.open.length || b.resolved.length - a.resolved.length || (a.entryId < b.entryId ? -1 : 1));
}
