// CKEditor 5 classic build from the npm package (GPL licence key), with the usual typing features.
/* global window, document */
import { ClassicEditor, Essentials, Paragraph, Bold, Italic, Autoformat, TextTransformation } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';

const editor = await ClassicEditor.create(document.getElementById('ck'), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic, Autoformat, TextTransformation],
  toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
});
// The model's text: one line per block, as the agent sees it.
window.__editorText = () =>
  [...editor.model.document.getRoot().getChildren()]
    .map((block) => [...(block.getChildren?.() ?? [])].map((n) => (n.is('$text') ? n.data : n.is('element', 'softBreak') ? '\n' : '')).join(''))
    .join('\n');
window.__editor = editor;
window.__editorReady = true;
