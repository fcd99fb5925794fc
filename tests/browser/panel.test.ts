import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { appendAgentMessage, appendCustomerMessage, expectedEntries, expectedMatches, feedbackRows, openTicket, setup, shownEntries, typeDraft } from './helpers';

// The side panel as the agent uses it, in real Chromium with the built extension.
let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => void (t = await setup()));
afterAll(async () => t?.close());

const RISKY = 'Please calm down. That is our policy.';

describe('side panel', () => {
  test('Apply replaces the span in the textarea draft, and Undo puts it back', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    await typeDraft(page, RISKY);
    const [first] = expectedMatches(RISKY);
    expect(first).toBeDefined();
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(RISKY));

    const card = panel.locator(`[data-testid=finding][data-entry="${first!.entry.id}"]`);
    const suggestion = (await card.getByTestId('say-this').first().textContent())!;
    await card.locator('[data-action=apply-first]').click();
    const draft = page.locator('[data-tact-draft]');
    const applied = RISKY.slice(0, first!.start) + suggestion + RISKY.slice(first!.end);
    await expect.poll(() => draft.inputValue(), { timeout: 10_000 }).toBe(applied);
    await expect.poll(() => panel.getByTestId('applied-bar').isVisible()).toBe(true);

    await panel.getByTestId('applied-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => draft.inputValue(), { timeout: 10_000 }).toBe(RISKY);
    const rows = await feedbackRows(t.browser);
    const apply = rows.find((r) => r.kind === 'apply' && r.entryId === first!.entry.id);
    expect(apply).toMatchObject({ suggestion, conversationId: 'T-1043', site: 'demo' });
    expect(apply?.undoneAt).toBeTypeOf('number');
    await page.close();
    await panel.close();
  });

  test('Flag as unhelpful stores the reason, note and sentence', async () => {
    const { page, panel } = await openTicket(t, 'T-1042');
    await typeDraft(page, `Hello Margaret. ${RISKY}`);
    const [first] = expectedMatches(RISKY);
    const card = panel.locator(`[data-testid=finding][data-entry="${first!.entry.id}"]`);
    await card.waitFor({ timeout: 10_000 });
    await card.locator('[data-action=flag]').click();
    const form = card.getByTestId('flag-form');
    await form.getByLabel('Off-brand').check();
    await form.getByLabel(/Note for your QA lead/).fill('We never say this to long-time customers.');
    await form.getByRole('button', { name: 'Send flag' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Flagged');

    const rows = await feedbackRows(t.browser);
    const flag = rows.find((r) => r.kind === 'flag' && r.conversationId === 'T-1042');
    expect(flag).toMatchObject({
      entryId: first!.entry.id,
      reason: 'off-brand',
      note: 'We never say this to long-time customers.',
      phrase: first!.text,
      site: 'demo',
    });
    expect(String(flag?.sentence)).toContain(first!.text);
    await page.close();
    await panel.close();
  });

  test('a dismissed suggestion stays dismissed in that conversation only', async () => {
    const { page, panel } = await openTicket(t, 'T-1044');
    await typeDraft(page, RISKY);
    const [first] = expectedMatches(RISKY);
    const card = panel.locator(`[data-testid=finding][data-entry="${first!.entry.id}"]`);
    await card.waitFor({ timeout: 10_000 });
    await card.locator('[data-action=dismiss]').click();
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0);

    // Same conversation after a reload: still dismissed.
    await page.reload();
    await typeDraft(page, RISKY);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(
      expectedEntries(RISKY).filter((id) => id !== first!.entry.id),
    );
    // Another conversation: shown.
    const other = await openTicket(t, 'T-3001');
    await typeDraft(other.page, RISKY);
    await expect.poll(() => shownEntries(other.panel), { timeout: 10_000 }).toEqual(expectedEntries(RISKY));
    for (const p of [page, panel, other.page, other.panel]) await p.close();
  });

  test('keyboard: j moves to a suggestion and a applies it', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    await typeDraft(page, RISKY);
    await panel.getByTestId('finding').first().waitFor({ timeout: 10_000 });
    const firstCardText = await panel.getByTestId('finding').first().getByTestId('say-this').first().textContent();
    await panel.bringToFront();
    await panel.getByTestId('panel').focus().catch(() => {});
    await panel.locator('h1').click();
    await panel.keyboard.press('j');
    await panel.keyboard.press('k');
    await panel.keyboard.press('a');
    await expect.poll(() => page.locator('[data-tact-draft]').inputValue(), { timeout: 10_000 }).toContain(firstCardText!);
    await page.close();
    await panel.close();
  });

  test('a panel in its own window follows the active tab, and each ticket keeps its state', async () => {
    const a = await t.browser.context.newPage();
    await a.goto(`${t.server.origin}/helpdesk/?c=T-1042`);
    await typeDraft(a, RISKY);
    const b = await t.browser.context.newPage();
    await b.goto(`${t.server.origin}/helpdesk/?c=T-3001`);
    await typeDraft(b, 'Hej Karin, tack för ditt tålamod.');

    const opener = await t.browser.context.newPage();
    await opener.goto(`chrome-extension://${t.browser.extensionId}/sidepanel.html?tab=-1`);
    const panelPromise = t.browser.context.waitForEvent('page', (p) => p.url().endsWith('/sidepanel.html'));
    await opener.evaluate(() =>
      (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({
        url: 'sidepanel.html',
        type: 'normal',
      }),
    );
    const panel = await panelPromise;
    await opener.close();

    await b.bringToFront(); // whichever tab Chrome activated on close, the next line is a switch
    await a.bringToFront();
    await expect.poll(() => panel.getByTestId('site').textContent(), { timeout: 10_000 }).toContain('T-1042');
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(RISKY));
    await b.bringToFront();
    await expect.poll(() => panel.getByTestId('site').textContent(), { timeout: 10_000 }).toContain('T-3001');
    await a.bringToFront();
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(RISKY));
    for (const p of [a, b, panel]) await p.close();
  });

  test('a draft in a language the phrasebook lacks says so, instead of "nothing risky"', async () => {
    const { page, panel } = await openTicket(t, 'T-1042');
    await typeDraft(page, 'Sehr geehrte Frau Ellis, vielen Dank für Ihre Nachricht. Wir prüfen das und melden uns.');
    await panel.getByTestId('draft-unsupported').waitFor({ timeout: 10_000 });
    await typeDraft(page, 'Thanks Margaret, I have asked the warehouse to check your parcel today.');
    await panel.getByTestId('no-findings').waitFor({ timeout: 10_000 });
    await page.close();
    await panel.close();
  });

  test('the checklist ticks from the draft, and not for a sentence the phrasebook flags', async () => {
    const { page, panel } = await openTicket(t, 'T-1042');
    const step = (id: string) => panel.locator(`[data-testid=checklist] [data-item="${id}"]`);
    const flagged = "I'm sorry you feel that way. I will look into it.";
    expect(expectedEntries(flagged)).toContain('en-apologise-sorry-you-feel-that-way');
    await typeDraft(page, flagged);
    await expect.poll(() => step('apologise').textContent(), { timeout: 10_000 }).toContain('does not count');
    expect(await step('apologise').getAttribute('data-done')).toBe('false');
    expect(await step('next-step').textContent()).toContain('Say when');
    await page.locator('[data-tact-draft]').press('End');
    await page.keyboard.type(" I'm truly sorry the parcel arrived crushed, and I will call you back this afternoon.", { delay: 2 });
    await expect.poll(() => step('apologise').getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => step('next-step').getAttribute('data-done')).toBe('true');
    await page.close();
    await panel.close();
  });

  test('an abusive customer adds the boundary step, ticked by a warning in the draft', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    const step = panel.locator('[data-testid=checklist] [data-item="boundary"]');
    await typeDraft(page, 'Hello again.');
    await panel.getByTestId('checklist').waitFor({ timeout: 10_000 });
    expect(await step.count()).toBe(0);
    await appendCustomerMessage(page, 'You are useless idiots, all of you.');
    await typeDraft(page, "I'm sorry for the wait.");
    await expect.poll(() => step.getAttribute('data-done'), { timeout: 10_000 }).toBe('false');
    // What to do is said once, by the abuse notice for the level found, not again under the type.
    await expect.poll(() => panel.getByTestId('customer-type').getAttribute('data-type')).toBe('abusive');
    expect(await panel.getByTestId('abuse').textContent()).toContain('Warn once');
    expect(await panel.getByTestId('customer-type').textContent()).not.toMatch(/warn once/i);
    await typeDraft(page, "I'm sorry for the wait. I want to help, but if the insults continue I will have to end this chat.");
    await expect.poll(() => step.getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
    await page.close();
    await panel.close();
  });

  test('swearing at no one is a quiet note; once it goes on, the boundary step is added', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    const step = panel.locator('[data-testid=checklist] [data-item="boundary"]');
    const notice = panel.getByTestId('abuse');
    await appendCustomerMessage(page, 'This is fucking ridiculous, it still has not arrived.');
    await typeDraft(page, "I'm sorry for the wait.");
    await expect.poll(() => notice.getAttribute('data-level'), { timeout: 10_000 }).toBe('swearing');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toContain('not aimed at you');
    expect(await step.count()).toBe(0);
    await appendCustomerMessage(page, 'Three weeks of this shit.');
    await typeDraft(page, "I'm sorry for the wait. Let me check.");
    await expect.poll(() => step.getAttribute('data-done'), { timeout: 10_000 }).toBe('false');
    expect(await notice.textContent()).toContain('goes on from an earlier message');
    await typeDraft(page, "I'm sorry for the wait. Let me check, and let's keep it civil so I can help.");
    await expect.poll(() => step.getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
    await page.close();
    await panel.close();
  });

  test('warned once in the chat and the abuse goes on: the step becomes ending the conversation', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    const step = panel.locator('[data-testid=checklist] [data-item="boundary"]');
    await appendCustomerMessage(page, 'You are useless idiots, all of you.');
    await appendAgentMessage(page, 'I want to help, but if the insults continue I will have to end this chat.');
    await typeDraft(page, 'Let me check your account.');
    // The warning was the last word: the step is taken.
    await expect.poll(() => step.getAttribute('data-earlier'), { timeout: 10_000 }).toBe('true');
    await appendCustomerMessage(page, 'Shut up and fix it, idiot.');
    await typeDraft(page, 'Let me check your account now.');
    await expect.poll(() => step.textContent(), { timeout: 10_000 }).toContain('you warned them');
    expect(await step.getAttribute('data-done')).toBe('false');
    await typeDraft(page, 'As I said, I am ending this chat now.');
    await expect.poll(() => step.getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
    await page.close();
    await panel.close();
  });

  test('in a chat, a step taken in a message already sent is ticked', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    const apologise = panel.locator('[data-testid=checklist] [data-item="apologise"]');
    await typeDraft(page, 'Your parcel leaves our warehouse today.');
    await expect.poll(() => apologise.getAttribute('data-done'), { timeout: 10_000 }).toBe('false');
    // A sent message the phrasebook flags counts no more than a draft would.
    await appendAgentMessage(page, "I'm sorry you feel that way.");
    await typeDraft(page, 'Could you confirm your address?');
    // The panel has this draft (and the sent message) once "ask" is ticked.
    await expect.poll(() => panel.locator('[data-testid=checklist] [data-item="ask"]').getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
    expect(await apologise.getAttribute('data-done')).toBe('false');
    await appendAgentMessage(page, "I'm so sorry for the wait, let me check right away.");
    await typeDraft(page, 'Your parcel leaves our warehouse today, I will send the tracking within 2 hours.');
    await expect.poll(() => apologise.getAttribute('data-earlier'), { timeout: 10_000 }).toBe('true');
    expect(await apologise.getAttribute('data-done')).toBe('true');
    expect(await apologise.textContent()).toContain('(already sent)');
    await page.close();
    await panel.close();
  });

  test('a reply not in the customer\'s language is pointed out', async () => {
    const { page, panel } = await openTicket(t, 'T-3001');
    const notice = panel.getByTestId('language-mismatch');
    await typeDraft(page, 'Hello, I am sorry that your delivery has not arrived yet.');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toBe('The customer wrote in Swedish; your reply reads as English.');
    await typeDraft(page, 'Hej, jag är ledsen att leveransen inte har kommit än.');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(0);
    await page.close();
    await panel.close();
  });

  test.each(['light', 'dark'] as const)('at 320 px in %s mode: no horizontal scroll, and axe-core finds no serious violations', async (scheme) => {
    const { page, panel } = await openTicket(t, 'T-1042');
    await panel.setViewportSize({ width: 320, height: 720 });
    await panel.emulateMedia({ colorScheme: scheme });
    await typeDraft(page, RISKY);
    await panel.getByTestId('finding').first().waitFor({ timeout: 10_000 });
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await panel.evaluate(axeSource); // CDP evaluation is not bound by the extension page's CSP
    const violations = await panel.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
    // The panel follows the system theme: a dark background in dark mode, a light one otherwise.
    expect(r + g + b < 3 * 128).toBe(scheme === 'dark');
    await page.close();
    await panel.close();
  });
});
