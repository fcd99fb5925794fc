// A <textarea> cannot hold highlights, so we lay out an invisible copy of it (same box, font and
// wrapping) and read where the flagged spans fall. The copy lives in Tact's own shadow root, never
// in the page's editor.
//
// The copy is laid out unscrolled and its rects are kept relative to its own box, so a scroll or a
// moved field only shifts them: laying the copy out again on every scroll frame cost ~450 ms a
// frame on a 1 MB draft (measured in Chromium 156). It holds the text only up to the end of the
// last span (text after it cannot move it, unless the lines are centred, justified or end-aligned:
// then up to the end of that line).
//
// The copy stays in place between measurements, one block per line of the field's text (a hard
// line break ends a line box in the field too, so each block wraps exactly as its line does), and
// only the blocks whose text or spans changed are rewritten: Chromium then lays out those blocks
// again and merely moves the rest. Rebuilding the whole copy was the costliest part of a keystroke
// that adds or removes an underline on a 5 KB draft.

const COPIED = [
  'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'tabSize', 'direction', 'textAlign',
  // Tact's host resets inherited styles (`all: initial`): what else changes where a line wraps.
  'wordBreak', 'lineBreak', 'hyphens', 'fontKerning', 'fontFeatureSettings', 'fontVariationSettings', 'textRendering',
] as const;

/** How far above the viewport the copy is laid out (whole pixels). */
const OFFSCREEN = 100_000;

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

/** One hard line of the copy: its text, the spans in it (as offsets in the line) and its marks. */
interface Line {
  block: HTMLDivElement;
  text: string;
  spans: string;
  marks: HTMLSpanElement[];
}

interface Mirror {
  field: Element;
  /** The copied style and box, as one string: when it changes the copy is made anew. */
  style: string;
  el: HTMLDivElement;
  lines: Line[];
  /** The last measurement: the same text and spans give the same rects without touching the copy. */
  text: string;
  spans: string;
  /** Per span, rects relative to the copy's border box (the field's, scrolled to the top left). */
  rects: Box[][];
}

/** One copy per layout root (Tact underlines one editor at a time). */
const mirrors = new WeakMap<Node, Mirror>();

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
  const styleKey = [box.width, field.clientWidth, field.offsetWidth, ...COPIED.map((k) => style[k])].join('|');
  const spansKey = spans.map((s) => `${s.start}-${s.end}`).join(',');

  let mirror = mirrors.get(container);
  if (!mirror || mirror.field !== field || mirror.style !== styleKey || !mirror.el.isConnected) {
    mirror?.el.remove();
    mirror = { field, style: styleKey, el: makeCopy(field, style, box), lines: [], text: '', spans: '', rects: [] };
    container.appendChild(mirror.el);
    mirrors.set(container, mirror);
  }
  if (mirror.text !== text || mirror.spans !== spansKey) {
    mirror.rects = measure(mirror, text, spans, style.textIndent);
    mirror.text = text;
    mirror.spans = spansKey;
  }
  const dx = box.left - field.scrollLeft;
  const dy = box.top - field.scrollTop;
  return mirror.rects.map((rs) =>
    rs
      .map((r) => new view.DOMRect(r.left + dx, r.top + dy, r.width, r.height))
      .filter((r) => r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right),
  );
}

function makeCopy(field: HTMLTextAreaElement | HTMLInputElement, style: CSSStyleDeclaration, box: DOMRect) {
  const mirror = field.ownerDocument.createElement('div');
  const m = mirror.style;
  for (const key of COPIED) m[key] = style[key];
  const singleLine = field.tagName === 'INPUT';
  // The copy grows to its full height (unscrolled, unclipped), so it may hold less text than the field.
  m.height = 'auto';
  m.minHeight = singleLine ? style.height : '0';
  // `container` is Tact's fixed, viewport-sized layer, which clips what it paints. Rects are read
  // relative to the copy, so it sits above the viewport: a rewritten line then invalidates no
  // pixels the page must raster again. Shifted by whole pixels, it keeps the field's sub-pixel offset.
  m.position = 'absolute';
  m.left = `${box.left}px`;
  m.top = `${box.top - OFFSCREEN}px`;
  m.visibility = 'hidden';
  m.overflow = 'visible';
  m.borderColor = 'transparent';
  m.whiteSpace = singleLine ? 'pre' : 'pre-wrap';
  m.overflowWrap = singleLine ? 'normal' : 'break-word';
  // A field with a scrollbar wraps its text narrower by the scrollbar's width: so must the copy.
  const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
  const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borders);
  if (scrollbar) m.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;
  return mirror;
}

/** Brings the copy's lines up to `text` and `spans` and reads each span's rects. */
function measure(mirror: Mirror, text: string, spans: readonly Span[], textIndent: string): Box[][] {
  const doc = mirror.el.ownerDocument;
  const lines = text.split('\n');
  // Per line, the pieces of spans in it (a span may cross a line break: one piece per line).
  const pieces: { span: number; start: number; end: number }[][] = lines.map(() => []);
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  let line = 0;
  spans.forEach((span, index) => {
    if (span.end > text.length || span.start >= span.end) return; // out of date: no rects
    while (line > 0 && starts[line]! > span.start) line--;
    while (line + 1 < lines.length && starts[line + 1]! <= span.start) line++;
    for (let l = line; l < lines.length && starts[l]! < span.end; l++) {
      const start = Math.max(span.start - starts[l]!, 0);
      const end = Math.min(span.end - starts[l]!, lines[l]!.length);
      if (end > start) pieces[l]!.push({ span: index, start, end });
    }
  });
  // A text-indent moves only the field's first line, unless it says each-line.
  const indentEach = textIndent.includes('each-line');

  const marks: HTMLSpanElement[][] = spans.map(() => []);
  lines.forEach((lineText, i) => {
    const own = pieces[i]!;
    const key = own.map((p) => `${p.start}-${p.end}`).join(',');
    let held = mirror.lines[i];
    if (!held || held.text !== lineText || held.spans !== key) {
      const block = held?.block ?? doc.createElement('div');
      if (!held) {
        if (i > 0 && !indentEach) block.style.textIndent = '0';
        mirror.el.appendChild(block);
      }
      const children: Node[] = [];
      const lineMarks: HTMLSpanElement[] = [];
      let at = 0;
      for (const p of own) {
        if (p.start < at) {
          lineMarks.push(doc.createElement('span')); // overlapping spans: the first one holds the text
          continue;
        }
        children.push(doc.createTextNode(lineText.slice(at, p.start)));
        const mark = doc.createElement('span');
        mark.textContent = lineText.slice(p.start, p.end);
        children.push(mark);
        lineMarks.push(mark);
        at = p.end;
      }
      // An empty line still takes a line's height in the field: the zero-width space gives it one.
      // (Only there: after trailing spaces it could wrap to a line of its own.)
      children.push(doc.createTextNode(lineText ? lineText.slice(at) : '\u200b'));
      block.replaceChildren(...children);
      held = { block, text: lineText, spans: key, marks: lineMarks };
      mirror.lines[i] = held;
    }
    own.forEach((p, k) => {
      const mark = held.marks[k];
      if (mark) marks[p.span]!.push(mark);
    });
  });
  for (const gone of mirror.lines.splice(lines.length)) gone.block.remove();

  const origin = mirror.el.getBoundingClientRect();
  return marks.map((ms) =>
    ms.flatMap((mark) =>
      [...mark.getClientRects()].map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height })),
    ),
  );
}
