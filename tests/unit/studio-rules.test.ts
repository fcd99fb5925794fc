import { expect, test } from 'vitest';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
import { rulesSource } from '../../lib/draft-analysis';
import { applyChanges, effectivePhrasebook } from '../../lib/studio/overlay';
import { saveChange } from '../../lib/studio/changes';
import { shipped, teamEntry, who } from './studio-fixtures';

test('a studio change gives the pages new rules with a new version; an unchanged phrasebook sends none', () => {
  let current = compilePhrasebook(effectivePhrasebook(shipped, []).entries);
  const rulesFor = rulesSource(() => current);
  const first = rulesFor(undefined)!;
  expect(first.entries.map((e) => e.id)).toEqual(shipped.map((e) => e.id).sort());
  expect(rulesFor(first.version)).toBeUndefined();

  // What the worker does when the studio saves: a new compiled phrasebook.
  current = compilePhrasebook(effectivePhrasebook(shipped, applyChanges([], [saveChange(undefined, teamEntry(), who)])).entries);
  const second = rulesFor(first.version)!;
  expect(second.version).not.toBe(first.version);
  expect(second.entries.map((e) => e.id)).toContain(teamEntry().id);
  expect(second.entries.find((e) => e.id === teamEntry().id)).not.toHaveProperty('tests');
  expect(rulesFor(second.version)).toBeUndefined();
});
