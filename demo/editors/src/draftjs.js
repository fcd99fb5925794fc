// Draft.js 0.11 in React, with the usual key bindings (Ctrl+Z is Draft's own undo).
/* global window, document */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState, RichUtils } from 'draft-js';
import 'draft-js/dist/Draft.css';

let current = EditorState.createEmpty();
function Reply() {
  const [state, setState] = useState(current);
  current = state;
  return h(Editor, {
    editorState: state,
    onChange: setState,
    placeholder: 'Write your reply…',
    handleKeyCommand: (command, s) => {
      const next = RichUtils.handleKeyCommand(s, command);
      if (!next) return 'not-handled';
      setState(next);
      return 'handled';
    },
  });
}
createRoot(document.getElementById('editor')).render(h(Reply));
window.__editorText = () => current.getCurrentContent().getPlainText('\n');
window.__editorReady = true;
