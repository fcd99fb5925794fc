// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { bridgeFor } from '../../lib/editors';

// What a site marks as the reply box (the editable itself or a wrapper around an editor), and the
// bridge that must take it: the most specific editor wins over the generic contenteditable.
test.each([
  ['a textarea', '<textarea data-tact-draft></textarea>', 'textarea'],
  ['a wrapper around a textarea', '<div data-tact-draft><textarea></textarea></div>', 'textarea'],
  ['a plain contenteditable', '<div data-tact-draft contenteditable="true"></div>', 'contenteditable'],
  ['a ProseMirror mount', '<div data-tact-draft><div class="ProseMirror" contenteditable="true"><p>a</p></div></div>', 'prosemirror'],
  ['a CKEditor 5 wrapper', '<div data-tact-draft><div class="ck-content ck-editor__editable" contenteditable="true"></div></div>', 'ckeditor5'],
  ['a Quill wrapper with its link box', '<div data-tact-draft><div class="ql-editor" contenteditable="true"></div><div class="ql-tooltip"><input type="text"></div></div>', 'quill'],
  ['a Draft.js root', '<div data-tact-draft><div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"></div></div></div>', 'draftjs'],
  ['a Lexical root', '<div data-tact-draft contenteditable="true" data-lexical-editor="true"><p><span data-lexical-text="true">a</span></p></div>', 'lexical'],
  ['a slate-react editable', '<div data-tact-draft><div data-slate-editor="true" contenteditable="true" role="textbox"></div></div>', 'slate'],
  ['the editable inside a rich editor', '<div class="ProseMirror" contenteditable="true"><p data-tact-draft>a</p></div>', 'prosemirror'],
  ['a wrapper with nothing editable', '<div data-tact-draft><p>read only</p></div>', null],
])('%s', (_name, html, id) => {
  document.body.innerHTML = html;
  const el = document.querySelector('[data-tact-draft]')!;
  expect(bridgeFor(el)?.id ?? null).toBe(id);
});
