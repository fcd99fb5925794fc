import { expect, test } from 'vitest';
import { prng } from '../../scripts/prng';
import { applyEdit, editBetween } from '../../lib/draft-edit';

const PIECES = ['a', 'b', ' ', '.', '\n', 'é', '好', '😀', '👍🏽', 'calm down'];

test('typing, deleting and pasting: the edit rebuilds the new text from the old, in one span', () => {
  expect(editBetween('Hello wrld', 'Hello world')).toEqual({ at: 7, cut: 0, text: 'o' });
  expect(editBetween('Please calm down.', 'Please .')).toEqual({ at: 7, cut: 9, text: '' });
  expect(editBetween('same', 'same')).toEqual({ at: 4, cut: 0, text: '' });
  expect(editBetween('', 'new draft')).toEqual({ at: 0, cut: 0, text: 'new draft' });
});

test('2,000 random edits round-trip, and no edit splits an emoji into lone surrogates', () => {
  const random = prng(3);
  const pick = () => PIECES[Math.floor(random() * PIECES.length)]!;
  let text = '';
  for (let i = 0; i < 2000; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const cut = Math.floor(random() * 4);
    // Cut and insert whole pieces only, as an editor does (it never leaves half an emoji).
    const safeAt = /[\udc00-\udfff]/.test(text[at] ?? '') ? at - 1 : at;
    let end = Math.min(text.length, safeAt + cut);
    if (/[\udc00-\udfff]/.test(text[end] ?? '')) end++;
    const next = text.slice(0, safeAt) + (random() < 0.7 ? pick() + pick() : '') + text.slice(end);
    const edit = editBetween(text, next);
    expect(applyEdit(text, edit)).toBe(next);
    expect(edit.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    expect(JSON.parse(JSON.stringify(edit.text))).toBe(edit.text);
    text = next;
  }
});

test('an edit that does not fit the text is refused, not applied', () => {
  expect(applyEdit('short', { at: 3, cut: 9, text: 'x' })).toBeNull();
  expect(applyEdit('short', { at: -1, cut: 0, text: 'x' })).toBeNull();
});
