import type { ReplaceOutcome } from './bridge';
import { readDomText } from './dom-text';

/**
 * How a contenteditable editor is asked to replace a span (BROWSER.md, checked in Chromium):
 * - `beforeinput`: a synthetic insertReplacementText with the text and targetRanges: CKEditor 5,
 *   Quill and Slate apply it through their own models (one undo step); the others ignore it;
 * - `paste`: a synthetic paste with a DataTransfer: ProseMirror, Draft.js, TinyMCE, CKEditor 5
 *   and Quill run it through their clipboard pipelines; plain contenteditable ignores it;
 * - `execCommand`: insertText over the selection: the browser's own edit, which plain
 *   contenteditable (and native undo) needs, and Lexical takes into its model through the
 *   trusted beforeinput it fires; CKEditor 5 reverts it, and Slate's model never sees it.
 */
export type WriteMethod = 'beforeinput' | 'paste' | 'execCommand';

/** How long an editor may take to apply an event before the next method is tried. */
const SETTLE_MS = 400;
/** How long a changed text must stay put before it is judged. */
const STABLE_MS = 120;

const normalize = (s: string) => s.replace(/\u00A0/g, ' ');

/** A zero-delay timeout, then a frame; a frame never comes in a hidden tab, so it is capped. */
function tick(view: Window): Promise<void> {
  return new Promise((done) => {
    view.setTimeout(() => {
      const cap = view.setTimeout(done, 50);
      view.requestAnimationFrame(() => (view.clearTimeout(cap), done()));
    }, 0);
  });
}

function select(editable: HTMLElement, start: number, end: number): boolean {
  const range = readDomText(editable).range(start, end);
  const selection = editable.ownerDocument.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

function dispatch(editable: HTMLElement, method: WriteMethod, start: number, end: number, text: string) {
  const doc = editable.ownerDocument;
  const view = doc.defaultView!;
  if (method === 'execCommand') return void doc.execCommand('insertText', false, text);
  const range = readDomText(editable).range(start, end);
  if (!range) return;
  // Constructors from the editor's own frame: an event made in another realm may be ignored.
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  const target = doc.getSelection()?.anchorNode?.parentElement ?? editable;
  if (method === 'paste') {
    target.dispatchEvent(new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  } else {
    target.dispatchEvent(
      new view.InputEvent('beforeinput', {
        inputType: 'insertReplacementText',
        data: text,
        dataTransfer: data,
        targetRanges: [new view.StaticRange(range)],
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
  }
}

/**
 * Replaces [start, end) of `editable`'s text with `text`, trying `methods` in order. Success is
 * judged only by reading the text back (editors apply events late and without cancelling them),
 * and the next method runs only while the text is still untouched, so nothing is inserted twice.
 */
export async function writeSpan(
  editable: HTMLElement,
  read: () => string,
  start: number,
  end: number,
  text: string,
  methods: readonly WriteMethod[],
): Promise<ReplaceOutcome> {
  const view = editable.ownerDocument.defaultView;
  if (!view || !editable.isConnected) return { ok: false, message: 'The reply box is gone from the page; the draft is unchanged.' };
  const before = read();
  const expected = normalize(before.slice(0, start) + text + before.slice(end));
  editable.focus({ preventScroll: true });
  for (const method of methods) {
    if (!select(editable, start, end)) return { ok: false, message: 'Could not find that text in the reply box.' };
    // Editors pick the selection up on the async selectionchange; dispatching at once would use the old one.
    await tick(view);
    dispatch(editable, method, start, end, text);
    const after = await settle(view, read, before, expected);
    if (normalize(after) === expected) {
      placeCaret(editable, start + text.length);
      return { ok: true, via: method };
    }
    if (after !== before) return restore(editable, read, before);
  }
  return { ok: false, message: 'This editor did not accept the change; the draft is unchanged.' };
}

/**
 * Waits for the editor to finish: some apply an event a moment later (CKEditor), some in steps
 * (TinyMCE deletes the selection, then inserts), so the text counts only once it stops changing.
 */
async function settle(view: Window, read: () => string, before: string, expected: string): Promise<string> {
  const t0 = Date.now();
  let last = read();
  let changedAt = last === before ? 0 : Date.now();
  while (normalize(last) !== expected && Date.now() - t0 < SETTLE_MS) {
    if (changedAt && Date.now() - changedAt > STABLE_MS) break;
    await tick(view);
    const now = read();
    if (now !== last) {
      last = now;
      changedAt = Date.now();
    }
  }
  return last;
}

/** The editor changed the text but not as asked: its own undo (through the browser) takes it back. */
async function restore(editable: HTMLElement, read: () => string, before: string): Promise<ReplaceOutcome> {
  editable.ownerDocument.execCommand('undo');
  await tick(editable.ownerDocument.defaultView!);
  return read() === before
    ? { ok: false, message: 'This editor changed the text differently, so Tact undid it; the draft is unchanged.' }
    : { ok: false, message: 'This editor changed the text differently than asked; press Ctrl+Z to undo it.' };
}

/** Leaves the caret right after the replacement, unless the editor already put it there. */
function placeCaret(editable: HTMLElement, offset: number) {
  const selection = editable.ownerDocument.getSelection();
  if (!selection) return;
  const map = readDomText(editable);
  if (selection.isCollapsed && selection.focusNode && map.offsetOf(selection.focusNode, selection.focusOffset) === offset) return;
  const at = map.point(offset, 'backward');
  if (at) selection.collapse(at.node, at.offset);
}
