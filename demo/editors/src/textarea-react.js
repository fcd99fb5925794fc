// A React-controlled <textarea>: React owns the value, so a write only sticks if React's onChange sees it.
/* global window, document */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

let text = '';
function Reply() {
  const [value, setValue] = useState('');
  text = value;
  return h('textarea', {
    'data-tact-draft': '',
    rows: 8,
    value,
    placeholder: 'Write your reply…',
    onChange: (e) => setValue(e.target.value),
  });
}
createRoot(document.getElementById('editor')).render(h(Reply));
window.__editorText = () => text;
window.__editorReady = true;
