// TinyMCE self-hosted from the npm package (GPL licence key): the editable is the body of an iframe.
/* global window, location, URL, tinymce */
const [editor] = await tinymce.init({
  selector: '#tiny',
  license_key: 'gpl',
  base_url: new URL('./vendor/tinymce', location.href).pathname,
  suffix: '.min',
  menubar: false,
  toolbar: 'undo redo | bold italic',
  plugins: [],
  promotion: false,
  branding: false,
  height: 260,
});
// TinyMCE's text format puts a blank line between paragraphs; the draft has one "\n".
window.__editorText = () => editor.getContent({ format: 'text' }).replace(/\n\n/g, '\n');
window.__editor = editor;
window.__editorReady = true;
