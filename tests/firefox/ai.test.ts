import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { phrasebook } from '../support/shipped-phrasebook';
import { startAnthropicStub, type AnthropicStub } from '../support/anthropic-stub';
import { DRAFT, EMAIL, heldRewrite, REWRITE, RISKY } from '../support/ai-draft';
import { click, clickText, EXTENSION_ORIGIN, fill, idbRows, openExtensionPage, openTicket, textOf as textOrNull, typeDraft, useFirefox } from './firefox';

/** An element's text, or `<no SELECTOR>` so a failed poll says what was missing. */
const textOf = async (page: Page, selector: string) => (await textOrNull(page, selector)) ?? `<no ${selector}>`;

// The AI fallback in the Firefox build (MV2 background page) in real Firefox ESR: the key and the
// base URL set on the settings page, the real SDK in the background page streaming from the
// loopback stub, the card in the sidebar page, Apply writing into the ticket's reply box.

const KEY = 'sk-ant-test-firefox-KEY7';

const t = useFirefox();
let stub: AnthropicStub;
beforeAll(async () => void (stub = await startAnthropicStub()));
afterAll(async () => stub?.close());

/** The "Rewrite with AI" button of the offered sentence `sentence`, or null. */
async function rewriteButton(panel: Page, sentence: string): Promise<ElementHandle<Element> | null> {
  const handle = await panel.evaluateHandle(
    (s) =>
      [...document.querySelectorAll('[data-testid=ai-candidate]')]
        .find((li) => li.querySelector('q')?.textContent === s)
        ?.querySelector('[data-action=ai-rewrite]') ?? null,
    sentence,
  );
  return handle.asElement() as ElementHandle<Element> | null;
}

/** The data-collection permissions Firefox has granted the extension, sorted. */
const dataConsent = (page: Page) =>
  page.evaluate(async () => {
    type P = { permissions: { getAll(): Promise<{ data_collection?: string[] }> } };
    return ((await (globalThis as unknown as { browser: P }).browser.permissions.getAll()).data_collection ?? []).sort();
  });

async function openSettings(): Promise<Page> {
  const page = await t.browser.newPage();
  await openExtensionPage(page, 'options.html');
  await expect.poll(() => textOrNull(page, '[data-testid=ai-key-state]'), { timeout: 10_000 }).toBeTruthy();
  return page;
}

