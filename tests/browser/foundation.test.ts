import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendCustomerMessage, expectedEntries, openTicket, setup, shownEntries, typeDraft } from './helpers';
import { stopServiceWorker } from '../../scripts/chromium';
import { readFileSync } from 'node:fs';
import { classifyCustomer } from '../../lib/classify';

// The whole path in real Chromium: demo page -> content script -> background -> side panel.
let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => void (t = await setup()));
afterAll(async () => t?.close());

describe('foundation: the first suggestion end to end', () => {
  test('the content script reads the customer thread before the agent types', async () => {
    const { page, panel } = await openTicket(t, 'T-1042');
    await expect.poll(() => panel.getByTestId('customer-latest').textContent()).toContain('close to moving my orders');
    await expect.poll(() => panel.getByTestId('site').textContent()).toContain('T-1042');
    expect(await panel.getByTestId('no-draft').isVisible()).toBe(true);

    // The panel shows the classifier's verdict on the thread, with the words behind the type.
    const tickets = JSON.parse(readFileSync('demo/helpdesk/conversations.json', 'utf8')) as { id: string; messages: { role: string; text: string }[] }[];
    const said = tickets.find((c) => c.id === 'T-1042')!.messages.filter((m) => m.role === 'customer').map((m) => m.text);
    const verdict = classifyCustomer({ text: said.at(-1)!, history: said.slice(0, -1) });
    expect(verdict.customerType).not.toBeNull();
    await expect.poll(() => panel.getByTestId('customer-type').getAttribute('data-type')).toBe(verdict.customerType!.type);
    const because = (await panel.getByTestId('type-evidence').textContent())!;
    for (const e of verdict.customerType!.evidence) expect(because).toContain(e.text);
    await page.close();
    await panel.close();
  });

  test('a message the customer sends while the agent types reaches the panel with the next analysis', async () => {
    const { page, panel } = await openTicket(t, 'T-1042');
    await typeDraft(page, 'Thanks for your patience.');
    await expect.poll(() => panel.getByTestId('customer-latest').textContent()).toContain('close to moving my orders');
    await appendCustomerMessage(page, 'Hello?? Is anyone there? I am still waiting for an answer.');
    await page.keyboard.type(' We are on it.', { delay: 2 });
    await expect.poll(() => panel.getByTestId('customer-latest').textContent(), { timeout: 10_000 }).toContain('still waiting for an answer');
    await page.close();
    await panel.close();
  });

  test('typing a risky phrase shows its suggestion; changing the draft removes it', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    const risky = 'Please calm down, that is our policy and I do not know when it will be fixed.';
    const expected = expectedEntries(risky);
    expect(expected.length).toBeGreaterThan(0);
    await typeDraft(page, risky);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expected);
    expect((await panel.getByTestId('say-this').first().textContent())?.length).toBeGreaterThan(0);

    const kind = 'I am sorry for the wait. I will unlock your account and email you within 10 minutes.';
    expect(expectedEntries(kind)).toEqual([]);
    await typeDraft(page, kind);
    await expect.poll(() => panel.getByTestId('no-findings').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
    await panel.close();
  });

  test('a stopped service worker does not break the next update', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    const first = 'Please calm down.';
    await typeDraft(page, first);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(first));

    const before = (await t.browser.worker()).url();
    await stopServiceWorker(t.browser); // resolves only once Chrome reports the worker stopped

    const second = 'I do not know, that is our policy.';
    await typeDraft(page, second);
    await expect.poll(() => shownEntries(panel), { timeout: 15_000 }).toEqual(expectedEntries(second));
    expect((await t.browser.worker()).url()).toBe(before);
    await page.close();
    await panel.close();
  });
});
