// Slate (slate-react in React 19) with slate-history: Ctrl+Z is Slate's own undo.
/* global window, document */
import { createElement as h, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Node } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';
import { withHistory } from 'slate-history';

let current;
function Reply() {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  current = editor;
  return h(
    Slate,
    { editor, initialValue: [{ type: 'paragraph', children: [{ text: '' }] }] },
    h(Editable, { placeholder: 'Write your reply…', className: 'slate-editable' }),
  );
}
createRoot(document.getElementById('editor')).render(h(Reply));
window.__editorText = () => (current ? current.children.map((block) => Node.string(block)).join('\n') : '');
window.__editorReady = true;
