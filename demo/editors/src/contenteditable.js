// A bare contenteditable: the DOM is the only model, so the page's text is what the browser holds.
/* global window, document */
// Looked up on each call: a test re-renders the box the way single-page apps do.
window.__editorText = () => document.querySelector('[data-tact-draft]').innerText.replace(/\n$/, '');
window.__editorReady = true;
