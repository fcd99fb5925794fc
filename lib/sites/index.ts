import type { SiteAdapter } from './adapter';
import { pickActive } from './common/dom';
import { demoAdapter } from './demo';
import { freshdeskAdapter } from './freshdesk';
import { frontAdapter } from './front';
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { helpscoutAdapter } from './helpscout';
import { intercomAdapter } from './intercom';
import { outlookAdapter } from './outlook';
import { zendeskAdapter } from './zendesk';

/**
 * Every site adapter, in the order adapterFor tries them: the demo, the helpdesks Tact knows by
 * host (lib/hosts.ts lists their match patterns), and last the generic one for sites the user enabled.
 */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  demoAdapter,
  zendeskAdapter,
  freshdeskAdapter,
  intercomAdapter,
  helpscoutAdapter,
  frontAdapter,
  gmailAdapter,
  outlookAdapter,
  genericAdapter,
];

/** "https://support.acme.com/" and "https://support.acme.com" are the same origin; junk is none. */
function originOf(s: string): string | null {
  try {
    return new URL(s).origin;
  } catch {
    return null;
  }
}

/**
 * The adapter for a page: the first that matches its URL. The demo adapter needs its page's
 * marker (loopback serves other things too), and an opt-in adapter needs the user to have
 * enabled the page's origin.
 */
export function adapterFor(url: URL, doc: Document, enabledOrigins: string[] = []): SiteAdapter | null {
  const enabled = new Set(enabledOrigins.map(originOf));
  return (
    SITE_ADAPTERS.find(
      (a) =>
        a.matches(url) &&
        (a.id !== 'demo' || doc.querySelector('[data-tact-ticket]') !== null) &&
        (!a.optIn || enabled.has(url.origin)),
    ) ?? null
  );
}

/** The editor the agent is writing in on `adapter`'s page: the focused one (or the one holding the focus), else the first. */
export function activeEditor(adapter: SiteAdapter, doc: Document, focused?: Element | null): Element | null {
  return pickActive(adapter.findEditors(doc), focused);
}
