/**
 * The plain text of a contenteditable editor, as its own model sees it, with an exact map between
 * text offsets and DOM positions. innerText drifts from the models (blank lines around <p>,
 * several newlines for an empty paragraph, U+FEFF placeholders), so the text is built by a walk:
 * - every line (a block without block children, or a run of inline content between blocks) is
 *   joined to the next by one "\n": what ProseMirror's textBetween(…, '\n'), Quill's getText,
 *   Draft's getPlainText and CKEditor's model give;
 * - <br> is "\n", except the last one of a line: editors put it there so an empty or
 *   break-ended line keeps its height, and it is not part of the text;
 * - contenteditable=false islands (widgets, mentions' chrome) and zero-width fillers are skipped;
 * - a no-break space reads as a space (one for one, so offsets hold): editors render spaces as
 *   U+00A0 to keep them visible, while their models hold plain spaces.
 * Pure over the DOM passed in: no globals, so it runs in any frame and under happy-dom.
 */

const ELEMENT = 1;
const TEXT = 3;

/** Tags that start a new line. Editors' markup sticks to these; computed style would be slow. */
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
/** U+200B zero-width space, U+FEFF (TinyMCE/ProseMirror caret fillers), U+2060 (CKEditor's inline filler). */
const INVISIBLE = /[\u200B\uFEFF\u2060]/;
const NBSP = /\u00A0/g;

type Piece =
  /** Kept characters of a text node; `at[i]` is the DOM offset of kept char i (null when none were dropped). */
  | { kind: 'text'; start: number; length: number; node: Text; at: number[] | null }
  | { kind: 'br'; start: number; length: 1; node: Element }
  /** An empty line: a position to put the caret in, before its placeholder <br> if it has one. */
  | { kind: 'empty'; start: number; length: 0; node: Node; offset: number };

export interface DomPoint {
  node: Node;
  offset: number;
}

export interface DomText {
  text: string;
  /** The DOM position of a text offset. `backward` prefers the end of the previous line at a line boundary. */
  point(offset: number, affinity?: 'forward' | 'backward'): DomPoint | null;
  /** A Range over [start, end), or null when the offsets are out of the text. */
  range(start: number, end: number): Range | null;
  /** The text offset of a DOM position inside the root, or null when it is outside. */
  offsetOf(node: Node, offset: number): number | null;
}

const isElement = (n: Node): n is Element => n.nodeType === ELEMENT;
const isBlock = (n: Node) => isElement(n) && BLOCK_TAGS.has(n.tagName.toUpperCase());
const indexIn = (n: Node) => Array.prototype.indexOf.call(n.parentNode?.childNodes ?? [], n) as number;

