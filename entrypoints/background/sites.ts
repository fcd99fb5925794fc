import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '@/lib/settings';
import type { BackgroundContext } from './context';

const SCRIPT_ID = 'tact-enabled-sites';

/**
 * Sites beyond the known helpdesks: the user enables an origin in the settings (which asks for
 * that host permission), and we register the content script there. Only granted origins count.
 */
export function registerEnabledSites(ctx: BackgroundContext) {
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (!scripting?.registerContentScripts) return; // Firefox MV2 has no scripting API: known helpdesks only

  const sync = async () => {
    const { enabledOrigins } = await ctx.settings();
    const granted: string[] = [];
    for (const origin of enabledOrigins) {
      if (await browser.permissions.contains({ origins: [`${origin}/*`] })) granted.push(`${origin}/*`);
    }
    await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => {});
    if (granted.length === 0) return;
    await scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: granted, js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  };

  void sync().catch((err) => console.warn('[tact] could not register enabled sites', err));
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) void sync();
  });
}
