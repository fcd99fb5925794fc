import { describe, expect, test } from 'vitest';
import { usageByEntry, usageToCsv } from '../../lib/studio/usage';
import type { Feedback } from '../../lib/storage/feedback';

const row = (entryId: string, kind: Feedback['kind'], createdAt: number, extra: Partial<Feedback> = {}): Feedback => ({
  kind,
  entryId,
  locale: 'en',
  source: 'phrasebook',
  site: 'demo',
  conversationId: 'T-1',
  phrase: 'calm down',
  sentence: 'Please calm down.',
  createdAt,
  ...(kind === 'flag' ? { reason: 'off-brand' as const } : {}),
  ...extra,
});

describe('usageByEntry', () => {
  const feedback = [
    row('en-calm-down', 'apply', 10),
    row('en-calm-down', 'dismiss', 20),
    row('en-calm-down', 'flag', 30),
    row('en-calm-down', 'apply', 40, { undoneAt: 41 }),
    row('en-policy', 'apply', 50),
    row('en-policy', 'apply', 60),
    row('en-soon', 'dismiss', 70),
  ];

  test('counts what agents did per entry, undone actions apart, the most rejected first', () => {
    expect(usageByEntry(feedback)).toEqual([
      { entryId: 'en-calm-down', applied: 1, dismissed: 1, flagged: 1, undone: 1, accepted: 1 / 3, lastAt: 40 },
      { entryId: 'en-soon', applied: 0, dismissed: 1, flagged: 0, undone: 0, accepted: 0, lastAt: 70 },
      { entryId: 'en-policy', applied: 2, dismissed: 0, flagged: 0, undone: 0, accepted: 1, lastAt: 60 },
    ]);
  });

  test('only what happened since a time', () => {
    expect(usageByEntry(feedback, 45).map((u) => [u.entryId, u.applied, u.dismissed])).toEqual([
      ['en-soon', 0, 1],
      ['en-policy', 2, 0],
    ]);
  });

  test('as CSV: one row per entry, the share applied as 0..1, the last action as an ISO date', () => {
    const csv = usageToCsv(usageByEntry([row('en-calm-down', 'apply', Date.UTC(2026, 11, 3)), row('en-calm-down, "quoted"', 'dismiss', 0)]));
    expect(csv.split('\n')).toEqual([
      'entryId,applied,dismissed,flagged,accepted,undone,lastAt',
      '"en-calm-down, ""quoted""",0,1,0,0.000,0,1970-01-01T00:00:00.000Z',
      'en-calm-down,1,0,0,1.000,0,2026-12-03T00:00:00.000Z',
      '',
    ]);
  });
});
