import type { StubReply } from './anthropic-stub';

// The draft the Chromium and Firefox AI tests share: an email to redact, and a risky sentence the
// shipped phrasebook does not cover; and the rewrite the stub streams for it.

export const EMAIL = 'dev.patel@example.com';
export const RISKY = 'Unfortunately the parcel is lost somewhere.';
export const DRAFT = `Hi Dev, I have your address as ${EMAIL}. ${RISKY}`;
export const REWRITE = 'I am sorry your parcel has not arrived; I will trace it and email [EMAIL_1] with an update by 5 pm today.';

/** REWRITE streamed in pieces and held before its end, so a test sees it arrive in part first; release() ends it. */
export function heldRewrite(): { reply: StubReply; release(): void } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  return {
    reply: { kind: 'tool', input: { rewrites: [{ text: REWRITE, why: 'Owns the problem and commits to a time.' }] }, chunks: 12, delayMs: 20, holdBeforeEnd: held },
    release: () => release(),
  };
}
