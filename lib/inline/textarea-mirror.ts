// A <textarea> cannot hold highlights, so we lay out an invisible copy of it (same box, font and
// wrapping) and read where the flagged spans fall. The copy lives in Tact's own shadow root, never
// in the page's editor.

const COPIED = [
  'boxSizing', 'width', 'height', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'tabSize', 'direction', 'textAlign',
] as const;

export interface Span {
  start: number;
  end: number;
}

/** Client rectangles of each span of a textarea's value, as the textarea shows them now. */
export function textareaSpanRects(field: HTMLTextAreaElement | HTMLInputElement, spans: readonly Span[], container: Node): DOMRect[][] {
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  if (!view || spans.length === 0) return spans.map(() => []);
  const style = view.getComputedStyle(field);
  const box = field.getBoundingClientRect();
  const mirror = doc.createElement('div');
  const m = mirror.style;
  for (const key of COPIED) m[key] = style[key];
  m.position = 'fixed';
  m.left = `${box.left}px`;
  m.top = `${box.top}px`;
  m.visibility = 'hidden';
  m.overflow = 'hidden';
  m.borderColor = 'transparent';
  const singleLine = field.tagName === 'INPUT';
  m.whiteSpace = singleLine ? 'pre' : 'pre-wrap';
  m.overflowWrap = singleLine ? 'normal' : 'break-word';

  const value = field.value;
  const marks: HTMLSpanElement[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > value.length) {
      marks.push(doc.createElement('span')); // out of date: an empty span yields no rects
      continue;
    }
    mirror.append(doc.createTextNode(value.slice(at, span.start)));
    const mark = doc.createElement('span');
    mark.textContent = value.slice(span.start, span.end);
    mirror.append(mark);
    marks.push(mark);
    at = span.end;
  }
  mirror.append(doc.createTextNode(value.slice(at) + '\u200b'));
  container.appendChild(mirror);
  // Scroll the copy like the field so the rects line up with what the agent sees.
  mirror.scrollTop = field.scrollTop;
  mirror.scrollLeft = field.scrollLeft;
  const clip = { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
  const rects = marks.map((mark) =>
    [...mark.getClientRects()].filter((r) => r.bottom > clip.top && r.top < clip.bottom && r.right > clip.left && r.left < clip.right),
  );
  mirror.remove();
  return rects;
}
