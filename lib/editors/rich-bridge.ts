import type { EditorBridge } from './bridge';
import { QUOTE_SELECTOR } from '../reply-end';
import { readDomText } from './dom-text';
import { writeSpan, type WriteMethod } from './write-span';

/**
 * A bridge for a contenteditable-based editor: `find` gets its editable element from whatever the
 * site marked (the editable itself, or a wrapper around the editor), the text comes from the
 * shared walker, and `methods` are the write methods that editor takes, best first.
 */
export function richBridge(id: string, find: (el: Element) => HTMLElement | null, methods: readonly WriteMethod[]): EditorBridge {
  const read = (el: Element) => {
    const editable = find(el);
    return editable ? readDomText(editable).text : '';
  };
  return {
    id,
    accepts: (el) => find(el) !== null,
    editable: find,
    read,
    async replace(el, start, end, text) {
      const editable = find(el);
      if (!editable) return { ok: false, message: 'The reply box is gone from the page; the draft is unchanged.' };
      return writeSpan(editable, () => readDomText(editable).text, start, end, text, methods);
    },
    range(el, start, end) {
      const editable = find(el);
      return editable ? readDomText(editable).range(start, end) : null;
    },
    quoteStart(el) {
      const editable = find(el);
      const marker = editable?.querySelector(QUOTE_SELECTOR);
      return editable && marker ? readDomText(editable).offsetOf(marker, 0) : null;
    },
    caret(el) {
      const editable = find(el);
      const selection = editable?.ownerDocument.getSelection();
      if (!editable || !selection?.focusNode || !editable.contains(selection.focusNode)) return null;
      return readDomText(editable).offsetOf(selection.focusNode, selection.focusOffset);
    },
  };
}

/** The element matching `selector` that is `el`, holds `el`, or sits inside the marked wrapper `el`. */
export function findEditable(el: Element, selector: string): HTMLElement | null {
  return (el.closest(selector) ?? el.querySelector(selector)) as HTMLElement | null;
}
