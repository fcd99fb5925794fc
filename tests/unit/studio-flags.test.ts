import { describe, expect, test } from 'vitest';
import { groupFlags } from '../../lib/studio/flags';
import type { Feedback } from '../../lib/storage/feedback';

const flag = (id: number, entryId: string, over: Partial<Feedback> = {}): Feedback => ({
  id,
  kind: 'flag',
  entryId,
  locale: 'en',
  source: 'phrasebook',
  site: 'demo',
  conversationId: `T-${id}`,
  phrase: 'calm down',
  sentence: 'Please calm down.',
  reason: 'off-brand',
  createdAt: id,
  ...over,
});

describe('flag queue', () => {
  test('flags grouped by entry, most open first; undone flags and other kinds left out; resolved ones apart', () => {
    const feedback = [
      flag(1, 'a-entry'),
      flag(2, 'b-entry'),
      flag(3, 'b-entry'),
      flag(4, 'b-entry', { undoneAt: 9 }),
      flag(5, 'c-entry', { kind: 'dismiss', reason: undefined }),
      flag(6, 'a-entry'),
    ];
    const groups = groupFlags(feedback, [{ feedbackId: 6, entryId: 'a-entry', resolvedAt: 10, resolvedBy: 'Ana' }]);
    expect(groups.map((g) => [g.entryId, g.open.map((f) => f.id), g.resolved.map((f) => f.id)])).toEqual([
      ['b-entry', [3, 2], []],
      ['a-entry', [1], [6]],
    ]);
  });
});
