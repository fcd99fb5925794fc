import { findEditable, richBridge } from './rich-bridge';

/**
 * slate-react marks its editable `data-slate-editor`. It applies a synthetic beforeinput
 * insertReplacementText through its model (one slate-history undo step). execCommand is not tried:
 * the browser would change the DOM behind Slate's model, which then puts the old text back.
 */
export const slateBridge = richBridge('slate', (el) => findEditable(el, '[data-slate-editor="true"]'), ['beforeinput', 'paste']);
