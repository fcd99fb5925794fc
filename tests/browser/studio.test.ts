import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expectedEntries, expectedMatches, feedbackRows, openTicket, setup, shownEntries, typeDraft } from './helpers';
import { stopServiceWorker } from '../../scripts/chromium';
import { classifyCustomer } from '../../lib/classify';
import { verdictContext } from '../../lib/draft-analysis';

// The studio in real Chromium with the built extension and real IndexedDB: a QA lead adds an
// entry, the test bench fires it, the worker picks it up for an agent's draft, and undo takes it away.
let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => void (t = await setup()));
afterAll(async () => t?.close());

const ID = 'en-timing-team-circle-back';
const DRAFT = 'Thanks for waiting. We will circle back later.';

describe('phrasebook studio', () => {
  test('add an entry, see it fire on the bench and in an agent draft; undo it and it is gone', async () => {
    expect(expectedEntries(DRAFT)).not.toContain(ID);
    const studio = await t.browser.context.newPage();
    await studio.goto(`chrome-extension://${t.browser.extensionId}/studio.html`);
    await studio.getByTestId('studio').waitFor();

    await studio.locator('[data-action=new-entry]').click();
    const editor = studio.getByTestId('entry-editor');
    await editor.getByLabel('Id', { exact: true }).fill(ID);
    await editor.getByLabel('Category').selectOption('timing');
    await editor.getByLabel('Say not (patterns, one per line)').fill('circle back (later|soon)');
    await editor.getByLabel('Say instead (one per line)').fill('I will write again by Friday');
    // Without a why, the schema's message sits under that field.
    await expect.poll(() => editor.locator('[data-field=why] [data-testid=field-problems]').textContent(), { timeout: 10_000 }).toBeTruthy();
    await editor.getByLabel('Why (shown to the agent)').fill('"Circle back" names no time.');
    await editor.getByLabel('Must flag (inline tests, one per line)').fill('Talk soon.');
    // Live validation points at the failing inline test, and saving is not possible.
    await expect.poll(() => editor.locator('[data-field=match] [data-testid=field-problems]').textContent(), { timeout: 10_000 }).toContain('line 1: should be flagged but is not');
    await expect.poll(() => editor.locator('[data-action=save]').isDisabled(), { timeout: 10_000 }).toBe(true);
    await editor.getByLabel('Must flag (inline tests, one per line)').fill('We will circle back later.');
    await expect.poll(() => editor.getByTestId('validation').textContent(), { timeout: 10_000 }).toContain('Valid');
    // Tried before saving.
    await editor.getByTestId('try-sentence').fill('OK, we will circle back soon then.');
    await expect.poll(() => editor.getByTestId('try-result').textContent(), { timeout: 10_000 }).toBe('fires on “circle back soon” → I will write again by Friday');
    await editor.locator('[data-action=save]').click();
    await expect.poll(() => studio.getByTestId('studio-status').textContent(), { timeout: 10_000 }).toContain(`Added ${ID}. Tact now matches with`);

    // The test bench fires it, highlighted.
    await studio.locator('[data-view=bench]').click();
    await studio.getByTestId('bench-draft').fill(DRAFT);
    await expect.poll(() => studio.locator(`[data-testid=bench-finding][data-entry="${ID}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await studio.getByTestId('bench-preview').locator('mark').allTextContents()).toContain('circle back later');

    // An agent's draft in the demo helpdesk: the worker matches with the team entry.
    const { page, panel } = await openTicket(t, 'T-1043');
    await typeDraft(page, DRAFT);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual([...expectedEntries(DRAFT), ID].sort());

    // A worker Chrome stopped reads the team edits again when it starts.
    await stopServiceWorker(t.browser);
    await typeDraft(page, `${DRAFT} Bye.`);
    await expect.poll(() => shownEntries(panel), { timeout: 15_000 }).toEqual([...expectedEntries(`${DRAFT} Bye.`), ID].sort());

    // Undo in the history: the worker drops it, and the open panel follows without a keystroke.
    await studio.bringToFront();
    await studio.locator('[data-view=history]').click();
    const record = studio.getByTestId('history-record').filter({ hasText: `Added ${ID}` });
    await record.locator('[data-action=undo]').click();
    await expect.poll(() => studio.getByTestId('studio-status').textContent(), { timeout: 10_000 }).toContain('Undone.');
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(DRAFT));
    // And the page's own matcher has the old rules back: typing on does not bring it back.
    await page.bringToFront();
    await typeDraft(page, `${DRAFT} Thanks.`);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(`${DRAFT} Thanks.`));
    for (const p of [page, panel, studio]) await p.close();
  });

  test('import: a malformed file is refused with its errors; a good one is imported, exported, and undone as a whole', async () => {
    const studio = await t.browser.context.newPage();
    await studio.goto(`chrome-extension://${t.browser.extensionId}/studio.html?view=import`);
    const files = studio.getByTestId('import-files');
    await files.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"locale": "en",') });
    await expect.poll(() => studio.getByTestId('import-problems').textContent(), { timeout: 10_000 }).toContain('bad.json: not valid JSON');

    const id = 'en-timing-team-touch-base';
    const file = {
      locale: 'en',
      category: 'timing',
      entries: [{ id, avoid: ['touch base (later|soon)'], prefer: ['I will write again by Friday'], why: 'No time named.', source: 'team', tests: { match: ['Let us touch base later.'] } }],
    };
    await files.setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => studio.getByTestId('import-summary').textContent(), { timeout: 10_000 }).toContain('adds 1, changes 0, removes 0');
    await studio.locator('[data-action=import]').click();
    await expect.poll(() => studio.getByTestId('studio-status').textContent(), { timeout: 10_000 }).toContain('Imported 1 entries from team.json (merge).');

    // The export carries it, in the shipped format.
    const download = studio.waitForEvent('download');
    await studio.locator('[data-action=export-bundle]').click();
    const bundle = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
    expect(bundle.format).toBe('tact-phrasebook-bundle');
    expect(bundle.files['en/timing.json'].entries.map((e: { id: string }) => e.id)).toContain(id);
    const csvDownload = studio.waitForEvent('download');
    await studio.locator('[data-action=export-csv]').click();
    const csv = await readFile((await (await csvDownload).path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('id,locale,category,severity,avoid,prefer,why,unless,tones,types,channel,source,match,noMatch');
    expect(csv).toContain(`${id},en,timing,warning,`);

    await studio.locator('[data-view=entries]').click();
    await studio.getByLabel('Origin').selectOption('team');
    await expect.poll(() => studio.getByTestId('entry-list').locator('li').evaluateAll((li) => li.map((l) => l.getAttribute('data-entry'))), { timeout: 10_000 }).toEqual([id]);

    await studio.locator('[data-view=history]').click();
    await studio.getByTestId('history-record').filter({ hasText: 'Imported 1 entries' }).locator('[data-action=undo]').click();
    await expect.poll(() => studio.getByTestId('studio-status').textContent(), { timeout: 10_000 }).toContain('Undone.');
    await studio.locator('[data-view=entries]').click();
    await expect.poll(() => studio.getByTestId('entry-list').locator('li').count(), { timeout: 10_000 }).toBe(0);
    await studio.close();
  });

  test('flag queue: an agent flag from the panel shows under its entry with the sentence, reason, note, tone and type; resolve it', async () => {
    // The agent flags a suggestion in the side panel, as in panel.test.ts.
    const risky = 'Hello Margaret. That is our policy.';
    const [first] = expectedMatches(risky);
    expect(first).toBeDefined();
    const entryId = first!.entry.id;
    const { page, panel } = await openTicket(t, 'T-1042');
    await typeDraft(page, risky);
    const card = panel.locator(`[data-testid=finding][data-entry="${entryId}"]`);
    await card.waitFor({ timeout: 10_000 });
    await card.locator('[data-action=flag]').click();
    const form = card.getByTestId('flag-form');
    await form.getByLabel('Off-brand').check();
    await form.getByLabel(/Note for your QA lead/).fill('We never say policy.');
    await form.getByRole('button', { name: 'Send flag' }).click();
    await expect.poll(() => card.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Flagged');
    const row = (await feedbackRows(t.browser)).find((r) => r.kind === 'flag' && r.conversationId === 'T-1042' && r.entryId === entryId);
    // The worker records the customer's tone and type with the flag, for the queue.
    expect(row?.tone).toBeTypeOf('string');

    const studio = await t.browser.context.newPage();
    await studio.goto(`chrome-extension://${t.browser.extensionId}/studio.html?view=flags`);
    const group = studio.locator(`.flag-group[data-entry="${entryId}"]`);
    const flag = group.getByTestId('flag');
    await expect.poll(() => flag.textContent(), { timeout: 10_000 }).toContain('We never say policy.');
    const text = (await flag.textContent())!;
    expect(text).toContain('Off-brand');
    expect(text).toContain(`tone: ${String(row!.tone)}`);
    if (row!.customerType) expect(text).toContain(`type: ${String(row!.customerType)}`);
    expect(await flag.locator('mark').textContent()).toBe(first!.text);
    expect(await studio.locator('[data-view=flags]').textContent()).toBe('Flagged (1)');
    await group.locator('[data-action=resolve]').click();
    await expect.poll(() => studio.locator('[data-view=flags]').textContent(), { timeout: 10_000 }).toBe('Flagged');
    await group.locator('[data-action=open-entry]').click();
    await expect.poll(() => studio.getByTestId('entry-editor').locator('h2').textContent(), { timeout: 10_000 }).toBe(entryId);

    // Usage counts the flag against the entry, and opens the entry from its row.
    await studio.locator('[data-view=usage]').click();
    const usage = studio.getByTestId('usage').locator(`tr[data-entry="${entryId}"]`);
    await expect.poll(() => usage.locator('[data-col=flagged]').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await usage.locator('[data-col=accepted]').textContent()).toBe('0%');
    const csvDownload = studio.waitForEvent('download');
    await studio.locator('[data-action=export-usage]').click();
    const usageCsv = await readFile((await (await csvDownload).path())!, 'utf8');
    expect(usageCsv.split('\n')[0]).toBe('entryId,applied,dismissed,flagged,accepted,undone,lastAt');
    expect(usageCsv).toContain(`${entryId},0,0,1,0.000,0,`);
    await usage.getByRole('button', { name: entryId }).click();
    await expect.poll(() => studio.getByTestId('entry-editor').locator('h2').textContent(), { timeout: 10_000 }).toBe(entryId);
    for (const p of [studio, page, panel]) await p.close();
  });

  test("test bench: a customer's message sets the tones and type, so entries for upset customers fire", async () => {
    const studio = await t.browser.context.newPage();
    await studio.goto(`chrome-extension://${t.browser.extensionId}/studio.html`);
    await studio.locator('[data-view=bench]').click();
    const rushing = studio.locator('[data-testid=bench-finding][data-entry="en-rushing-anything-else-too-early"]');
    await studio.getByTestId('bench-draft').fill('Is there anything else I can help you with?');
    await expect.poll(() => studio.getByTestId('bench-preview').textContent()).toContain('anything else');
    expect(await rushing.count()).toBe(0);
    const message = 'I have waited three weeks for my refund and nobody answers. This is ridiculous!!';
    const tones = verdictContext(classifyCustomer({ text: message })).tones;
    expect(tones.some((x) => ['angry', 'frustrated', 'disappointed', 'impatient'].includes(x))).toBe(true);
    await studio.getByTestId('bench-customer').fill(message);
    await expect.poll(() => rushing.count(), { timeout: 10_000 }).toBe(1);
    for (const tone of tones) expect(await studio.getByRole('checkbox', { name: tone, exact: true }).isChecked()).toBe(true);
    expect(await studio.getByTestId('bench-reading').textContent()).toContain(tones[0]);
    await studio.close();
  });

  test('the settings page and the side panel link to the studio', async () => {
    const options = await t.browser.context.newPage();
    await options.goto(`chrome-extension://${t.browser.extensionId}/options.html`);
    expect(await options.getByTestId('open-studio').getAttribute('href')).toBe(`chrome-extension://${t.browser.extensionId}/studio.html`);
    const { page, panel } = await openTicket(t, 'T-1042');
    await typeDraft(page, DRAFT);
    await panel.getByTestId('panel').waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('link', { name: 'Edit phrasebook' }).getAttribute('href')).toBe(`chrome-extension://${t.browser.extensionId}/studio.html`);
    await panel.setViewportSize({ width: 320, height: 720 });
    expect(await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await panel.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      const violations = await panel.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(ctx: string): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
        return (await axe.run('.edit-phrasebook')).violations.map((v) => ({ id: v.id, impact: v.impact }));
      });
      expect(violations).toEqual([]);
    }
    for (const p of [options, page, panel]) await p.close();
  });

  test('a long entry list is paged: 200 listed, Show more lists the next ones, new filters start over', async () => {
    const studio = await t.browser.context.newPage();
    await studio.goto(`chrome-extension://${t.browser.extensionId}/studio.html`);
    const items = studio.getByTestId('entry-list').locator('li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(200);
    const shown = Number((await studio.getByTestId('entry-count').textContent())!.match(/^(\d+) of/)![1]);
    expect(shown).toBeGreaterThan(200);
    await studio.locator('[data-action=show-more]').click();
    await expect.poll(() => items.count()).toBe(Math.min(shown, 400));
    // The entries of the second page open like any other.
    await items.nth(250).getByRole('button').click();
    await studio.getByTestId('entry-editor').waitFor();
    // A search is a new list: one page again.
    await studio.getByRole('searchbox').fill('e');
    const matched = async () => Number((await studio.getByTestId('entry-count').textContent())!.match(/^(\d+) of/)![1]);
    await expect.poll(matched).toBeLessThan(shown);
    expect(await matched()).toBeGreaterThan(200);
    await expect.poll(() => items.count()).toBe(200);
    await studio.close();
  });

  test.each(['light', 'dark'] as const)('in %s mode with the editor open: axe-core finds no serious violations, and the theme follows', async (scheme) => {
    const studio = await t.browser.context.newPage();
    await studio.emulateMedia({ colorScheme: scheme });
    await studio.goto(`chrome-extension://${t.browser.extensionId}/studio.html`);
    await studio.locator('[data-entry=en-timing-as-soon-as-possible] button').click();
    await studio.getByTestId('entry-editor').waitFor();
    await studio.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await studio.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const [r = 0, g = 0, b = 0] = ((await studio.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g) ?? []).map(Number);
    expect(r + g + b < 3 * 128).toBe(scheme === 'dark');
    await studio.close();
  });
});
