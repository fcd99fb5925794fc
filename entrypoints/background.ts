import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '@/utils/messaging';
import { loadShippedPhrasebook } from '@/utils/phrasebook';
import {
  PANEL_PORT,
  applyRequestSchema,
  draftSnapshotSchema,
  panelToBackgroundSchema,
  type BackgroundToPanel,
} from '@/lib/protocol';
import { TabStates } from '@/lib/tab-states';
import { toFindings } from '@/lib/findings';
import { SETTINGS_KEY, parseSettings, type Settings } from '@/lib/settings';
import { atLeast } from '@/lib/severity';

export default defineBackground(() => {
  const { phrasebook, errors } = loadShippedPhrasebook();
  if (errors.length) console.warn('[tact] phrasebook problems:\n' + errors.join('\n'));

  // storage.session outlives the worker (Chrome stops it after ~30 s idle) but not the browser.
  const states = new TabStates({
    get: async (key) => (await browser.storage.session.get(key))[key],
    set: (key, value) => browser.storage.session.set({ [key]: value }),
    remove: (key) => browser.storage.session.remove(key),
  });

  let settings: Settings = parseSettings(undefined);
  const settingsLoaded = browser.storage.local.get(SETTINGS_KEY).then((r) => (settings = parseSettings(r[SETTINGS_KEY])));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) settings = parseSettings(changes[SETTINGS_KEY].newValue);
  });

  onMessage('draftChanged', async ({ data, sender }) => {
    const snapshot = draftSnapshotSchema.parse(data);
    const tabId = sender.tab?.id;
    if (tabId == null) throw new Error('draftChanged must come from a tab');
    await settingsLoaded;
    const matches = phrasebook.match(snapshot.draft, { channel: snapshot.channel ?? null });
    const findings = toFindings(matches.filter((m) => atLeast(m.entry.severity, settings.minSeverity)));
    await states.set({ tabId, ...snapshot, findings, updatedAt: Date.now() });
    return findings;
  });

  onMessage('applySuggestion', async ({ data }) => {
    const { tabId, ...request } = applyRequestSchema.parse(data);
    try {
      return await sendMessage('replaceSpan', request, tabId);
    } catch (err) {
      return { ok: false, message: `The page did not answer: ${(err as Error).message}` };
    }
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    let unsubscribe = () => {};
    const post = (msg: BackgroundToPanel) => port.postMessage(msg);
    port.onMessage.addListener((raw) => {
      const msg = panelToBackgroundSchema.safeParse(raw);
      if (!msg.success) return;
      const { tabId } = msg.data;
      unsubscribe();
      unsubscribe = states.subscribe(tabId, (state) => post({ type: 'state', tabId, state }));
      void states.get(tabId).then((state) => post({ type: 'state', tabId, state }));
    });
    port.onDisconnect.addListener(() => unsubscribe());
  });

  browser.tabs.onRemoved.addListener((tabId) => void states.remove(tabId));

  // Chrome: the toolbar button opens the side panel (Firefox has its own sidebar button).
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
