import type { EditorBridge } from './bridge';
import { ckeditor5Bridge } from './ckeditor5';
import { contenteditableBridge } from './contenteditable';
import { draftjsBridge } from './draftjs';
import { lexicalBridge } from './lexical';
import { prosemirrorBridge } from './prosemirror';
import { quillBridge } from './quill';
import { slateBridge } from './slate';
import { textareaBridge } from './textarea';
import { tinymceBridge } from './tinymce';

/**
 * Every editor bridge, most specific first: TinyMCE before the textarea it hides, the rich
 * editors before the generic contenteditable they all are.
 */
export const EDITOR_BRIDGES: readonly EditorBridge[] = [
  tinymceBridge,
  textareaBridge,
  prosemirrorBridge,
  ckeditor5Bridge,
  quillBridge,
  draftjsBridge,
  lexicalBridge,
  slateBridge,
  contenteditableBridge,
];

/** The bridge for an editor, given the editable itself or the wrapper a site marked around it. */
export function bridgeFor(el: Element): EditorBridge | null {
  return EDITOR_BRIDGES.find((b) => b.accepts(el)) ?? null;
}
