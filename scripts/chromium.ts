import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: apt-get install -y chromium, or set CHROME_PATH`);
  return path;
}

export interface TactBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Debian Chromium with the built extension loaded (no browser download: it fails here). */
export async function launchWithExtension({ headless = true } = {}): Promise<TactBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}: run wxt build`);
  const profile = await mkdtemp(join(tmpdir(), 'tact-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's tab id for a page (Playwright does not expose it): asked from an extension page. */
export async function tabIdOf(browser: TactBrowser, pageUrl: string): Promise<number> {
  const probe = await browser.context.newPage();
  try {
    await probe.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=-1`);
    const id = await probe.evaluate(async (url) => {
      type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? null;
    }, pageUrl);
    if (id == null) throw new Error(`no tab has ${pageUrl}`);
    return id;
  } finally {
    await probe.close();
  }
}

/** Opens the side panel as an ordinary tab that follows `tabId` (the real panel needs a user gesture). */
export async function openPanel(browser: TactBrowser, tabId: number) {
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 360, height: 760 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/**
 * Stops the extension's service worker as Chrome does when it idles, and resolves once Chrome
 * reports it stopped. (An open side panel reconnects at once and so starts it again: by design.)
 */
export async function stopServiceWorker(browser: TactBrowser): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=-1`);
    const cdp = await browser.context.newCDPSession(page);
    type Version = { versionId: string; scriptURL: string; runningStatus: string };
    const ours = (v: Version) => v.scriptURL.includes(browser.extensionId);
    let running: Version | undefined;
    let onRunning = () => {};
    let onStopped = () => {};
    const seenRunning = new Promise<void>((resolve) => (onRunning = resolve));
    const stopped = new Promise<void>((resolve) => (onStopped = resolve));
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
      for (const v of e.versions.filter(ours)) {
        if (v.runningStatus === 'running' && !running) {
          running = v;
          onRunning();
        }
        if (v.runningStatus === 'stopped' && running) onStopped();
      }
    });
    await cdp.send('ServiceWorker.enable');
    await seenRunning;
    await cdp.send('ServiceWorker.stopWorker', { versionId: running!.versionId });
    await stopped;
  } finally {
    await page.close();
  }
}
