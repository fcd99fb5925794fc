import { browser } from 'wxt/browser';
import { TabStates } from '@/lib/tab-states';
import { TactDb } from '@/lib/storage/db';
import { SETTINGS_KEY, parseSettings, type Settings } from '@/lib/settings';
import { createLivePhrasebook } from './phrasebook';

/** What the background's handlers share: one of each, made when the worker starts. */
export function createBackgroundContext() {
  const db = new TactDb();
  const phrasebook = createLivePhrasebook(db);

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

  return {
    /** The phrasebook to match with now (shipped + team edits); it changes when the studio saves. */
    get phrasebook() {
      return phrasebook.current;
    },
    livePhrasebook: phrasebook,
    states,
    db,
    settings: async () => (await settingsLoaded, settings),
  };
}
export type BackgroundContext = ReturnType<typeof createBackgroundContext>;
