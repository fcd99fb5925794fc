import { findEditable, richBridge } from './rich-bridge';

/**
 * Lexical marks its root `data-lexical-editor`. It applies the trusted beforeinput that the
 * browser's execCommand insertText fires through its own model (one undo step in its history).
 */
export const lexicalBridge = richBridge('lexical', (el) => findEditable(el, '[data-lexical-editor="true"]'), ['execCommand']);
