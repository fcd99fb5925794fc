import Dexie, { type EntityTable } from 'dexie';
import { feedbackSchema, type Feedback } from './feedback';
import { dismissalKey } from '../draft-analysis';
import type { CachedAnswer } from '../ai/cache';
import type { EntryEdit } from '../studio/overlay';
import type { HistoryRecord } from '../studio/history';
import type { FlagReview } from '../studio/flags';

/**
 * Tact's IndexedDB, shared by the side panel, the settings/studio pages and the worker (one origin).
 * Versions are numbered migrations: add a new `version(n)` below, never edit an old one, and extend
 * tests/unit/storage-db.test.ts so it walks every version.
 */
export class TactDb extends Dexie {
  feedback!: EntityTable<Feedback, 'id'>;
  /** AI rewrites by a hash of model + redacted prompt (lib/ai/cache.ts): placeholders, never personal data. */
  aiRewrites!: EntityTable<CachedAnswer, 'key'>;
  /** Claude's readings of customers, keyed the same way (lib/ai/reading.ts). */
  aiReadings!: EntityTable<CachedAnswer, 'key'>;
  /** The phrasebook studio's team edits, one row per entry id (lib/studio/overlay.ts). */
  phrasebookEdits!: EntityTable<EntryEdit, 'id'>;
  /** Every studio change with its before and after, for undo (lib/studio/history.ts). */
  phrasebookHistory!: EntityTable<HistoryRecord, 'id'>;
  /** QA leads' verdicts on flagged suggestions, keyed by the flag's feedback id. */
  flagReviews!: EntityTable<FlagReview, 'feedbackId'>;

  constructor(name = 'tact', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      // [conversationId+kind] answers "what was dismissed in this conversation" in one range.
      feedback: '++id, kind, entryId, createdAt, [conversationId+kind]',
    });
    // v2: the AI fallback's answer cache; createdAt lets old answers be swept.
    this.version(2).stores({
      aiRewrites: 'key, createdAt',
    });
    // 3, the phrasebook studio. New tables only: nothing to migrate.
    this.version(3).stores({
      phrasebookEdits: 'id, updatedAt',
      phrasebookHistory: '++id, at',
      flagReviews: 'feedbackId, entryId',
    });
    // 4: Claude's readings of customers, cached like rewrites. New table only.
    this.version(4).stores({
      aiReadings: 'key, createdAt',
    });
  }

  /** Validates and stores one feedback record; returns its id. */
  async record(feedback: Omit<Feedback, 'id' | 'createdAt'> & { createdAt?: number }): Promise<number> {
    const row = feedbackSchema.parse({ createdAt: Date.now(), ...feedback });
    return (await this.feedback.add(row)) as number;
  }

  /** Marks a record undone (kept for the QA history rather than deleted). */
  async undo(id: number): Promise<void> {
    await this.feedback.update(id, { undoneAt: Date.now() });
  }

  /** Dismissals still in force (not undone) in a conversation. */
  private async dismissalsIn(conversationId: string): Promise<Feedback[]> {
    const rows = await this.feedback.where({ conversationId, kind: 'dismiss' }).toArray();
    return rows.filter((r) => r.undoneAt === undefined);
  }

  /** Sentences (lower-cased) whose AI rewrite the agent dismissed in a conversation: not offered again there. */
  async aiDismissedIn(conversationId: string): Promise<Set<string>> {
    const rows = await this.dismissalsIn(conversationId);
    return new Set(rows.filter((r) => r.source === 'ai').map((r) => r.phrase.toLowerCase()));
  }

  /** Dismissal keys (entry id + phrase) still in force for a conversation. */
  async dismissedIn(conversationId: string): Promise<Set<string>> {
    return new Set((await this.dismissalsIn(conversationId)).map((r) => dismissalKey(r.entryId, r.phrase)));
  }
}

