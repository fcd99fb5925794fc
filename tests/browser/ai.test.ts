import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { appendCustomerMessage, expectedMatches, feedbackRows, openTicket, setup, typeDraft } from './helpers';
import { GOOD_READING, GOOD_REWRITES, startAnthropicStub, type AnthropicStub } from '../support/anthropic-stub';
import { DRAFT, EMAIL, heldRewrite, REWRITE, RISKY } from '../support/ai-draft';
import { openPanel, stopServiceWorker } from '../../scripts/chromium';

// The AI fallback in real Chromium with the built extension; Claude is the loopback stub, reached by
// the real SDK from the service worker.

let t: Awaited<ReturnType<typeof setup>>;
let stub: AnthropicStub;
beforeAll(async () => {
  t = await setup();
  stub = await startAnthropicStub();
});
afterAll(async () => {
  await t?.close();
  await stub?.close();
});

const KEY = 'sk-ant-test-browser-KEY9';

async function openSettings(): Promise<Page> {
  const page = await t.browser.context.newPage();
  await page.goto(`chrome-extension://${t.browser.extensionId}/options.html`);
  await page.getByTestId('ai-key-state').waitFor();
  return page;
}

async function seriousAxeViolations(panel: Page) {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await panel.evaluate(axeSource);
  const violations = await panel.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('AI rewrites', () => {
  test('with no key the panel says AI is off, and works from the phrasebook', async () => {
    const { page, panel } = await openTicket(t, 'T-1043');
    // The file's first test meets the fresh profile's cold start (worker, databases, phrasebook); one CI run took over 10 s.
    await expect.poll(() => panel.getByTestId('ai-status').textContent(), { timeout: 20_000 }).toContain('AI rewrites are off');
    await typeDraft(page, DRAFT);
    await expect.poll(() => panel.getByTestId('ai-off').textContent(), { timeout: 10_000 }).toContain('AI off (no API key)');
    // Said once: the footer gives way to the AI section once there is a draft.
    expect(await panel.getByTestId('ai-status').count()).toBe(0);
    expect(await panel.locator('[data-action=ai-rewrite]').count()).toBe(0);
    // Nor is Claude offered to read the customer.
    expect(await panel.getByTestId('ai-reading').count()).toBe(0);
    expect(await seriousAxeViolations(panel)).toEqual([]);
    expect(stub.requests).toHaveLength(0);
    await page.close();
    await panel.close();
  });

  test('key and stub set in the settings; a risky sentence the phrasebook misses streams an AI card; Apply changes the draft', async () => {
    // The sentence is one the shipped phrasebook does not cover, or this test would prove nothing.
    expect(expectedMatches(RISKY)).toEqual([]);

    const settings = await openSettings();
    await settings.getByLabel('API key').fill(KEY);
    await settings.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => settings.getByTestId('ai-key-state').textContent()).toBe('A key is set (ending in KEY9).');
    expect(await settings.getByLabel('API key').inputValue()).toBe('');
    await settings.getByText('Advanced').click();
    await settings.getByLabel('API base URL').fill(stub.url);
    await settings.getByRole('button', { name: 'Save base URL' }).click();
    await expect.poll(() => settings.getByTestId('ai-settings-status').textContent()).toBe('Base URL saved.');
    // Anywhere but loopback or the Anthropic API is refused: the base URL decides where the key goes.
    await settings.getByLabel('API base URL').fill('https://collector.example.net');
    await settings.getByRole('button', { name: 'Save base URL' }).click();
    await expect.poll(() => settings.getByTestId('ai-settings-status').textContent()).toContain('loopback');

    // The key is in none of the stores a content script can read, nor in what pages are told.
    const stores = await settings.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<object> }>; runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      return JSON.stringify([await c.storage.local!.get(null), await c.storage.session!.get(null), await c.storage.sync!.get(null)]);
    });
    expect(stores).not.toContain(KEY);
    expect(stores).not.toContain('sk-ant');
    // It is in the extension origin's IndexedDB, which the worker reads ...
    const worker = await t.browser.worker();
    const stored = await worker.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('tact-ai-config');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('config').objectStore('config').get('ai');
            get.onsuccess = () => resolve((get.result as { apiKey?: string } | undefined)?.apiKey);
          };
        }),
    );
    expect(stored).toBe(KEY);
    await settings.close();

    const { reply, release } = heldRewrite();
    stub.queue(reply);

    const { page, panel } = await openTicket(t, 'T-1043');
    // ... and not in the helpdesk origin's, the only IndexedDB a content script there can open.
    expect((await page.evaluate(() => indexedDB.databases())).map((d) => d.name)).not.toContain('tact-ai-config');
    await typeDraft(page, DRAFT);
    await expect.poll(() => panel.getByTestId('ai-status').textContent(), { timeout: 10_000 }).toContain('AI rewrites on: claude-haiku-5-5 (key …KEY9)');
    const candidate = panel.getByTestId('ai-candidate').filter({ hasText: RISKY });
    await candidate.waitFor({ timeout: 10_000 });
    await candidate.getByRole('button', { name: 'Rewrite with AI' }).click();

    // Streaming: part of the rewrite is shown while the stub holds the end of the answer back.
    await panel.getByTestId('ai-asking').waitFor({ timeout: 10_000 });
    await expect.poll(() => panel.getByTestId('ai-streaming').textContent(), { timeout: 10_000 }).toMatch(/^I am sorry/);
    expect(await panel.getByTestId('ai-findings').count()).toBe(0);
    release();

    const card = panel.locator('[data-testid=finding][data-source=ai]');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByTestId('source').textContent()).toBe('AI');
    expect(await card.getByTestId('not-that').textContent()).toBe(RISKY);
    // The placeholder comes back as the customer's address.
    const expected = REWRITE.replace('[EMAIL_1]', EMAIL);
    expect(await card.getByTestId('say-this').first().textContent()).toBe(expected);

    // What left the browser: one request, the address replaced by its placeholder.
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]!.raw).not.toContain(EMAIL);
    expect(stub.requests[0]!.raw).toContain('[EMAIL_1]');
    expect(stub.requests[0]!.headers.authorization ?? stub.requests[0]!.headers['x-api-key']).toContain(KEY);

    await card.locator('[data-action=apply-first]').click();
    const draft = page.locator('[data-tact-draft]');
    await expect.poll(() => draft.inputValue(), { timeout: 10_000 }).toBe(DRAFT.replace(RISKY, expected));
    // The sentence is gone from the draft, and so is its rewrite.
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await feedbackRows(t.browser)).filter((r) => r.kind === 'apply' && r.source === 'ai').length, { timeout: 10_000 }).toBe(1);
    const row = (await feedbackRows(t.browser)).find((r) => r.source === 'ai');
    expect(row).toMatchObject({ entryId: 'ai:claude-haiku-5-5', suggestion: expected, phrase: RISKY, conversationId: 'T-1043' });
    expect(await seriousAxeViolations(panel)).toEqual([]);

    // The same sentence again is answered from the cache: no second request.
    await typeDraft(page, DRAFT);
    const again = panel.getByTestId('ai-candidate').filter({ hasText: RISKY });
    await again.waitFor({ timeout: 10_000 });
    await again.getByRole('button', { name: 'Rewrite with AI' }).click();
    await card.waitFor({ timeout: 10_000 });
    expect(stub.requests).toHaveLength(1);

    // Dismiss: the card goes, and the dismissal is recorded as AI feedback.
    await card.locator('[data-action=dismiss]').click();
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0);
    const dismissed = (await feedbackRows(t.browser)).filter((r) => r.kind === 'dismiss' && r.source === 'ai');
    expect(dismissed).toHaveLength(1);
    expect(dismissed[0]).toMatchObject({ entryId: 'ai:claude-haiku-5-5', phrase: RISKY });
    // Dismissed in this conversation: the sentence is not offered again, though it is still in the draft.
    await typeDraft(page, `${DRAFT} Thanks.`);
    await expect.poll(() => panel.getByTestId('ai-candidate').filter({ hasText: RISKY }).count(), { timeout: 10_000 }).toBe(0);
    // The agent can still ask for it on purpose, under "Rewrite another sentence".
    expect(await panel.locator('details .ai-candidates').textContent()).toContain(RISKY);
    await page.close();
    await panel.close();
  });

  test('a service worker stopped mid-request: the request is made again when the panel reconnects', async () => {
    stub.queue({ kind: 'hang' });
    const { page, panel } = await openTicket(t, 'T-1042');
    const sentence = 'Unfortunately the courier lost it again.';
    expect(expectedMatches(sentence)).toEqual([]);
    await typeDraft(page, `Hello Margaret. ${sentence}`);
    const candidate = panel.getByTestId('ai-candidate').filter({ hasText: sentence });
    await candidate.waitFor({ timeout: 10_000 });
    const before = stub.requests.length;
    await candidate.getByRole('button', { name: 'Rewrite with AI' }).click();
    await panel.getByTestId('ai-asking').waitFor({ timeout: 10_000 });
    await expect.poll(() => stub.requests.length, { timeout: 10_000 }).toBe(before + 1);

    await stopServiceWorker(t.browser);
    // The panel reconnects (which starts the worker); the stored request is made again and answered.
    const card = panel.locator('[data-testid=finding][data-source=ai]');
    await card.waitFor({ timeout: 20_000 });
    expect(stub.requests.length).toBe(before + 2);
    expect(await card.getByTestId('say-this').first().textContent()).toBe(GOOD_REWRITES.rewrites[0]!.text);
    await page.close();
    await panel.close();
  });

  test('a customer in a language Tact does not read: Claude reads them, backed by their own words; a stopped worker costs one more ask', async () => {
    stub.queue({ kind: 'hang' });
    const { page, panel, tabId } = await openTicket(t, 'T-4001');
    await panel.getByTestId('verdict-unsupported').waitFor({ timeout: 10_000 });
    const ask = panel.locator('[data-action=ai-read]');
    await expect.poll(() => ask.textContent(), { timeout: 10_000 }).toBe('Ask Claude to read this customer');
    const before = stub.requests.length;
    await ask.click();
    await panel.getByTestId('ai-reading-asking').waitFor({ timeout: 10_000 });
    await expect.poll(() => stub.requests.length, { timeout: 10_000 }).toBe(before + 1);

    // The worker dies with the request in flight; the panel asks once more by itself.
    await stopServiceWorker(t.browser);
    const result = panel.getByTestId('ai-reading-result');
    await result.waitFor({ timeout: 30_000 });
    expect(stub.requests.length).toBe(before + 2);
    const sent = stub.requests.at(-1)!;
    expect((sent.body.tool_choice as { name: string }).name).toBe('report_customer_reading');
    expect(sent.raw).toContain('seit zwölf Jahren Kunde');

    // Every label shown is backed by the customer's words; the stub's made-up "angry" quote is not shown.
    const tones = await panel.getByTestId('ai-reading-tones').locator('[data-tone]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tone')));
    expect(tones).toEqual(['frustrated', 'disappointed']);
    expect(await panel.getByTestId('ai-reading-evidence').textContent()).toContain('“das ist jetzt schon das dritte Mal”');
    expect(await panel.getByTestId('ai-reading-type').getAttribute('data-type')).toBe('loyal-at-risk');
    expect(await panel.getByTestId('ai-reading-wants').textContent()).toContain('arrive undamaged');
    expect(await result.textContent()).toContain('One label was left out');
    expect(await seriousAxeViolations(panel)).toEqual([]);

    // The agent thinks Claude misread the customer: the flag goes to the QA leads' queue.
    await panel.locator('[data-action=flag-reading]').click();
    const form = panel.getByTestId('flag-form');
    await form.getByLabel('Inaccurate').check();
    await form.getByRole('button', { name: 'Send flag' }).click();
    await expect.poll(() => panel.getByTestId('reading-flag-status').textContent(), { timeout: 10_000 }).toBe('Flagged for your QA lead.');
    const flagged = (await feedbackRows(t.browser)).find((r) => r.kind === 'flag' && r.entryId === 'ai-reading:claude-haiku-5-5');
    expect(flagged).toMatchObject({ source: 'ai', conversationId: 'T-4001', reason: 'inaccurate', phrase: 'frustrated, disappointed · loyal-at-risk' });
    expect(flagged!.sentence).toContain('seit zwölf Jahren Kunde');

    // Reopened, the panel shows the reading again from the cache, with no new request.
    await panel.close();
    const reopened = await openPanel(t.browser, tabId);
    await expect.poll(() => reopened.getByTestId('ai-reading-result').textContent(), { timeout: 10_000 }).toContain('from cache');
    expect(stub.requests.length).toBe(before + 2);
    await page.close();
    await reopened.close();
  });

  test('"Rewrite the sentence at the cursor" asks for the sentence the caret is in', async () => {
    const { page, panel } = await openTicket(t, 'T-1044');
    const target = 'The invoice went out with the old address on it.';
    await typeDraft(page, `Hello Ingrid. ${target} I will send a new one.`);
    await panel.locator('[data-action=ai-rewrite-at-caret]').waitFor({ timeout: 10_000 });
    // The agent clicks into the middle of the second sentence, then in the panel.
    await page.evaluate((word) => {
      const box = document.querySelector('[data-tact-draft]') as HTMLTextAreaElement;
      const at = box.value.indexOf(word);
      box.focus();
      box.setSelectionRange(at, at);
    }, 'old address');
    const before = stub.requests.length;
    await panel.locator('[data-action=ai-rewrite-at-caret]').click();
    const card = panel.locator('[data-testid=finding][data-source=ai]');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByTestId('not-that').textContent()).toBe(target);
    expect(stub.requests.length).toBe(before + 1);
    expect(stub.requests.at(-1)!.raw).toContain(`<sentence>\\n${target}\\n</sentence>`);
    await page.close();
    await panel.close();
  });

  test('with "ask by itself" on, a new message Tact cannot read is read by Claude without a click, and a rewrite gets that reading as context', async () => {
    const settings = await openSettings();
    await settings.getByLabel(/Ask Claude to read the customer by itself/).check();
    await expect.poll(() => settings.getByTestId('ai-settings-status').textContent()).toBe('Claude will read customers Tact is unsure about.');
    await settings.close();

    const { page, panel } = await openTicket(t, 'T-4001');
    // The reading of the earlier test, from the cache: nothing sent.
    await expect.poll(() => panel.getByTestId('ai-reading-result').textContent(), { timeout: 10_000 }).toContain('from cache');
    const before = stub.requests.length;
    await appendCustomerMessage(page, 'Hallo? Ich warte immer noch auf eine Antwort.');
    await typeDraft(page, 'Hallo Herr Becker,');
    await expect.poll(() => stub.requests.length, { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => panel.getByTestId('ai-reading-result').textContent(), { timeout: 10_000 }).not.toContain('from cache');
    expect(stub.requests.at(-1)!.raw).toContain('Ich warte immer noch auf eine Antwort');

    // A rewrite in this thread gets Claude's reading as the customer's context, as Tact has none of its own.
    const sentence = 'Leider kann ich da nichts machen.';
    await typeDraft(page, `Hallo Herr Becker, ${sentence}`);
    await panel.getByText('Rewrite another sentence with AI…').click();
    const pick = panel.locator('details li').filter({ hasText: sentence });
    await pick.waitFor({ timeout: 10_000 });
    await pick.getByRole('button', { name: 'Rewrite with AI' }).click();
    await expect.poll(() => stub.requests.length, { timeout: 10_000 }).toBe(before + 2);
    const rewrite = stub.requests.at(-1)!;
    expect((rewrite.body.tool_choice as { name: string }).name).toBe('suggest_rewrites');
    expect(rewrite.raw).toContain('frustrated, disappointed');
    expect(rewrite.raw).toContain('Customer type: loyal-at-risk');
    await page.close();
    await panel.close();
  });

  test('abuse only Claude finds (a language Tact does not read) adds the boundary step to the checklist', async () => {
    // "Ask by itself" is on (the test before): the new message is read without a click.
    stub.queue({ kind: 'tool', input: { ...GOOD_READING, abuse: 'insult', abuseEvidence: ['Ihr seid alle Idioten'] } });
    const { page, panel } = await openTicket(t, 'T-4001');
    const step = panel.locator('[data-testid=checklist] [data-item="boundary"]');
    await typeDraft(page, 'Hallo Herr Becker,');
    await panel.getByTestId('checklist').waitFor({ timeout: 10_000 });
    expect(await step.count()).toBe(0);
    await appendCustomerMessage(page, 'Ihr seid alle Idioten.');
    await typeDraft(page, 'Hallo Herr Becker, es tut mir leid.');
    await expect.poll(() => step.count(), { timeout: 10_000 }).toBe(1);
    expect(await step.getAttribute('data-done')).toBe('false');
    await page.close();
    await panel.close();
  });

  test("a rewrite that says what the team's phrasebook flags is not offered, and the panel says why", async () => {
    const sentence = 'Unfortunately the refund form is broken today.';
    const flagged = 'I understand, but the refund form is broken today.';
    const good = 'I am sorry the refund form is broken; I will process your refund by hand today.';
    expect(expectedMatches(sentence)).toEqual([]);
    expect(expectedMatches(flagged).length).toBeGreaterThan(0);
    stub.queue({ kind: 'tool', input: { rewrites: [{ text: flagged, why: 'Honest.' }, { text: good, why: 'Owns it.' }] } });
    const { page, panel } = await openTicket(t, 'T-1044');
    await typeDraft(page, `Hello Ingrid. ${sentence}`);
    const candidate = panel.getByTestId('ai-candidate').filter({ hasText: sentence });
    await candidate.waitFor({ timeout: 10_000 });
    await candidate.getByRole('button', { name: 'Rewrite with AI' }).click();
    const card = panel.locator('[data-testid=finding][data-source=ai]');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByTestId('say-this').allTextContents()).toEqual([good]);
    expect(await panel.getByTestId('ai-left-out').textContent()).toContain('your phrasebook flags “I understand, but”');
    await page.close();
    await panel.close();
  });

  test('a cue switched off in the settings offers its sentences no more; switched on, they are back', async () => {
    const sentence = 'Unfortunately the refund form is broken today.';
    const { page, panel } = await openTicket(t, 'T-1044');
    await typeDraft(page, `Hello Ingrid. ${sentence}`);
    const candidate = panel.getByTestId('ai-candidate').filter({ hasText: sentence });
    await candidate.waitFor({ timeout: 10_000 });
    const settings = await openSettings();
    const cue = settings.locator('[data-cue="en:unfortunately"]');
    await cue.uncheck();
    await expect.poll(() => candidate.count(), { timeout: 10_000 }).toBe(0);
    await cue.check();
    await expect.poll(() => candidate.count(), { timeout: 10_000 }).toBe(1);
    await settings.close();
    await page.close();
    await panel.close();
  });

  // Last: the backoff holds every request back for the next 40 s, as it should.
  test('a 429 shows the rate limit with its countdown', async () => {
    stub.queue({ kind: 'error', status: 429, type: 'rate_limit_error', headers: { 'retry-after': '40' } });
    const { page, panel } = await openTicket(t, 'T-1044');
    const sentence = 'Unfortunately the invoice cannot be changed now.';
    await typeDraft(page, `Hello Ingrid. ${sentence}`);
    const candidate = panel.getByTestId('ai-candidate').filter({ hasText: sentence });
    await candidate.waitFor({ timeout: 10_000 });
    await candidate.getByRole('button', { name: 'Rewrite with AI' }).click();
    const error = panel.getByTestId('ai-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.getAttribute('data-kind')).toBe('rate-limited');
    expect(await error.textContent()).toMatch(/Rate limited: retry in (3\d|40) s\./);
    await page.close();
    await panel.close();
  });
});
