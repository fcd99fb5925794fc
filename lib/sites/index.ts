import type { SiteAdapter } from './adapter';
import { demoAdapter } from './demo';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [demoAdapter];

export function adapterFor(url: URL, doc: Document, _enabledOrigins: string[] = []): SiteAdapter | null {
  return SITE_ADAPTERS.find((a) => a.matches(url) && (a.id !== 'demo' || doc.querySelector('[data-tact-ticket]'))) ?? null;
}
