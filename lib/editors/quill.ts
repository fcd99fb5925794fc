import { findEditable, richBridge } from './rich-bridge';

/**
 * Quill 2 handles beforeinput insertReplacementText itself (its Input module replaces the target
 * range in its Delta model). Its clipboard module takes a paste too, kept as the fallback.
 */
export const quillBridge = richBridge('quill', (el) => findEditable(el, '.ql-editor'), ['beforeinput', 'paste']);
