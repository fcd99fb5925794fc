import type { EditorBridge } from './bridge';
import { textareaBridge } from './textarea';

/** Every editor bridge, most specific first. */
export const EDITOR_BRIDGES: readonly EditorBridge[] = [textareaBridge];

export function bridgeFor(el: Element): EditorBridge | null {
  return EDITOR_BRIDGES.find((b) => b.accepts(el)) ?? null;
}
