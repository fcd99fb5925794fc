// A <textarea> cannot hold highlights, so we lay out an invisible copy of it (same box, font and
// wrapping) and read where the flagged spans fall. The copy lives in Tact's own shadow root, never
// in the page's editor.
//
// The copy is laid out unscrolled and its rects are kept relative to the field's content, so a
// scroll or a moved field only shifts them: laying the copy out again on every scroll frame cost
// ~450 ms a frame on a 1 MB draft (measured in Chromium 156). It holds the text only up to the end
// of the last span (text after it cannot move it, unless the lines are centred, justified or
// end-aligned: then up to the end of that line), and is laid out again only when that text, the
// spans or the field's box change: typing after the last flagged phrase costs no layout at all.

const COPIED = [
  'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'tabSize', 'direction', 'textAlign',
  // Tact's host resets inherited styles (`all: initial`): what else changes where a line wraps.
  'wordBreak', 'lineBreak', 'hyphens', 'fontKerning', 'fontFeatureSettings', 'fontVariationSettings', 'textRendering',
] as const;

/** Text kept after the last span when the rest of its line can move it: at most this much. */
const TAIL = 1000;

export interface Span {
  start: number;
  end: number;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Layout {
  /** Everything the rects depend on, as one string. */
  key: string;
  /** The field's text the copy held. */
  text: string;
  /** Per span, rects relative to the field's border box as if it were scrolled to the top left. */
  rects: Box[][];
}

const layouts = new WeakMap<Element, Layout>();

/** Client rectangles of each span of a textarea's value, as the textarea shows them now. */
export function textareaSpanRects(field: HTMLTextAreaElement | HTMLInputElement, spans: readonly Span[], container: Node): DOMRect[][] {
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  if (!view || spans.length === 0) return spans.map(() => []);
  const box = field.getBoundingClientRect();
  const style = view.getComputedStyle(field);
  const value = field.value;
  const lastEnd = Math.min(value.length, Math.max(...spans.map((s) => s.end)));
  const startAligned = style.textAlign === 'start' || style.textAlign === (style.direction === 'rtl' ? 'right' : 'left');
  const lineEnd = value.indexOf('\n', lastEnd);
  const upTo = startAligned ? lastEnd : Math.min(lineEnd < 0 ? value.length : lineEnd, lastEnd + TAIL);
  const text = value.slice(0, upTo);
  const key = [
    box.width,
    field.clientWidth,
    style.font,
    style.letterSpacing,
    style.wordSpacing,
    style.textAlign,
    spans.map((s) => `${s.start}-${s.end}`).join(','),
  ].join('|');
  let layout = layouts.get(field);
  if (!layout || layout.key !== key || layout.text !== text) {
    layout = { key, text, rects: measure(field, style, box, text, spans, container) };
    layouts.set(field, layout);
  }
  const dx = box.left - field.scrollLeft;
  const dy = box.top - field.scrollTop;
  return layout.rects.map((rs) =>
    rs
      .map((r) => new view.DOMRect(r.left + dx, r.top + dy, r.width, r.height))
      .filter((r) => r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right),
  );
}

function measure(field: HTMLTextAreaElement | HTMLInputElement, style: CSSStyleDeclaration, box: DOMRect, text: string, spans: readonly Span[], container: Node): Box[][] {
  const doc = field.ownerDocument;
  const mirror = doc.createElement('div');
  const m = mirror.style;
  for (const key of COPIED) m[key] = style[key];
  const singleLine = field.tagName === 'INPUT';
  // The copy grows to its full height (unscrolled, unclipped), so it may hold less text than the field.
  m.height = 'auto';
  m.minHeight = singleLine ? style.height : '0';
  // `container` is Tact's fixed, viewport-sized layer: absolute there is viewport coordinates.
  m.position = 'absolute';
  m.left = `${box.left}px`;
  m.top = `${box.top}px`;
  m.visibility = 'hidden';
  m.overflow = 'visible';
  m.borderColor = 'transparent';
  m.whiteSpace = singleLine ? 'pre' : 'pre-wrap';
  m.overflowWrap = singleLine ? 'normal' : 'break-word';
  // A field with a scrollbar wraps its text narrower by the scrollbar's width: so must the copy.
  const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
  const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borders);
  if (scrollbar) m.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;

  const marks: HTMLSpanElement[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > text.length) {
      marks.push(doc.createElement('span')); // out of date: an empty span yields no rects
      continue;
    }
    mirror.append(doc.createTextNode(text.slice(at, span.start)));
    const mark = doc.createElement('span');
    mark.textContent = text.slice(span.start, span.end);
    mirror.append(mark);
    marks.push(mark);
    at = span.end;
  }
  mirror.append(doc.createTextNode(text.slice(at) + '\u200b'));
  container.appendChild(mirror);
  const rects = marks.map((mark) =>
    [...mark.getClientRects()].map((r) => ({ left: r.left - box.left, top: r.top - box.top, width: r.width, height: r.height })),
  );
  mirror.remove();
  return rects;
}
