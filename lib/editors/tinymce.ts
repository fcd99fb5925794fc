import type { EditorBridge } from './bridge';
import { richBridge } from './rich-bridge';

/** TinyMCE's editable body (`body#tinymce`), in its iframe when the site marked the editor's wrapper. */
function tinymceBody(el: Element): HTMLElement | null {
  if (el.tagName === 'BODY' && el.id === 'tinymce') return el as HTMLElement;
  const inside = el.closest('body#tinymce');
  if (inside) return inside as HTMLElement;
  // The site may mark the <textarea> TinyMCE hides and follows with its own container.
  const scope = el.tagName === 'TEXTAREA' && el.nextElementSibling?.classList.contains('tox-tinymce') ? el.nextElementSibling : el;
  const frame = (scope.tagName === 'IFRAME' ? scope : scope.querySelector('iframe')) as HTMLIFrameElement | null;
  // contentDocument is null for a cross-origin frame: not ours to touch.
  const body = frame?.contentDocument?.body;
  return body?.id === 'tinymce' ? body : null;
}

/**
 * TinyMCE (iframe mode). Its paste handler takes a synthetic paste with a DataTransfer as one
 * undo level (it does not cancel the event, so only reading back tells). Events are built from
 * the iframe's own constructors and the selection is the iframe's.
 */
const { range: _range, ...bridge } = richBridge('tinymce', tinymceBody, ['paste', 'execCommand']);
/**
 * No `range`: its rectangles would be in the iframe's coordinates, and underlines are drawn in the
 * page's. `caret` stays: it is an offset in the text, read from the iframe's own selection.
 */
export const tinymceBridge: EditorBridge = bridge;
