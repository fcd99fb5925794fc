import { findEditable, richBridge } from './rich-bridge';

/**
 * CKEditor 5 renders from its model and puts back any DOM change it did not make, so execCommand
 * does nothing. A beforeinput insertReplacementText with targetRanges goes through its typing
 * pipeline (it applies it a moment later, without cancelling the event); paste is the fallback.
 */
export const ckeditor5Bridge = richBridge(
  'ckeditor5',
  (el) => findEditable(el, '.ck-editor__editable[contenteditable], .ck-content[contenteditable]'),
  ['beforeinput', 'paste'],
);
