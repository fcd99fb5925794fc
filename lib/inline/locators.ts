import type { EditorBridge } from '../editors/bridge';
import type { Locator } from './inline-suggestions';
import { textareaSpanRects } from './textarea-mirror';

const isField = (el: Element): el is HTMLTextAreaElement | HTMLInputElement => el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';

/** How the underlines find text positions in `el`: a mirror for text fields, DOM ranges otherwise. */
export function locatorFor(el: Element, bridge: EditorBridge, layoutRoot: Node): Locator | null {
  if (isField(el)) {
    return {
      rects: (spans) => textareaSpanRects(el, spans, layoutRoot),
      caret: () => (el.ownerDocument.activeElement === el ? el.selectionStart : null),
    };
  }
  const { range, caret } = bridge;
  if (!range) return null; // an editor we can write but not locate: the panel still shows findings
  return {
    range: (start, end) => range(el, start, end),
    rects: (spans) => spans.map((s) => [...(range(el, s.start, s.end)?.getClientRects() ?? [])]),
    caret: () => caret?.(el) ?? null,
  };
}
