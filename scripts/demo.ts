// `npm run demo`: serves the demo helpdesk and opens Chromium with Tact loaded. With a display it
// opens a window for a person; with none (or --headless) it plays the scenario and writes
// screenshots and a report to demo-output/.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startDemoServer } from './demo-server.ts';
import { launchWithExtension, openPanel, tabIdOf } from './chromium.ts';
import { startAnthropicStub } from '../tests/support/anthropic-stub.ts';
import CONVERSATIONS from '../demo/helpdesk/conversations.json' with { type: 'json' };

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const OUT = resolve(import.meta.dirname, '../demo-output');

const server = await startDemoServer(Number(process.env.PORT ?? 4173)).catch(() => startDemoServer(0));
const browser = await launchWithExtension({ headless });
console.log(`Demo helpdesk: ${server.origin}/helpdesk/  (extension id ${browser.extensionId})`);

if (!headless) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.origin}/helpdesk/`);
  const panel = await openPanel(browser, await tabIdOf(browser, page.url()));
  await page.bringToFront();
  console.log('Type a reply in the demo ticket; the Tact panel tab follows it (Chrome\'s side panel: click the Tact toolbar button). Ctrl-C to quit.');
  void panel;
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

await mkdir(OUT, { recursive: true });
const report: string[] = ['# Tact demo report', '', `Run at ${new Date().toISOString()}, headless Chromium, extension ${browser.extensionId}.`, ''];
let total = 0;
for (const convo of CONVERSATIONS) {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/helpdesk/?c=${convo.id}`);
  const panel = await openPanel(browser, await tabIdOf(browser, page.url()));
  await page.bringToFront();
  await page.locator('[data-tact-draft]').click();
  await page.keyboard.type(convo.draft, { delay: 5 });
  const findings = panel.getByTestId('finding');
  await findings.first().waitFor({ timeout: 10_000 }).catch(() => {});
  await panel.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${convo.id}-page.png` });
  await panel.screenshot({ path: `${OUT}/${convo.id}-panel.png`, fullPage: true });
  const rows = await findings.evaluateAll((cards) =>
    cards.map((c) => ({
      entry: c.getAttribute('data-entry'),
      notThat: c.querySelector('[data-testid=not-that]')?.textContent,
      sayThis: [...c.querySelectorAll('[data-testid=say-this]')].map((s) => s.textContent),
    })),
  );
  total += rows.length;
  const text = async (id: string) => ((await panel.getByTestId(id).count()) ? (await panel.getByTestId(id).first().innerText()).replace(/\s+/g, ' ').trim() : '');
  const tones = (await panel.locator('[data-testid=tones] [data-tone]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')).join(', ');
  const customer = [tones, await text('customer-type'), await text('abuse')].filter(Boolean).join(' — ');
  report.push(`## ${convo.id} (${convo.lang}, ${convo.channel}): ${convo.subject}`, '', `Customer, as Tact reads them: ${customer || 'no verdict'}`, '', `Draft: "${convo.draft}"`, '');
  if (rows.length === 0) report.push('- no suggestions');
  for (const r of rows) report.push(`- not "${r.notThat}" → say "${r.sayThis.join('" or "')}" (${r.entry})`);
  report.push('', `Screenshots: ${convo.id}-page.png, ${convo.id}-panel.png`, '');
  await page.close();
  await panel.close();
}
// Claude's side, against the tests' local stub of the Messages API (canned answers, no key, no
// network): the reading of the German ticket, and a rewrite of a sentence the phrasebook misses.
const stub = await startAnthropicStub();
const settings = await browser.context.newPage();
await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
await settings.getByLabel('API key').fill('sk-ant-demo-stub-0000');
await settings.getByRole('button', { name: 'Save key' }).click();
await settings.getByText('Advanced').click();
await settings.getByLabel('API base URL').fill(stub.url);
await settings.getByRole('button', { name: 'Save base URL' }).click();
await settings.getByTestId('ai-settings-status').filter({ hasText: 'Base URL saved.' }).waitFor();
await settings.close();
{
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/helpdesk/?c=T-4001&ai=1`);
  const panel = await openPanel(browser, await tabIdOf(browser, page.url()));
  await page.bringToFront();
  await panel.locator('[data-action=ai-read]').click();
  const reading = panel.getByTestId('ai-reading-result');
  await reading.waitFor({ timeout: 15_000 });
  await panel.screenshot({ path: `${OUT}/T-4001-claude-reading.png`, fullPage: true });
  const tones = await panel.locator('[data-testid=ai-reading-tones] [data-tone]').allInnerTexts();
  const type = await panel.getByTestId('ai-reading-type').innerText();
  report.push(
    "## Claude's reading of T-4001 (German; local stub of the Claude API, canned answer)",
    '',
    `Tones: ${tones.map((t) => t.replace(/\s+/g, ' ')).join(', ')}. Type: ${type.split('\n')[0]}. The stub's made-up quote for "angry" was dropped.`,
    '',
    'Screenshot: T-4001-claude-reading.png',
    '',
  );
  await page.close();
  await panel.close();
}
{
  const sentence = 'Unfortunately the parcel is lost somewhere.';
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/helpdesk/?c=T-1043&ai=1`);
  const panel = await openPanel(browser, await tabIdOf(browser, page.url()));
  await page.bringToFront();
  await page.locator('[data-tact-draft]').click();
  await page.keyboard.type(`Hi Dev, thanks for waiting. ${sentence}`, { delay: 5 });
  const candidate = panel.getByTestId('ai-candidate').filter({ hasText: sentence });
  await candidate.waitFor({ timeout: 15_000 });
  await candidate.getByRole('button', { name: 'Rewrite with AI' }).click();
  const card = panel.locator('[data-testid=finding][data-source=ai]');
  await card.waitFor({ timeout: 15_000 });
  await panel.screenshot({ path: `${OUT}/T-1043-ai-rewrite.png`, fullPage: true });
  const rewrite = await card.getByTestId('say-this').first().innerText();
  report.push(
    '## AI rewrite on T-1043 (local stub of the Claude API, canned answer)',
    '',
    `A sentence no phrasebook entry covers: "${sentence}" → "${rewrite}"`,
    '',
    'Screenshot: T-1043-ai-rewrite.png',
    '',
  );
  await page.close();
  await panel.close();
}
await stub.close();

// The QA lead's side: the studio's entry list, and its test bench on the first ticket's draft.
const studio = await browser.context.newPage();
await studio.setViewportSize({ width: 1200, height: 900 });
await studio.goto(`chrome-extension://${browser.extensionId}/studio.html`);
await studio.getByTestId('studio').waitFor();
await studio.waitForTimeout(300);
await studio.screenshot({ path: `${OUT}/studio-entries.png` });
await studio.locator('[data-view=bench]').click();
await studio.getByTestId('bench-draft').fill(CONVERSATIONS[0]!.draft);
await studio.getByTestId('bench-finding').first().waitFor({ timeout: 10_000 }).catch(() => {});
const benchFindings = await studio.getByTestId('bench-finding').count();
await studio.screenshot({ path: `${OUT}/studio-bench.png`, fullPage: true });
report.push('## Phrasebook studio', '', `Test bench on ${CONVERSATIONS[0]!.id}'s draft: ${benchFindings} finding(s).`, '', 'Screenshots: studio-entries.png, studio-bench.png', '');
await studio.close();

await writeFile(`${OUT}/report.md`, report.join('\n'));
console.log(`${total} suggestions across ${CONVERSATIONS.length} tickets; see ${OUT}/report.md`);
await browser.close();
await server.close();
if (total === 0) process.exitCode = 1;