export function readDomText(root: Element): DomText {
  type Line = { pieces: Piece[]; container: Element; inline: boolean };
  const lines: Line[] = [];
  let line: Line = { pieces: [], container: root, inline: false };
  const blockChildCache = new Map<Node, boolean>();
  const hasBlockChild = (n: Node) => {
    let v = blockChildCache.get(n);
    if (v === undefined) blockChildCache.set(n, (v = Array.prototype.some.call(n.childNodes, isBlock) as boolean));
    return v;
  };

  const commit = (force: boolean) => {
    if (force || line.inline) lines.push(line);
    line = { pieces: [], container: line.container, inline: false };
  };

  const walk = (node: Node) => {
    if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      // Indentation between blocks in the page's HTML is not text the agent wrote.
      if (!data.trim() && /\n/.test(data) && node.parentNode && hasBlockChild(node.parentNode)) return;
      let at: number[] | null = null;
      let length = data.length;
      if (INVISIBLE.test(data)) {
        at = [];
        for (let i = 0; i < data.length; i++) if (!INVISIBLE.test(data[i]!)) at.push(i);
        length = at.length;
      }
      line.pieces.push({ kind: 'text', start: 0, length, node: node as Text, at });
      if (length > 0) line.inline = true;
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (node !== root && node.getAttribute('contenteditable') === 'false') return;
    if (tag === 'BR') {
      line.pieces.push({ kind: 'br', start: 0, length: 1, node });
      line.inline = true;
      return;
    }
    if (node !== root && isBlock(node)) {
      commit(false); // inline content before this block is a line of its own
      const outer = line.container;
      line.container = node;
      for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
      // A block with no blocks inside is a line even when empty; a wrapper only if it held inline text.
      commit(!hasBlockChild(node));
      line.container = outer;
      return;
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  for (let c = root.firstChild; c; c = c.nextSibling) walk(c);
  commit(lines.length === 0 && !hasBlockChild(root));

  const pieces: Piece[] = [];
  /** Per line: [first piece index, end piece index). */
  const spans: [number, number][] = [];
  let text = '';
  for (const [i, l] of lines.entries()) {
    if (i > 0) text += '\n';
    const own = l.pieces.filter((p) => p.kind !== 'text' || p.length > 0);
    const last = own.at(-1);
    let placeholder: Element | null = null;
    if (last?.kind === 'br') {
      placeholder = last.node;
      own.pop();
    }
    const first = pieces.length;
    if (own.length === 0) {
      const node = placeholder?.parentNode ?? l.container;
      pieces.push({ kind: 'empty', start: text.length, length: 0, node, offset: placeholder ? indexIn(placeholder) : 0 });
    }
    for (const p of own) {
      p.start = text.length;
      text += p.kind === 'text' ? keptText(p.node.data, p.at).replace(NBSP, ' ') : '\n';
      pieces.push(p);
    }
    spans.push([first, pieces.length]);
  }

  // Each offset belongs to one line: the "\n" between lines sits after one line's end and before the next's start.
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[spans[mid]![0]]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo]!;
  };

  // Within a line, affinity only matters where two nodes meet ("<b>bold</b> text"): a range's start
  // goes forward into the next node and its end stays in the previous one, so it stays tight.
  const point = (offset: number, affinity: 'forward' | 'backward' = 'forward'): DomPoint | null => {
    if (offset < 0 || offset > text.length || spans.length === 0) return null;
    const [a, b] = lineOf(offset);
    let p: Piece = affinity === 'forward' ? pieces[b - 1]! : pieces[a]!;
    for (let i = a; i < b; i++) {
      const q = pieces[i]!;
      const end = q.start + q.length;
      if (q.kind === 'empty' || (affinity === 'forward' ? q.start <= offset && offset < end : q.start < offset && offset <= end)) {
        p = q;
        break;
      }
    }
    if (p.kind === 'empty') return { node: p.node, offset: p.offset };
    const k = Math.max(0, Math.min(p.length, offset - p.start));
    if (p.kind === 'br') return { node: p.node.parentNode!, offset: indexIn(p.node) + k };
    if (!p.at) return { node: p.node, offset: k };
    return { node: p.node, offset: k < p.length ? p.at[k]! : p.at[p.length - 1]! + 1 };
  };

  const range = (start: number, end: number): Range | null => {
    if (start > end) return null;
    const s = point(start, 'forward');
    const e = start === end ? s : point(end, 'backward');
    if (!s || !e) return null;
    const r = root.ownerDocument.createRange();
    r.setStart(s.node, s.offset);
    r.setEnd(e.node, e.offset);
    return r;
  };

  const offsetOf = (node: Node, offset: number): number | null => {
    if (node !== root && !root.contains(node)) return null;
    for (const p of pieces) {
      if (p.kind === 'text' && p.node === node) {
        if (!p.at) return p.start + Math.min(offset, p.length);
        let k = 0;
        while (k < p.at.length && p.at[k]! < offset) k++;
        return p.start + k;
      }
    }
    for (const p of pieces) if (p.kind === 'empty' && (p.node === node || p.node.contains(node))) return p.start;
    // An element position (or a node we skipped): the first piece at or after it in document order.
    const before = isElement(node) && offset < node.childNodes.length ? node.childNodes[offset]! : null;
    for (const p of pieces) {
      const pn = p.node;
      const after = before
        ? pn === before || before.contains(pn) || !!(before.compareDocumentPosition(pn) & 4 /* FOLLOWING */)
        : pn !== node && !node.contains(pn) && !!(node.compareDocumentPosition(pn) & 4);
      if (after) return p.start;
    }
    return text.length;
  };

  return { text, point, range, offsetOf };
}

const keptText = (data: string, at: number[] | null) => (at ? at.map((i) => data[i]).join('') : data);