// Stays in the order written: the first test needs no key, the second sets one.
describe('firefox: AI rewrites', () => {
  test('with no key the sidebar says AI is off, offers no AI rewrite, and nothing is sent', async () => {
    const { page, panel } = await openTicket(t.browser, t.server.origin, 'T-1043');
    await expect.poll(() => textOf(panel, '[data-testid=ai-status]'), { timeout: 10_000 }).toContain('AI rewrites are off');
    await typeDraft(page, DRAFT);
    await expect.poll(() => textOf(panel, '[data-testid=ai-off]'), { timeout: 10_000 }).toContain('AI off (no API key)');
    expect(await panel.evaluate(() => document.querySelectorAll('[data-action=ai-rewrite]').length)).toBe(0);
    // "Set up Claude" opens the settings page in a tab (runtime.openOptionsPage from the sidebar page).
    await clickText(panel, '[data-testid=ai-off] button', 'Set up Claude');
    const optionsTab = () =>
      panel.evaluate(async (url) => {
        type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        return (await (globalThis as unknown as { browser: Tabs }).browser.tabs.query({})).find((t) => t.url === url)?.id ?? null;
      }, `${EXTENSION_ORIGIN}/options.html`);
    await expect.poll(optionsTab, { timeout: 10_000 }).not.toBeNull();
    await panel.evaluate(async (id) => {
      await (globalThis as unknown as { browser: { tabs: { remove(id: number): Promise<void> } } }).browser.tabs.remove(id);
    }, (await optionsTab())!);
    expect(stub.requests).toHaveLength(0);
    await page.close();
    await panel.close();
  });

  test('key and stub set in the settings page; the rewrite streams into a card in the sidebar; Apply changes the draft', async () => {
    expect(phrasebook.match(RISKY)).toEqual([]);

    // The agent is already writing when the key is set: the open sidebar follows without a reload.
    const { page, panel } = await openTicket(t.browser, t.server.origin, 'T-1043');
    await typeDraft(page, DRAFT);
    await expect.poll(() => textOf(panel, '[data-testid=ai-off]'), { timeout: 10_000 }).toContain('AI off (no API key)');

    const settings = await openSettings();
    expect(await textOf(settings, '[data-testid=ai-key-state]')).toBe('No key set: AI rewrites are off.');
    await fill(settings, 'input[type=password]', KEY);
    await clickText(settings, 'button', 'Save key');
    await expect.poll(() => textOf(settings, '[data-testid=ai-key-state]'), { timeout: 10_000 }).toBe('A key is set (ending in KEY7).');
    expect(await settings.$eval('input[type=password]', (i) => (i as HTMLInputElement).value)).toBe('');
    await clickText(settings, 'summary', 'Advanced');
    const baseInput = 'input[placeholder="https://api.anthropic.com"]';
    await fill(settings, baseInput, stub.url);
    await clickText(settings, 'button', 'Save base URL');
    await expect.poll(() => textOf(settings, '[data-testid=ai-settings-status]'), { timeout: 10_000 }).toBe('Base URL saved.');

    // Kept in the extension origin's IndexedDB (which the background page reads), not in storage.
    const [row] = await idbRows(settings, 'tact-ai-config', 'config');
    expect(row).toMatchObject({ apiKey: KEY, baseURL: stub.url });
    const stores = await settings.evaluate(async () => {
      type Area = { get(k: null): Promise<object> };
      const b = (globalThis as unknown as { browser: { storage: { local: Area; session: Area } } }).browser;
      return JSON.stringify([await b.storage.local.get(null), await b.storage.session.get(null)]);
    });
    expect(stores).not.toContain(KEY);
    // Saving the key asked Firefox for consent to send the page's text and the customer's messages.
    expect(await dataConsent(settings)).toEqual(['personalCommunications', 'websiteContent']);
    await settings.close();

    const { reply, release } = heldRewrite();
    stub.queue(reply);

    // Not in the helpdesk origin's IndexedDB either, the only one a content script there can open.
    expect((await page.evaluate(() => indexedDB.databases())).map((d) => d.name)).not.toContain('tact-ai-config');
    // The background page told the open sidebar over its port: AI is on, and the sentence is offered.
    await expect.poll(() => textOf(panel, '[data-testid=ai-status]'), { timeout: 10_000 }).toContain('AI rewrites on: claude-haiku-5-5 (key …KEY7)');
    await expect.poll(() => rewriteButton(panel, RISKY).then((b) => b != null), { timeout: 10_000 }).toBe(true);
    await panel.bringToFront();
    await (await rewriteButton(panel, RISKY))!.click();

    // Streaming: part of the rewrite shows while the stub holds the end of the answer back.
    await expect.poll(() => textOf(panel, '[data-testid=ai-asking]'), { timeout: 10_000 }).toContain(RISKY);
    // An error instead says what failed (the SDK refusing to run, a refused fetch, ...).
    const streamed = async () => (await textOrNull(panel, '[data-testid=ai-streaming]')) ?? `<no streaming; ai-error: ${await textOrNull(panel, '[data-testid=ai-error]')}>`;
    await expect.poll(streamed, { timeout: 10_000 }).toMatch(/^I am sorry/);
    expect(await panel.$('[data-testid=ai-findings]')).toBeNull();
    release();

    const card = '[data-testid=finding][data-source=ai]';
    await expect.poll(() => textOf(panel, `${card} [data-testid=source]`), { timeout: 10_000 }).toBe('AI');
    expect(await textOf(panel, `${card} [data-testid=not-that]`)).toBe(RISKY);
    const expected = REWRITE.replace('[EMAIL_1]', EMAIL);
    expect(await textOf(panel, `${card} [data-testid=say-this]`)).toBe(expected);

    // What left the browser: one request, with the key, the address replaced by its placeholder.
    expect(stub.requests).toHaveLength(1);
    const [sent] = stub.requests;
    expect(sent!.path).toMatch(/^\/v1\/messages/);
    expect(sent!.raw).toContain(RISKY);
    expect(sent!.raw).not.toContain(EMAIL);
    expect(sent!.raw).toContain('[EMAIL_1]');
    // SDK 1.x sends an API key as a bearer token (x-api-key in older versions): either carries it.
    expect(sent!.headers.authorization ?? sent!.headers['x-api-key']).toContain(KEY);
    expect(sent!.headers.origin).toBe(EXTENSION_ORIGIN);

    await click(panel, `${card} [data-action=apply-first]`);
    const draft = () => page.$eval('[data-tact-draft]', (t) => (t as HTMLTextAreaElement).value);
    await expect.poll(draft, { timeout: 10_000 }).toBe(DRAFT.replace(RISKY, expected));
    // The sentence is gone from the draft, and so is its card.
    await expect.poll(() => panel.$(card), { timeout: 10_000 }).toBeNull();
    // The background page recorded it as AI feedback in Tact's IndexedDB.
    const aiApplied = async () => (await idbRows(panel, 'tact', 'feedback')).filter((r) => r.kind === 'apply' && r.source === 'ai');
    await expect.poll(aiApplied, { timeout: 10_000 }).toHaveLength(1);
    expect((await aiApplied())[0]).toMatchObject({ entryId: 'ai:claude-haiku-5-5', suggestion: expected, phrase: RISKY, conversationId: 'T-1043' });
    await page.close();
    await panel.close();
  });

  test('a German customer: Claude reads them from the background page; only labels backed by their words are shown', async () => {
    const before = stub.requests.length;
    const { page, panel } = await openTicket(t.browser, t.server.origin, 'T-4001');
    await expect.poll(() => textOf(panel, '[data-testid=verdict-unsupported]'), { timeout: 10_000 }).toContain('not supported');
    await expect.poll(() => textOf(panel, '[data-action=ai-read]'), { timeout: 10_000 }).toBe('Ask Claude to read this customer');
    await panel.bringToFront();
    await clickText(panel, '[data-action=ai-read]', 'Ask Claude to read this customer');
    const result = async () => (await textOrNull(panel, '[data-testid=ai-reading-result]')) ?? `<no reading; error: ${await textOrNull(panel, '[data-testid=ai-error]')}>`;
    await expect.poll(result, { timeout: 15_000 }).toContain('Claude’s reading');
    const tones = await panel.$$eval('[data-testid=ai-reading-tones] [data-tone]', (els) => els.map((e) => e.getAttribute('data-tone')));
    expect(tones).toEqual(['frustrated', 'disappointed']);
    expect(await panel.$eval('[data-testid=ai-reading-type]', (e) => e.getAttribute('data-type'))).toBe('loyal-at-risk');
    expect(stub.requests.length).toBe(before + 1);
    expect((stub.requests.at(-1)!.body.tool_choice as { name: string }).name).toBe('report_customer_reading');
    await page.close();
    await panel.close();
  });

  test('consent taken back in Firefox: AI is off with its reason and nothing is sent, until it is allowed again', async () => {
    const before = stub.requests.length;
    const { page, panel } = await openTicket(t.browser, t.server.origin, 'T-4001');
    // The reading of the test before, shown again from the cache.
    await expect.poll(() => textOf(panel, '[data-testid=ai-reading]'), { timeout: 10_000 }).toContain('from cache');
    // What about:addons → Tact → Permissions does when the user switches the data off.
    await panel.evaluate(async (data) => {
      type P = { permissions: { remove(p: object): Promise<boolean> } };
      await (globalThis as unknown as { browser: P }).browser.permissions.remove({ data_collection: data });
    }, ['websiteContent', 'personalCommunications']);
    await expect.poll(() => textOf(panel, '[data-testid=ai-status]'), { timeout: 10_000 }).toBe('AI off: Firefox does not allow Tact to send data to Claude. Settings');
    expect(await panel.$('[data-testid=ai-reading]')).toBeNull();
    // With a draft, the AI section says it, and the footer does not say it again.
    await typeDraft(page, 'Hallo Herr Becker, leider kann ich da nichts machen.');
    await expect.poll(() => textOf(panel, '[data-testid=ai-off]'), { timeout: 10_000 }).toContain('Firefox does not allow Tact to send data to Claude');
    expect(await panel.$('[data-testid=ai-status]')).toBeNull();
    // Even a message straight to the background is refused.
    const refused = await panel.evaluate(async () => {
      type R = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const tabs = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).browser.tabs;
      const tab = (await tabs.query({})).find((t) => t.url?.includes('T-4001'))!;
      return (globalThis as unknown as { browser: R }).browser.runtime.sendMessage({ id: 1, type: 'readCustomer', data: { tabId: tab.id }, timestamp: Date.now() });
    });
    expect(JSON.stringify(refused)).toContain('no-consent');
    expect(stub.requests.length).toBe(before);

    const settings = await openSettings();
    await expect.poll(() => textOf(settings, '[data-testid=ai-consent]'), { timeout: 10_000 }).toContain('Firefox does not allow Tact to send data to Claude');
    await clickText(settings, '[data-testid=ai-consent] button', 'Allow sending to Claude');
    await expect.poll(() => textOf(settings, '[data-testid=ai-settings-status]'), { timeout: 10_000 }).toBe('Sending to Claude allowed.');
    expect(await dataConsent(settings)).toEqual(['personalCommunications', 'websiteContent']);
    await settings.close();
    await expect.poll(() => textOf(panel, '[data-testid=ai-reading]'), { timeout: 10_000 }).toContain('from cache');
    await page.close();
    await panel.close();
  });

  // Last: the backoff holds every request back for the next 40 s, as it should.
  test('a 429 from the API shows the rate limit with its countdown', async () => {
    stub.queue({ kind: 'error', status: 429, type: 'rate_limit_error', headers: { 'retry-after': '40' } });
    const before = stub.requests.length;
    const { page, panel } = await openTicket(t.browser, t.server.origin, 'T-1044');
    const sentence = 'Unfortunately the invoice cannot be changed now.';
    expect(phrasebook.match(sentence)).toEqual([]);
    await typeDraft(page, `Hello Ingrid. ${sentence}`);
    await expect.poll(() => rewriteButton(panel, sentence).then((b) => b != null), { timeout: 10_000 }).toBe(true);
    await panel.bringToFront();
    await (await rewriteButton(panel, sentence))!.click();
    await expect.poll(() => panel.$eval('[data-testid=ai-error]', (e) => e.getAttribute('data-kind')).catch(() => null), { timeout: 10_000 }).toBe('rate-limited');
    expect(await textOf(panel, '[data-testid=ai-error]')).toMatch(/Rate limited: retry in (3\d|40) s\./);
    // Said at once: not retried by the SDK after the 40 s.
    expect(stub.requests.length).toBe(before + 1);
    await page.close();
    await panel.close();
  });
});
