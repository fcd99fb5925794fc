/** Drafts past this many characters are analysed up to here; the panel says so. */
export const MAX_ANALYSED_DRAFT = 100_000;
/** Customer messages kept per snapshot, newest last. */
export const MAX_CUSTOMER_MESSAGES = 5;
/** Each customer message is cut to this many characters. */
export const MAX_CUSTOMER_MESSAGE = 4_000;
/** Quiet time after the last keystroke before the draft is analysed. */
export const DRAFT_DEBOUNCE_MS = 120;
