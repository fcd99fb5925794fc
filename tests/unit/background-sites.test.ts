import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerEnabledSites } from '../../entrypoints/background/sites';
import type { BackgroundContext } from '../../entrypoints/background/context';
import { parseSettings, SETTINGS_KEY } from '../../lib/settings';

// The background registers the content script only on sites the user enabled AND granted, and
// follows later changes to the settings. fakeBrowser gives storage; permissions and scripting are
// stood in for here, since fakeBrowser leaves them unimplemented.
const granted = new Set<string>();
const registered: string[][] = [];
const listeners: (() => void)[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  granted.clear();
  registered.length = 0;
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
    onAdded: { addListener: (l: () => void) => listeners.push(l) },
    onRemoved: { addListener: (l: () => void) => listeners.push(l) },
  });
  Object.assign(fakeBrowser.scripting, {
    unregisterContentScripts: vi.fn(async () => {}),
    registerContentScripts: vi.fn(async (scripts: { matches: string[] }[]) => void registered.push(scripts[0]!.matches)),
  });
});

const ctx = {
  settings: async () => parseSettings((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
} as unknown as BackgroundContext;

test('registers only origins that are both enabled and granted, and follows settings changes', async () => {
  granted.add('https://support.example.com/*');
  await fakeBrowser.storage.local.set({
    [SETTINGS_KEY]: { enabledOrigins: ['https://support.example.com', 'https://not-granted.example.org'] },
  });
  registerEnabledSites(ctx);
  await vi.waitFor(() => expect(registered).toEqual([['https://support.example.com/*']]));

  granted.add('https://not-granted.example.org/*');
  listeners[0]!(); // permissions.onAdded: the user granted the second site
  await vi.waitFor(() => expect(registered).toHaveLength(2));
  expect(registered[1]).toEqual(['https://support.example.com/*', 'https://not-granted.example.org/*']);

  const unregistered = vi.mocked(fakeBrowser.scripting.unregisterContentScripts).mock.calls.length;
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabledOrigins: [] } });
  await vi.waitFor(() => expect(fakeBrowser.scripting.unregisterContentScripts).toHaveBeenCalledTimes(unregistered + 1));
  expect(registered).toHaveLength(2); // nothing enabled: unregistered, not registered again
});
