import { findEditable, richBridge } from './rich-bridge';

/**
 * ProseMirror (and editors built on it: Tiptap, Remirror). It ignores a synthetic beforeinput, but
 * its paste handler turns the DataTransfer into one transaction (one undo step, caret after the
 * text). execCommand is the fallback: its DOM observer reads the browser's edit back into the model.
 */
export const prosemirrorBridge = richBridge('prosemirror', (el) => findEditable(el, '.ProseMirror'), ['paste', 'execCommand']);
