// Quill 2 with the snow theme.
/* global window */
import Quill from 'quill';
import 'quill/dist/quill.snow.css';

const quill = new Quill('#editor', { theme: 'snow', placeholder: 'Write your reply…' });
// getText() always ends with the final line's "\n"; the draft does not.
window.__editorText = () => quill.getText().replace(/\n$/, '');
window.__editorReady = true;
