import { describe, expect, test } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import { expectedEntries } from '../support/shipped-phrasebook';
import { click, fill, idbRows, openExtensionPage, openTicket, shownEntries, textOf, typeDraft, useFirefox } from './firefox';

// The studio in the Firefox build in real Firefox ESR: a QA lead adds an entry on studio.html (Dexie
// in the extension origin's IndexedDB), the test bench fires it, and the background page, told by
// `phrasebookChanged`, recompiles so an agent's open draft in the demo ticket gets the new finding.

const ID = 'en-timing-team-circle-back';
const DRAFT = 'Thanks for waiting. We will circle back later.';

const t = useFirefox();

describe('firefox: the phrasebook studio', () => {
  test('add an entry; the test bench fires it, and an open draft in the demo ticket gets the new finding in the sidebar; undo takes it away', async () => {
    expect(expectedEntries(DRAFT)).not.toContain(ID);

    // An agent is already writing: the sidebar shows the shipped phrasebook's findings only.
    const { page, panel } = await openTicket(t.browser, t.server.origin, 'T-1043');
    await typeDraft(page, DRAFT);
    await expect.poll(() => panel.evaluate(() => document.querySelector('[data-testid=panel]') != null), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(DRAFT));

    const studio = await t.browser.newPage();
    await openExtensionPage(studio, 'studio.html');
    await expect.poll(() => studio.evaluate(() => document.querySelector('[data-testid=studio]') != null), { timeout: 10_000 }).toBe(true);
    await click(studio, '[data-action=new-entry]');
    const editor = '[data-testid=entry-editor]';
    await expect.poll(() => studio.$(editor).then((e) => e != null), { timeout: 10_000 }).toBe(true);
    await fill(studio, `${editor} [data-field=id] input`, ID);
    await studio.select(`${editor} [data-field=category] select`, 'timing');
    await fill(studio, `${editor} [data-field=avoid] textarea`, 'circle back (later|soon)');
    await fill(studio, `${editor} [data-field=prefer] textarea`, 'I will write again by Friday');
    await fill(studio, `${editor} [data-field=why] input`, '"Circle back" names no time.');
    await fill(studio, `${editor} [data-field=match] textarea`, 'We will circle back later.');
    await expect.poll(() => textOf(studio, `${editor} [data-testid=validation]`), { timeout: 10_000 }).toContain('Valid');
    await fill(studio, `${editor} [data-testid=try-sentence]`, 'OK, we will circle back soon then.');
    await expect.poll(() => textOf(studio, `${editor} [data-testid=try-result]`), { timeout: 10_000 }).toBe('fires on “circle back soon” → I will write again by Friday');
    await expect.poll(() => studio.$eval(`${editor} [data-action=save]`, (b) => (b as HTMLButtonElement).disabled), { timeout: 10_000 }).toBe(false);
    await click(studio, `${editor} [data-action=save]`);
    // The background page answered `phrasebookChanged` (the status gives its entry count).
    await expect.poll(() => textOf(studio, '[data-testid=studio-status]'), { timeout: 10_000 }).toContain(`Added ${ID}. Tact now matches with`);
    expect(await textOf(studio, '[data-testid=studio-status]')).not.toContain('did not answer');
    expect((await idbRows(studio, 'tact', 'phrasebookEdits')).map((r) => r.id)).toContain(ID);

    // The test bench fires it, highlighted.
    await click(studio, '[data-view=bench]');
    await fill(studio, '[data-testid=bench-draft]', DRAFT);
    await expect.poll(() => studio.$$eval(`[data-testid=bench-finding][data-entry="${ID}"]`, (l) => l.length), { timeout: 10_000 }).toBe(1);
    expect(await studio.$$eval('[data-testid=bench-preview] mark', (m) => m.map((x) => x.textContent))).toContain('circle back later');

    // The open draft gets the team entry without a keystroke (the background re-analysed it) ...
    const withTeam = (text: string) => [...expectedEntries(text), ID].sort();
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(withTeam(DRAFT));
    // ... and typing on keeps it (the page's own matcher has the new rules too).
    await typeDraft(page, `${DRAFT} Bye.`);
    await expect.poll(() => textOf(panel, `[data-testid=finding][data-entry="${ID}"] [data-testid=not-that]`), { timeout: 10_000 }).toBe('circle back later');
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(withTeam(`${DRAFT} Bye.`));

    // Undone in the history: the background page drops it, and the open sidebar follows.
    await click(studio, '[data-view=history]');
    const undo = await studio.evaluateHandle(
      (text) =>
        [...document.querySelectorAll('[data-testid=history-record]')].find((r) => r.textContent?.includes(text))?.querySelector('[data-action=undo]') ?? null,
      `Added ${ID}`,
    );
    await studio.bringToFront();
    await (undo.asElement() as ElementHandle<Element>).click();
    await expect.poll(() => textOf(studio, '[data-testid=studio-status]'), { timeout: 10_000 }).toContain('Undone. Tact now matches with');
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(`${DRAFT} Bye.`));
    for (const p of [page, panel, studio]) await p.close();
  });
});
