import { browser } from 'wxt/browser';
import { DATA_SENT_TO_CLAUDE } from '@/lib/ai/vocabulary';

// Firefox (140+) asks the user to consent to what an extension sends out. Tact declares the page's
// text and the customer's messages as optional data (wxt.config.ts), asks for them when a key is
// saved, and the background checks them before each request, since the user can take them back in
// about:addons. Chrome has no such consent: the key is the opt-in there.

// Not in WXT's or the polyfill's types yet.
type DataPermissions = { data_collection: string[] };
const permissions = () =>
  browser.permissions as unknown as {
    request(p: DataPermissions): Promise<boolean>;
    contains(p: DataPermissions): Promise<boolean>;
  };
const wanted = (): DataPermissions => ({ data_collection: [...DATA_SENT_TO_CLAUDE] });

/** Asks for consent. Call it first thing in a click handler: Firefox only prompts during a user action. */
export function requestDataConsent(): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return Promise.resolve(true);
  // A Firefox older than 140 has no data consent (the key is unknown to it): nothing to ask.
  return permissions()
    .request(wanted())
    .catch(() => true);
}

export async function hasDataConsent(): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return true;
  return permissions()
    .contains(wanted())
    .catch(() => true);
}
