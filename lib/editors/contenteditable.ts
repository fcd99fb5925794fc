import { richBridge } from './rich-bridge';

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/**
 * Any other contenteditable: no model but the DOM, so the browser's own execCommand insertText is
 * right (native undo, input event). Synthetic beforeinput and paste do nothing here and are not tried.
 */
export const contenteditableBridge = richBridge(
  'contenteditable',
  // The outermost editable: a nested one is part of the same draft.
  (el) => {
    let editable = (el.matches(EDITABLE) ? el : el.closest(EDITABLE) ?? el.querySelector(EDITABLE)) as HTMLElement | null;
    while (editable?.parentElement?.closest(EDITABLE)) editable = editable.parentElement.closest(EDITABLE) as HTMLElement;
    return editable;
  },
  ['execCommand'],
);
