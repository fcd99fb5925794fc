import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server';
import { launchWithExtension, openPanel, tabIdOf, type TactBrowser } from '../../scripts/chromium';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import { compilePhrasebook } from '../../lib/phrasebook/engine';

// The whole path in real Chromium: demo page -> content script -> background -> side panel.
let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: TactBrowser;

// What the shipped phrasebook finds in a text, computed in node with the same engine.
const phrasebook = compilePhrasebook(readPhrasebookDir('phrasebook').entries);
const expectedEntries = (text: string) => [...new Set(phrasebook.match(text).map((m) => m.entry.id))].sort();

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTicket(id: string) {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/helpdesk/?c=${id}`);
  const tabId = await tabIdOf(browser, page.url());
  const panel = await openPanel(browser, tabId);
  await page.bringToFront();
  return { page, panel, tabId };
}

const shownEntries = async (panel: Page) =>
  [...new Set(await panel.getByTestId('finding').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-entry'))))].sort();

async function typeDraft(page: Page, text: string) {
  const box = page.locator('[data-tact-draft]');
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 2 });
}

describe('foundation: the first suggestion end to end', () => {
  test('the content script reads the customer thread before the agent types', async () => {
    const { page, panel } = await openTicket('T-1042');
    await expect.poll(() => panel.getByTestId('customer-latest').textContent()).toContain('close to moving my orders');
    await expect.poll(() => panel.getByTestId('site').textContent()).toContain('T-1042');
    expect(await panel.getByTestId('no-draft').isVisible()).toBe(true);
    await page.close();
    await panel.close();
  });

  test('typing a risky phrase shows its suggestion; changing the draft removes it', async () => {
    const { page, panel } = await openTicket('T-1043');
    const risky = 'Please calm down, that is our policy and I do not know when it will be fixed.';
    const expected = expectedEntries(risky);
    expect(expected.length).toBeGreaterThan(0);
    await typeDraft(page, risky);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expected);
    const sayThis = await panel.getByTestId('say-this').first().textContent();
    expect(sayThis?.length).toBeGreaterThan(0);

    const kind = 'I am sorry for the wait. I will unlock your account and email you within 10 minutes.';
    expect(expectedEntries(kind)).toEqual([]);
    await typeDraft(page, kind);
    await expect.poll(() => panel.getByTestId('no-findings').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
    await panel.close();
  });

  test('a stopped service worker does not break the next update', async () => {
    const { page, panel } = await openTicket('T-1043');
    const first = 'Please calm down.';
    await typeDraft(page, first);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(first));

    const before = (await browser.worker()).url();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => browser.context.serviceWorkers().length, { timeout: 10_000 }).toBe(0);

    const second = 'I do not know, that is our policy.';
    await typeDraft(page, second);
    await expect.poll(() => shownEntries(panel), { timeout: 15_000 }).toEqual(expectedEntries(second));
    expect((await browser.worker()).url()).toBe(before);
    await page.close();
    await panel.close();
  });
});
