import { sendMessage } from '@/utils/messaging';
import type { ReplaceResult } from '@/lib/protocol';

/** Asks the tab's content script (through the background) to replace a span of the draft. */
export function replaceInDraft(tabId: number, start: number, end: number, expected: string, replacement: string): Promise<ReplaceResult> {
  return sendMessage('applySuggestion', { tabId, start, end, expected, replacement }).catch((err: Error) => ({
    ok: false,
    message: `Tact could not reach the page: ${err.message}`,
  }));
}
