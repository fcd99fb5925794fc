import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../../scripts/demo-server';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const GECKO_ID = 'tact@tact.example'; // wxt.config.ts browser_specific_settings.gecko.id
// A fixed moz-extension host: Firefox otherwise picks a random UUID per profile.
export const EXTENSION_UUID = '7b1a3c2e-5d4f-4e6a-9b8c-0d1e2f3a4b5c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(`Firefox not found at ${path}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  return path;
}

/** Debian's Firefox ESR over WebDriver BiDi with the Firefox build installed as a temporary add-on. */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${FIREFOX_EXTENSION_DIR}: run wxt build -b firefox`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Optional permissions (Tact's data consent, asked when a key is saved) are granted without a
      // prompt, as if the user clicked Allow: a headless browser cannot show the prompt.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return browser;
}

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/** The demo helpdesk and Firefox with the build installed, for one file's tests: started before them, closed after. */
export function useFirefox(): { readonly server: DemoServer; readonly browser: Browser } {
  const t = {} as { server: DemoServer; browser: Browser };
  beforeAll(async () => {
    t.server = await startDemoServer(0);
    t.browser = await launchFirefox();
  });
  afterAll(async () => {
    await t.browser?.close();
    await t.server?.close();
  });
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` in the page until it returns a truthy value. Not page.waitForFunction: that compiles
 * the function with Function(), which the extension pages' CSP blocks.
 */
export async function pollIn<A, R>(page: Page, fn: (arg: A) => R, arg: A, timeout = 10_000): Promise<R> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn as (arg: unknown) => R, arg).catch(() => undefined);
    if (value) return value as R;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms in ${page.url()}`);
    await sleep(100);
  }
}

/**
 * Loads a moz-extension page. page.goto never settles for moz-extension URLs over BiDi (Firefox
 * sends no browsingContext.navigationStarted for them, so puppeteer waits for an event that never
 * comes, and a late timeout can leave the page in a bad state); send the BiDi navigate command
 * ourselves (puppeteer's own BidiFrame.browsingContext, not in its public types) and wait for load.
 */
export async function openExtensionPage(page: Page, path: string): Promise<void> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: string): Promise<unknown> } })
    .browsingContext;
  if (typeof context?.navigate !== 'function') throw new Error('puppeteer-core changed: BidiFrame.browsingContext.navigate is gone');
  await context.navigate(url, 'complete');
  await pollIn(page, (u) => location.href === u && document.readyState === 'complete', url, 15_000);
}

/** The WebExtension tab id of the tab showing `pageUrl`, asked from an extension page. */
export async function tabIdOf(browser: Browser, pageUrl: string): Promise<number> {
  const probe = await browser.newPage();
  try {
    await openExtensionPage(probe, 'sidepanel.html?tab=-1');
    const id = await probe.evaluate(async (url) => {
      type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      const tabs = await (globalThis as unknown as { browser: Tabs }).browser.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? null;
    }, pageUrl);
    if (id == null) throw new Error(`no tab has ${pageUrl}`);
    return id;
  } finally {
    await probe.close();
  }
}

/** The finding cards' phrasebook entry ids, as the panel shows them. */
export const shownEntries = (panel: Page) =>
  panel.evaluate(() =>
    [...new Set([...document.querySelectorAll('[data-testid=finding]')].map((c) => c.getAttribute('data-entry') ?? ''))].sort(),
  );

export const textOf = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

/** Replaces the reply box's text by typing, as an agent would. */
export async function typeDraft(page: Page, text: string) {
  await page.bringToFront();
  await page.click('[data-tact-draft]');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 2 });
}

/**
 * Clicks the first element matching `selector` whose trimmed text is `text` (or contains it, for a
 * RegExp), with a real mouse click. Not puppeteer's ::-p-text(): plain CSS and evaluate only.
 */
export async function clickText(page: Page, selector: string, text: string | RegExp) {
  const pattern = typeof text === 'string' ? { exact: text } : { source: text.source, flags: text.flags };
  const handle = await page.evaluateHandle(
    (sel, p) =>
      [...document.querySelectorAll(sel)].find((e) => {
        const t = (e.textContent ?? '').trim();
        return 'exact' in p ? t === p.exact : new RegExp(p.source, p.flags).test(t);
      }) ?? null,
    selector,
    pattern,
  );
  const el = handle.asElement() as import('puppeteer-core').ElementHandle<Element> | null;
  if (!el) throw new Error(`no ${selector} with text ${String(text)} in ${page.url()}`);
  await page.bringToFront();
  await el.click();
  await el.dispose();
}

/**
 * Clicks in the page brought to the front first: Firefox throttles animation frames in background
 * tabs, and WebDriver BiDi input actions wait for one (seconds per click otherwise).
 */
export async function click(page: Page, selector: string) {
  await page.bringToFront();
  await page.click(selector);
}

/** Replaces an input's or textarea's value by typing, so React's onChange sees it. */
export async function fill(page: Page, selector: string, text: string) {
  await click(page, selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/** The rows of one object store in the extension origin's IndexedDB, read from an open extension page. */
export function idbRows(page: Page, dbName: string, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name, storeName) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction(storeName).objectStore(storeName).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Record<string, unknown>[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    dbName,
    store,
  );
}

let opened = 0;
/**
 * Opens a demo ticket, and the sidebar page as a tab pinned to it; the ticket is brought to the front.
 * Each ticket tab gets a URL of its own (`&n=`), so a tab an earlier failed test left open with the
 * same ticket cannot be the one the sidebar page is pinned to.
 */
export async function openTicket(browser: Browser, origin: string, id: string) {
  const page = await browser.newPage();
  await page.goto(`${origin}/helpdesk/?c=${id}&n=${++opened}`);
  const tabId = await tabIdOf(browser, page.url());
  const panel = await browser.newPage();
  await openExtensionPage(panel, `sidepanel.html?tab=${tabId}`);
  await page.bringToFront();
  return { page, panel, tabId };
}
