import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectedEntries } from '../support/shipped-phrasebook';
import { click, clickText, openExtensionPage, openTicket, shownEntries, tabIdOf, textOf, typeDraft, useFirefox } from './firefox';

// The Firefox build (MV2, sidebar_action) in real Firefox ESR: demo page -> content script ->
// background scripts -> the sidebar page, opened as a tab pinned to the ticket (?tab=ID).

const t = useFirefox();

describe('firefox: the sidebar page', () => {
  test('shows the customer and the suggestion for a risky draft, and drops it for a harmless one', async () => {
    const page = await t.browser.newPage();
    await page.goto(`${t.server.origin}/helpdesk/?c=T-1043`);
    const tabId = await tabIdOf(t.browser, page.url());
    const panel = await t.browser.newPage();
    await openExtensionPage(panel, `sidepanel.html?tab=${tabId}`);

    // The content script read the thread before anyone typed.
    const tickets = JSON.parse(readFileSync('demo/helpdesk/conversations.json', 'utf8')) as { id: string; messages: { role: string; text: string }[] }[];
    const latest = tickets.find((c) => c.id === 'T-1043')!.messages.filter((m) => m.role === 'customer').at(-1)!.text;
    await expect.poll(() => textOf(panel, '[data-testid=customer-latest]'), { timeout: 10_000 }).toContain(latest);
    await expect.poll(() => textOf(panel, '[data-testid=customer-latest]'), { timeout: 10_000 }).toContain(latest);

    const risky = 'Please calm down, that is our policy.';
    const expected = expectedEntries(risky);
    expect(expected.length).toBeGreaterThan(0);
    await typeDraft(page, risky);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expected);
    expect((await textOf(panel, '[data-testid=say-this]'))?.length).toBeGreaterThan(0);

    const kind = 'I am sorry for the wait. I will unlock your account and email you within 10 minutes.';
    expect(expectedEntries(kind)).toEqual([]);
    await typeDraft(page, kind);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => panel.evaluate(() => document.querySelector('[data-testid=no-findings]') != null)).toBe(true);
    await page.close();
    await panel.close();
  });

  test('Pause here stops Tact on the site (storage change heard by the content script); Resume brings the findings back', async () => {
    const { page, panel, tabId } = await openTicket(t.browser, t.server.origin, 'T-1043');
    // What the worker keeps for the tab (lib/tab-states.ts), read from the extension page.
    const stored = () =>
      panel.evaluate(async (key) => {
        const api = (globalThis as unknown as { browser: { storage: { session: { get(k: string): Promise<Record<string, { draft?: string }>> } } } }).browser;
        return (await api.storage.session.get(key))[key]?.draft ?? null;
      }, `tab:${tabId}`);
    const risky = 'Please calm down, that is our policy.';
    await typeDraft(page, risky);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(risky));
    expect(await stored()).toBe(risky);
    await click(panel, '[data-action=pause]');
    await expect.poll(() => panel.evaluate(() => document.querySelector('[data-testid=paused]') != null), { timeout: 10_000 }).toBe(true);
    // While paused the page sends nothing: a new risky draft brings no analysis, and the panel stays paused.
    await expect.poll(stored, { timeout: 10_000 }).toBeNull();
    await typeDraft(page, 'That is not my problem.');
    await new Promise((r) => setTimeout(r, 800));
    expect(await stored()).toBeNull();
    expect(await panel.evaluate(() => document.querySelector('[data-testid=paused]') != null)).toBe(true);
    await clickText(panel, 'button', 'Resume on this site');
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries('That is not my problem.'));
    expect(expectedEntries('That is not my problem.').length).toBeGreaterThan(0);
    await page.close();
    await panel.close();
  });
});
