import type { EditorBridge } from './bridge';

type TextField = HTMLTextAreaElement | HTMLInputElement;

const isTextField = (el: Element): el is TextField =>
  el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text');

/**
 * <textarea> and text inputs, React-controlled ones included. Selecting the span and running
 * execCommand('insertText') goes through the browser's own editing path: it fires `input`
 * (React's onChange follows), keeps the native undo stack and leaves the caret after the text.
 * setRangeText or assigning `value` would lose undo, so they are not used.
 */
export const textareaBridge: EditorBridge = {
  id: 'textarea',
  accepts: isTextField,
  read: (el) => (el as TextField).value,
  async replace(el, start, end, text) {
    const field = el as TextField;
    const expected = field.value.slice(0, start) + text + field.value.slice(end);
    field.focus();
    field.setSelectionRange(start, end);
    const inserted = field.ownerDocument.execCommand('insertText', false, text);
    if (inserted && field.value === expected) return { ok: true };
    return { ok: false, message: 'The text box did not accept the change; the draft is unchanged.' };
  },
};
