import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '@/lib/settings';

/**
 * The stored settings, raw and live (storage.onChanged): undefined until read. Callers parse what
 * they need (parseSettings, or pausedOn for the one list the content script reads too).
 */
export function useStoredSettings(): unknown {
  const [settings, setSettings] = useState<unknown>(undefined);
  useEffect(() => {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[SETTINGS_KEY]) setSettings(changes[SETTINGS_KEY].newValue ?? {});
    };
    browser.storage.onChanged.addListener(listener);
    void browser.storage.local.get(SETTINGS_KEY).then((r) => setSettings((s: unknown) => s ?? r[SETTINGS_KEY] ?? {}));
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return settings;
}
