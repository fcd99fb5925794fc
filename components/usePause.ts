import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, parseSettings, withPause } from '@/lib/settings';
import { originOf, pausedOn } from '@/lib/paused-sites';
import { useStoredSettings } from './useStoredSettings';

/**
 * Whether the agent paused Tact on `url`'s site, live from the stored settings (the content script
 * listens to the same key and stops or starts reading), and a way to pause or resume it.
 */
export function usePause(url: string | null | undefined) {
  const settings = useStoredSettings();
  const origin = url ? originOf(url) : null;
  const setPaused = async (paused: boolean) => {
    if (!origin) return;
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    await browser.storage.local.set({ [SETTINGS_KEY]: withPause(parseSettings(stored[SETTINGS_KEY]), origin, paused) });
  };
  return { origin, paused: settings !== undefined && !!url && pausedOn(settings, url), setPaused };
}

/** The address of a tab the panel follows before Tact has any state for it (a paused site has none). */
export function useTabUrl(tabId: number | null, known: string | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (known || tabId == null) return;
    let live = true;
    browser.tabs.get(tabId).then(
      (tab) => live && setUrl(tab.url),
      () => live && setUrl(undefined),
    );
    return () => {
      live = false;
    };
  }, [tabId, known]);
  return known ?? url;
}
