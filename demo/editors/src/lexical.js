// Lexical (vanilla, rich text) with its history plugin: Ctrl+Z is Lexical's own undo.
/* global window, document */
import { $getRoot, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';

const editor = createEditor({
  namespace: 'tact-demo',
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(document.getElementById('editor'));
mergeRegister(registerRichText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
// One line per paragraph, as the agent typed them (Lexical's own getTextContent puts a blank line between).
window.__editorText = () => editor.getEditorState().read(() => $getRoot().getChildren().map((block) => block.getTextContent()).join('\n'));
window.__editorReady = true;
