import type { Page } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server';
import { launchWithExtension, openPanel, tabIdOf, type TactBrowser } from '../../scripts/chromium';

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/** One Chromium with the built extension and one demo server for a test file. */
export async function setup(): Promise<{ server: DemoServer; browser: TactBrowser; close(): Promise<void> }> {
  const server = await startDemoServer();
  const browser = await launchWithExtension();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export { expectedEntries, expectedMatches } from '../support/shipped-phrasebook';

let opened = 0;

/**
 * Opens a demo ticket and a panel tab pinned to it; the ticket page is brought to the front. Each
 * ticket tab gets a URL of its own (`&n=`): the tab is found by its URL, and a tab an earlier
 * failed test left open on the same ticket would otherwise take the panel.
 */
export async function openTicket(t: { server: DemoServer; browser: TactBrowser }, id: string, path = '/helpdesk/') {
  const page = await t.browser.context.newPage();
  await page.goto(`${t.server.origin}${path}?c=${id}&n=${++opened}`);
  const tabId = await tabIdOf(t.browser, page.url());
  const panel = await openPanel(t.browser, tabId);
  await page.bringToFront();
  return { page, panel, tabId };
}

export const shownEntries = async (panel: Page) =>
  [...new Set(await panel.getByTestId('finding').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-entry'))))].sort();

/** The customer writes again: the demo helpdesk appends the message to the thread, as a live update would. */
export async function appendCustomerMessage(page: Page, text: string) {
  await page.evaluate((body) => {
    const last = [...document.querySelectorAll('[data-tact-message][data-author-role=customer]')].at(-1)!;
    const copy = last.cloneNode(true) as HTMLElement;
    copy.querySelector('.body')!.textContent = body;
    last.parentElement!.append(copy);
  }, text);
}

/** The agent's reply is sent: the demo helpdesk appends it to the thread. */
export async function appendAgentMessage(page: Page, text: string) {
  await page.evaluate((body) => {
    const last = [...document.querySelectorAll('[data-tact-message]')].at(-1)!;
    const copy = last.cloneNode(true) as HTMLElement;
    copy.setAttribute('data-author-role', 'agent');
    copy.setAttribute('data-author', 'Sam (Support)');
    copy.querySelector('.body')!.textContent = body;
    last.parentElement!.append(copy);
  }, text);
}

/** Replaces the reply box's text by typing, as an agent would. */
export async function typeDraft(page: Page, text: string) {
  const box = page.locator('[data-tact-draft]');
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 2 });
}

/** Reads Tact's IndexedDB feedback table from an extension page (the extension's own origin). */
export async function feedbackRows(browser: TactBrowser): Promise<Record<string, unknown>[]> {
  const probe = await browser.context.newPage();
  try {
    await probe.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=-1`);
    return await probe.evaluate(
      () =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const open = indexedDB.open('tact');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('feedback')) return resolve([]);
            const all = db.transaction('feedback').objectStore('feedback').getAll();
            all.onsuccess = () => resolve(all.result as Record<string, unknown>[]);
            all.onerror = () => reject(all.error);
          };
        }),
    );
  } finally {
    await probe.close();
  }
}
