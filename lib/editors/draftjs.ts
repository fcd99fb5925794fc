import { findEditable, richBridge } from './rich-bridge';

/**
 * Draft.js ignores a synthetic beforeinput; its onPaste turns the text into an insert-fragment
 * change (one undo step). execCommand is the fallback: Draft reads the DOM edit from its input event.
 */
export const draftjsBridge = richBridge('draftjs', (el) => findEditable(el, '.public-DraftEditor-content'), ['paste', 'execCommand']);
