import type { Finding } from '../protocol';
import { FLAG_REASON_LABELS, FLAG_REASONS, type FlagReason } from '../flag-reasons';

// Underlines and the hover card, drawn beside the page's editor and never inside it: Chrome's CSS
// Custom Highlight API for contenteditable editors, an overlay in a closed shadow root for text
// fields (and where highlights are missing). Built with DOM APIs only; text goes in as textContent.

/** How to find text positions in one editor (provided by its bridge). */
export interface Locator {
  /** A live DOM Range for [start, end) of the editor's text, where the editor has DOM text. */
  range?(start: number, end: number): Range | null;
  /** Viewport rectangles of each span, in one layout pass. */
  rects(spans: readonly { start: number; end: number }[]): DOMRect[][];
  /** The caret's offset in the editor's text, or null. */
  caret(): number | null;
}

export interface InlineActions {
  apply(finding: Finding, suggestion: string): Promise<{ ok: boolean; message?: string }>;
  dismiss(finding: Finding): Promise<void>;
  flag(finding: Finding, reason: FlagReason): Promise<void>;
}

const SEVERITY_COLOURS = { risk: '#c62828', warning: '#b26a00', hint: '#1565c0' } as const;
const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 350;

const CARD_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; contain: strict; }
.mark { position: absolute; height: 0; border-bottom: 2px solid; pointer-events: none; }
.mark.risk { border-color: ${SEVERITY_COLOURS.risk}; } .mark.warning { border-color: ${SEVERITY_COLOURS.warning}; }
.mark.hint { border-color: ${SEVERITY_COLOURS.hint}; border-bottom-style: dotted; }
.card { position: fixed; pointer-events: auto; z-index: 2147483647; max-width: 340px; min-width: 220px;
  font: 13px/1.4 system-ui, sans-serif; color: #1d2330; background: #fff; border: 1px solid #c9ced8;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 10px; display: grid; gap: 6px; }
@media (prefers-color-scheme: dark) { .card { color: #e7eaf0; background: #1f242c; border-color: #343b47; } }
.card p { margin: 0; } .muted { opacity: .75; font-size: 12px; }
.card button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #c9ced8; background: transparent; color: inherit; padding: 3px 8px; text-align: left; }
.card button.say { border-color: #2f6fde; }
.card button:focus-visible { outline: 2px solid #2f6fde; outline-offset: 1px; }
.row { display: flex; gap: 4px; flex-wrap: wrap; }
s { opacity: .8; }
`;

export class InlineSuggestions {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  /** The underline boxes: redrawn as a whole when any of them moved. */
  private readonly boxesRoot: HTMLDivElement;
  /** Off-screen layout copies, kept between paints (see layoutRoot). */
  private readonly scratch: HTMLDivElement;
  private card: HTMLDivElement | null = null;
  private cardFinding: Finding | null = null;
  private editor: Element | null = null;
  private locator: Locator | null = null;
  private findings: Finding[] = [];
  private ranges = new Map<string, Range>();
  /** Where each finding was drawn in the last frame: hover tests read this, never the layout. */
  private drawn = new Map<string, DOMRect[]>();
  /** The overlay boxes drawn now, as text: a paint that would draw the same ones leaves the DOM alone. */
  private boxesKey = '';
  private frame = 0;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly highlightStyle: HTMLStyleElement | null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly doc: Document,
    private readonly actions: InlineActions,
  ) {
    this.host = doc.createElement('tact-inline');
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const layer = doc.createElement('div');
    layer.className = 'layer';
    this.boxesRoot = doc.createElement('div');
    this.scratch = doc.createElement('div');
    layer.append(this.boxesRoot, this.scratch);
    this.root.append(style, layer);
    doc.documentElement.append(this.host);
    this.highlightStyle = this.highlights ? this.addHighlightStyle() : null;

    const view = doc.defaultView!;
    const onScroll = () => this.schedule();
    const onMove = (e: MouseEvent) => this.onPointer(e.clientX, e.clientY, e.composedPath().includes(this.host));
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    view.addEventListener('resize', onScroll, { passive: true });
    doc.addEventListener('mousemove', onMove, { passive: true });
    doc.addEventListener('keydown', onKey, { capture: true });
    this.cleanups.push(() => {
      doc.removeEventListener('scroll', onScroll, { capture: true });
      view.removeEventListener('resize', onScroll);
      doc.removeEventListener('mousemove', onMove);
      doc.removeEventListener('keydown', onKey, { capture: true });
    });
  }

  /**
   * Underlines `findings` in `editor` (the element the agent types in: the card gives the focus
   * back to it); an empty list clears them. Drawn at once, not on the next frame: findings arrive
   * once per pause in typing, and waiting for a frame added up to 16 ms before the underline.
   */
  show(editor: Element, findings: Finding[], locator: Locator) {
    this.editor = editor;
    this.locator = locator;
    this.findings = findings;
    // Live DOM ranges, made once per analysis (each one walks the editor's text) and reused on
    // every scroll frame; a text field has none and is measured through its mirror instead.
    this.ranges = new Map();
    if (locator.range) {
      for (const f of findings) {
        const range = this.guard(() => locator.range!(f.start, f.end), null);
        if (range) this.ranges.set(f.key, range);
      }
    }
    if (this.cardFinding && !findings.some((f) => f.key === this.cardFinding!.key)) this.closeCard();
    this.paintNow();
  }

  clear() {
    this.findings = [];
    this.ranges = new Map();
    this.closeCard();
    this.schedule();
  }

  destroy() {
    this.clear();
    this.paint();
    for (const c of this.cleanups) c();
    this.host.remove();
    this.highlightStyle?.remove();
  }

  /**
   * Where off-screen layout copies (a textarea's mirror) may be made: inside the fixed layer, so a
   * copy is positioned in viewport coordinates without being a fixed element of its own (each one
   * added or removed would make Chromium rework the page's compositing layers), apart from the
   * underline boxes, so redrawing those leaves the copies alone.
   */
  get layoutRoot(): Node {
    return this.scratch;
  }

  /** Test hook: the keys of what is underlined now. */
  get underlined(): string[] {
    return this.findings.map((f) => f.key);
  }

  private get highlights(): HighlightRegistry | null {
    const css = this.doc.defaultView?.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
    return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
  }

  private addHighlightStyle() {
    const style = this.doc.createElement('style');
    style.textContent = Object.entries(SEVERITY_COLOURS)
      .map(([s, c]) => `::highlight(tact-${s}) { text-decoration: underline ${s === 'hint' ? 'dotted' : 'wavy'} ${c}; text-decoration-thickness: 2px; }`)
      .join('\n');
    (this.doc.head ?? this.doc.documentElement).append(style);
    return style;
  }

  // Layout is read and written once per frame, however many scroll or input events arrive.
  private schedule() {
    if (this.frame) return;
    this.frame = this.doc.defaultView!.requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  private paintNow() {
    if (this.frame) this.doc.defaultView!.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.paint();
  }

  /**
   * Calls into the page's editor (its bridge and layout) can throw on a page we do not control:
   * then Tact draws nothing rather than breaking the frame callback or the caller.
   */
  private guard<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch {
      return fallback;
    }
  }

  // Each paint changes the page's DOM only where the underlines changed: any change costs the
  // page a frame (style, layout, a compositor commit), and most keystrokes change none of them.
  private paint() {
    const locator = this.locator;
    const registry = this.highlights;
    const bySeverity: Record<string, Range[]> = { risk: [], warning: [], hint: [] };
    const boxes: { severity: string; r: DOMRect }[] = [];
    const drawn = new Map<string, DOMRect[]>();
    const overlaid: Finding[] = [];
    for (const f of this.findings) {
      const range = this.ranges.get(f.key);
      if (!range) {
        overlaid.push(f);
        continue;
      }
      const rects = this.guard(() => [...range.getClientRects()], []);
      drawn.set(f.key, rects);
      if (registry) bySeverity[f.severity]!.push(range);
      else for (const r of rects) boxes.push({ severity: f.severity, r });
    }
    const rects = overlaid.length && locator ? this.guard(() => locator.rects(overlaid), []) : [];
    overlaid.forEach((f, i) => {
      drawn.set(f.key, rects[i] ?? []);
      for (const r of rects[i] ?? []) boxes.push({ severity: f.severity, r });
    });
    this.drawn = drawn;
    if (registry) {
      for (const [s, ranges] of Object.entries(bySeverity)) {
        const name = `tact-${s}`;
        const had = registry.get(name);
        if (had && sameRanges([...had] as Range[], ranges)) continue;
        if (ranges.length) registry.set(name, new Highlight(...ranges));
        else if (had) registry.delete(name);
      }
    }
    const key = boxes.map(({ severity, r }) => `${severity} ${r.left} ${r.bottom} ${r.width}`).join('|');
    if (key !== this.boxesKey) {
      this.boxesKey = key;
      this.boxesRoot.replaceChildren(
        ...boxes.map(({ severity, r }) => {
          const mark = this.doc.createElement('div');
          mark.className = `mark ${severity}`;
          mark.style.left = `${r.left}px`;
          mark.style.top = `${r.bottom - 2}px`;
          mark.style.width = `${r.width}px`;
          return mark;
        }),
      );
    }
    if (this.card && this.cardFinding) this.placeCard(this.cardFinding);
  }

  private findingAt(x: number, y: number): Finding | null {
    for (const f of this.findings) {
      for (const r of this.drawn.get(f.key) ?? []) {
        if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) return f;
      }
    }
    return null;
  }

  private onPointer(x: number, y: number, overCard: boolean) {
    if (overCard) return clearTimeout(this.closeTimer);
    const f = this.findings.length ? this.findingAt(x, y) : null;
    if (f) {
      clearTimeout(this.closeTimer);
      if (this.cardFinding?.key === f.key) return;
      clearTimeout(this.openTimer);
      this.openTimer = setTimeout(() => this.openCard(f, false), HOVER_OPEN_MS);
    } else {
      clearTimeout(this.openTimer);
      if (this.card && !this.card.matches(':focus-within')) {
        clearTimeout(this.closeTimer);
        this.closeTimer = setTimeout(() => this.closeCard(), HOVER_CLOSE_MS);
      }
    }
  }

  // Alt+Enter with the caret in a flagged phrase opens its card and moves focus into it;
  // Escape closes it and gives the editor its focus back.
  private onKey(e: KeyboardEvent) {
    if (e.key === 'Escape' && this.card) {
      const hadFocus = this.card.contains(this.root.activeElement);
      this.closeCard(); // gives the editor its focus back when the card had it
      // The Escape was the card's: the page (a modal, a chat box) must not close on it too.
      if (hadFocus) e.stopPropagation();
      return;
    }
    if (e.key !== 'Enter' || !e.altKey || !this.locator) return;
    const locator = this.locator;
    const caret = this.guard(() => locator.caret(), null);
    const f = caret == null ? null : this.findings.find((x) => caret >= x.start && caret <= x.end);
    if (!f) return;
    e.preventDefault();
    e.stopPropagation();
    this.openCard(f, true);
  }

  private openCard(f: Finding, focus: boolean) {
    this.closeCard();
    const el = (tag: string, cls?: string, text?: string) => {
      const node = this.doc.createElement(tag);
      if (cls) node.className = cls;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const card = el('div', 'card') as HTMLDivElement;
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', `Tact: instead of “${f.text}”`);
    const head = el('p');
    head.append(el('span', 'muted', 'Not that: '), el('s', undefined, f.text));
    card.append(head, el('span', 'muted', 'Say this:'));
    const status = el('p', 'muted');
    status.setAttribute('role', 'status');
    for (const s of f.suggestions) {
      const b = el('button', 'say', s) as HTMLButtonElement;
      b.type = 'button';
      b.dataset.action = 'apply';
      b.addEventListener('click', async () => {
        const result = await this.actions.apply(f, s);
        if (result.ok) this.closeCard();
        else status.textContent = result.message ?? 'Could not apply.';
      });
      card.append(b);
    }
    card.append(el('p', 'muted', f.why));
    const row = el('div', 'row');
    const dismiss = el('button', undefined, 'Dismiss') as HTMLButtonElement;
    dismiss.dataset.action = 'dismiss';
    dismiss.addEventListener('click', () => void this.actions.dismiss(f).then(() => this.closeCard()));
    const flag = el('button', undefined, 'Flag as unhelpful') as HTMLButtonElement;
    flag.dataset.action = 'flag';
    flag.addEventListener('click', () => {
      const reasons = el('div', 'row');
      reasons.setAttribute('role', 'group');
      reasons.setAttribute('aria-label', 'Why is this unhelpful?');
      for (const r of FLAG_REASONS) {
        const rb = el('button', undefined, FLAG_REASON_LABELS[r]) as HTMLButtonElement;
        rb.dataset.reason = r;
        rb.addEventListener('click', () => void this.actions.flag(f, r).then(() => (status.textContent = 'Flagged for your QA lead. Thanks.')));
        reasons.append(rb);
      }
      row.replaceWith(reasons);
      (reasons.firstElementChild as HTMLElement | null)?.focus();
    });
    row.append(dismiss, flag);
    card.append(row, status);
    card.addEventListener('mouseleave', () => {
      if (!card.matches(':focus-within')) this.closeTimer = setTimeout(() => this.closeCard(), HOVER_CLOSE_MS);
    });
    this.root.append(card);
    this.card = card;
    this.cardFinding = f;
    this.placeCard(f);
    if (focus) (card.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  private placeCard(f: Finding) {
    const rect = this.drawn.get(f.key)?.[0];
    if (!this.card || !rect) return;
    const view = this.doc.defaultView!;
    const left = Math.max(4, Math.min(rect.left, view.innerWidth - 350));
    const below = rect.bottom + 6;
    this.card.style.left = `${left}px`;
    this.card.style.top = below + 220 > view.innerHeight ? '' : `${below}px`;
    this.card.style.bottom = below + 220 > view.innerHeight ? `${view.innerHeight - rect.top + 6}px` : '';
  }

  private closeCard() {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    // A card closed while it held the focus (a click on Dismiss, a flag reason, Escape) gives the
    // focus back to the editor: otherwise it falls to the page's body and the agent's next
    // keystrokes go nowhere.
    const hadFocus = !!this.card && this.card.contains(this.root.activeElement);
    this.card?.remove();
    if (hadFocus) (this.editor as HTMLElement | null)?.focus({ preventScroll: true });
    this.card = null;
    this.cardFinding = null;
  }
}

/** Whether two lists of ranges cover the same DOM positions, in order. */
function sameRanges(a: readonly Range[], b: readonly Range[]) {
  return (
    a.length === b.length &&
    a.every(
      (r, i) =>
        r.startContainer === b[i]!.startContainer &&
        r.startOffset === b[i]!.startOffset &&
        r.endContainer === b[i]!.endContainer &&
        r.endOffset === b[i]!.endOffset,
    )
  );
}
