// ProseMirror with the basic schema and the example setup (history, keymaps, input rules), no menu.
/* global window, document */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { exampleSetup } from 'prosemirror-example-setup';
import 'prosemirror-view/style/prosemirror.css';

const view = new EditorView(document.getElementById('editor'), {
  state: EditorState.create({ schema, plugins: exampleSetup({ schema, menuBar: false }) }),
});
// Hard breaks count as "\n", as they read on screen.
window.__editorText = () => {
  const doc = view.state.doc;
  return doc.textBetween(0, doc.content.size, '\n', (node) => (node.type.name === 'hard_break' ? '\n' : ''));
};
window.__editorReady = true;
