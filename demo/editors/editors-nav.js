// The queue lists the reply-box variants, so a person trying the demo can switch editors.
/* global document, location */
const EDITORS = ['textarea-react', 'contenteditable', 'prosemirror', 'ckeditor5', 'quill', 'draftjs', 'tinymce', 'lexical', 'slate'];
const queue = document.getElementById('queue');
for (const id of EDITORS) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = `./${id}.html`;
  a.textContent = id;
  if (location.pathname.endsWith(`/${id}.html`)) a.setAttribute('aria-current', 'page');
  li.append(a);
  queue.append(li);
}
