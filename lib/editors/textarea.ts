import type { EditorBridge } from './bridge';

type TextField = HTMLTextAreaElement | HTMLInputElement;

const isTextField = (el: Element): el is TextField =>
  el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text');

/**
 * The field itself, or the textarea inside a wrapper the site marked. A wrapper holding a
 * contenteditable or an iframe is a rich editor, whose own inputs (Quill's link box, the
 * textarea TinyMCE hides) are not the draft.
 */
function fieldOf(el: Element): TextField | null {
  if (isTextField(el)) return el;
  if (el.querySelector('[contenteditable], iframe')) return null;
  return el.querySelector('textarea');
}

/**
 * <textarea> and text inputs, React-controlled ones included. Selecting the span and running
 * execCommand('insertText') goes through the browser's own editing path: it fires `input`
 * (React's onChange follows), keeps the native undo stack and leaves the caret after the text.
 * setRangeText or assigning `value` would lose undo, so they are not used.
 */
export const textareaBridge: EditorBridge = {
  id: 'textarea',
  accepts: (el) => fieldOf(el) !== null,
  // The field itself when the site marked a wrapper: the inline card gives the focus back to it.
  editable: fieldOf,
  read: (el) => fieldOf(el)?.value ?? '',
  async replace(el, start, end, text) {
    const field = fieldOf(el);
    if (!field?.isConnected) return { ok: false, message: 'The reply box is gone from the page; the draft is unchanged.' };
    const expected = field.value.slice(0, start) + text + field.value.slice(end);
    field.focus({ preventScroll: true });
    field.setSelectionRange(start, end);
    const inserted = field.ownerDocument.execCommand('insertText', false, text);
    if (inserted && field.value === expected) return { ok: true, via: 'execCommand' };
    // A page that rewrites the value in its input handler (a masked field, say) may still differ.
    return { ok: false, message: 'The text box did not accept the change as asked; check the draft.' };
  },
  caret(el) {
    const field = fieldOf(el);
    return field && field.ownerDocument.activeElement === field ? field.selectionStart : null;
  },
};
