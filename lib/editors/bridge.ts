/**
 * How Tact reads and writes one kind of editor. Each kind is one file in lib/editors/, registered
 * in lib/editors/index.ts. A bridge never sets innerHTML/textContent: it goes through what the
 * page's editor listens to, then reads the text back to prove the editor took the change.
 */
export interface EditorBridge {
  id: string;
  /** True when `el` is (the root of) an editor of this kind. */
  accepts(el: Element): boolean;
  /** The draft as plain text; offsets into it are what findings carry. */
  read(el: Element): string;
  /** Replaces [start, end) with `text`, keeping the editor's model, undo and caret right. */
  replace(el: Element, start: number, end: number, text: string): Promise<ReplaceOutcome>;
  /** A DOM Range over [start, end) of the text, for editors whose text is in the DOM (underlines). */
  range?(el: Element, start: number, end: number): Range | null;
  /**
   * The element the agent types in, when it is not `el` itself. Its document may be an iframe's
   * (TinyMCE), whose input and composition events never reach the page's document.
   */
  editable?(el: Element): Element | null;
  /** The caret's offset in the text, or null when the selection is elsewhere. */
  caret?(el: Element): number | null;
  /** The text offset where quoted mail or a signature starts in the editor's markup (lib/reply-end.ts), or null. */
  quoteStart?(el: Element): number | null;
}

/** `via` names the write method the editor took (for tests and diagnostics). */
export type ReplaceOutcome = { ok: true; via?: string } | { ok: false; message: string };
