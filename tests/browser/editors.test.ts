import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { buildDemoEditors } from '../../scripts/build-demo-editors';
import { expectedEntries, expectedMatches, openTicket, setup, shownEntries } from './helpers';

// Apply into every editor of the demo helpdesk, in real Chromium with the built extension: the
// editor's own model must hold the suggestion, one Ctrl+Z must restore the draft, and the next
// keystroke must land right after the suggestion. Most tests send the panel's own message
// (applySuggestion, through the background to the content script) with a fixed span, so they do
// not depend on the phrasebook's wording; one per editor clicks Apply on a real panel card.
let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  await buildDemoEditors();
  t = await setup();
});
afterAll(async () => t?.close());

const EDITORS: { id: string; editable: string; frame?: string }[] = [
  { id: 'textarea-react', editable: 'textarea' },
  { id: 'contenteditable', editable: '[contenteditable]' },
  { id: 'prosemirror', editable: '.ProseMirror' },
  { id: 'ckeditor5', editable: '.ck-editor__editable' },
  { id: 'quill', editable: '.ql-editor' },
  { id: 'draftjs', editable: '.public-DraftEditor-content' },
  { id: 'tinymce', editable: 'body#tinymce', frame: 'iframe' },
  { id: 'lexical', editable: '[data-lexical-editor]' },
  { id: 'slate', editable: '[data-slate-editor]' },
];

// The risky phrase sits in the 2nd paragraph, the next one in the 3rd, so offsets cross paragraphs.
const LINES = ['Hello Priya,', 'I see the refund is late. Please calm down, it is on its way.', 'Thanks 🙂 for waiting. That is our policy.'];
const DRAFT = LINES.join('\n');

const modelText = (page: Page) => page.evaluate(() => (window as unknown as { __editorText(): string }).__editorText());

async function openEditor(id: string) {
  const opened = await openTicket(t, id, `/editors/${id}.html`);
  await opened.page.waitForFunction(() => (window as unknown as { __editorReady?: boolean }).__editorReady === true);
  return opened;
}

function editableOf(page: Page, editor: (typeof EDITORS)[number]): Locator {
  return editor.frame ? page.frameLocator(editor.frame).locator(editor.editable) : page.locator(editor.editable);
}

/** Editors close their undo group after a quiet moment (Quill: 1 s): the pause before an Apply that one undo must revert. */
const UNDO_PAUSE = 1200;

/** Types lines as an agent would, then pauses: long enough for the editors' models and the analysis, or UNDO_PAUSE. */
async function typeLines(page: Page, box: Locator, lines: string[], pause = 150) {
  await box.click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line, { delay: 1 });
  }
  await page.waitForTimeout(pause);
}

/** A message from the panel to the background, in @webext-core/messaging's envelope, as the panel sends it. */
function fromPanel(panel: Page, type: string, data: object): Promise<unknown> {
  return panel.evaluate(
    ([type, data]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
        id: 1,
        type,
        data,
        timestamp: Date.now(),
      }),
    [type, data] as const,
  );
}

/** What the panel's Apply sends: applySuggestion to the background. */
async function applyVia(panel: Page, tabId: number, draft: string, phrase: string, replacement: string) {
  const start = draft.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const reply = await fromPanel(panel, 'applySuggestion', { tabId, start, end: start + phrase.length, expected: phrase, replacement });
  expect(reply).toMatchObject({ res: { ok: true } });
  return { applied: draft.slice(0, start) + replacement + draft.slice(start + phrase.length), caret: start + replacement.length };
}

/** Clicks Apply on the panel card of the match, and returns the draft the editor should now hold. */
async function apply(panel: Page, draft: string, which: number) {
  const match = expectedMatches(draft)[which];
  expect(match, `the phrasebook flags something in: ${draft}`).toBeDefined();
  const card = panel.locator(`[data-testid=finding][data-entry="${match!.entry.id}"]`).first();
  await card.waitFor({ timeout: 10_000 });
  const suggestion = (await card.getByTestId('say-this').first().textContent())!;
  await card.locator('[data-action=apply-first]').click();
  return { applied: draft.slice(0, match!.start) + suggestion + draft.slice(match!.end), caret: match!.start + suggestion.length };
}

describe.each(EDITORS)('$id in the demo helpdesk', (editor) => {
  test.each([
    ['the 2nd paragraph', 'calm down', 'bear with me'],
    ['the 3rd paragraph, after an emoji', 'That is our policy', 'Here is what I can do'],
  ])('read, apply in %s, undo, apply again and type after it', async (_where, phrase, replacement) => {
    const { page, panel, tabId } = await openEditor(editor.id);
    await typeLines(page, editableOf(page, editor), LINES, UNDO_PAUSE);
    expect(await modelText(page)).toBe(DRAFT);

    const first = await applyVia(panel, tabId, DRAFT, phrase, replacement);
    expect(await modelText(page)).toBe(first.applied);

    await page.bringToFront();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => modelText(page), { timeout: 5_000 }).toBe(DRAFT);

    await page.waitForTimeout(600);
    const again = await applyVia(panel, tabId, DRAFT, phrase, replacement);
    await page.bringToFront();
    await page.keyboard.type('X');
    await expect.poll(() => modelText(page)).toBe(again.applied.slice(0, again.caret) + 'X' + again.applied.slice(again.caret));
    await page.close();
    await panel.close();
  });

  test('Apply on the panel card of a phrasebook finding writes it into the editor', async () => {
    const { page, panel } = await openEditor(editor.id);
    await typeLines(page, editableOf(page, editor), LINES);
    const matches = expectedMatches(DRAFT);
    const { applied } = await apply(panel, DRAFT, matches.length - 1);
    await expect.poll(() => modelText(page), { timeout: 10_000 }).toBe(applied);
    await page.close();
    await panel.close();
  });

  // "Rewrite the sentence at the cursor": the agent clicks in the draft, then in the panel; the page
  // must keep its selection while the panel has focus, and the bridge must read it there.
  test('the caret is read after the agent clicks in the panel', async () => {
    const { page, panel, tabId } = await openEditor(editor.id);
    await typeLines(page, editableOf(page, editor), LINES);
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    await panel.bringToFront();
    await panel.locator('body').click();
    expect(await fromPanel(panel, 'caretOf', { tabId })).toMatchObject({ res: { offset: DRAFT.length - 7 } });
    await page.close();
    await panel.close();
  });

  test('a stale span (the draft changed since) is refused and the draft is left alone', async () => {
    const { page, panel, tabId } = await openEditor(editor.id);
    await typeLines(page, editableOf(page, editor), LINES);
    const start = DRAFT.indexOf('calm down');
    const reply = await fromPanel(panel, 'applySuggestion', { tabId, start: start + 1, end: start + 10, expected: 'calm down', replacement: 'bear with me' });
    expect(reply).toMatchObject({ res: { ok: false } });
    expect(await modelText(page)).toBe(DRAFT);
    await page.close();
    await panel.close();
  });
});

describe('bad input in the demo helpdesk', () => {
  test('a 1 MB textarea draft does not hang the page, and Apply still works', async () => {
    const { page, panel, tabId } = await openEditor('textarea-react');
    const big = 'Please calm down, it is on its way.\n' + 'We are looking into your order and will write again soon. '.repeat(18_000);
    const t0 = Date.now();
    await page.locator('textarea').fill(big);
    const { applied } = await applyVia(panel, tabId, big, 'calm down', 'bear with me');
    expect(await modelText(page)).toBe(applied);
    expect(Date.now() - t0).toBeLessThan(20_000);
    const ping = Date.now();
    await page.evaluate(() => 0);
    expect(Date.now() - ping).toBeLessThan(1_000);
    await page.close();
    await panel.close();
  });

  test('TinyMCE: typing inside its iframe reaches Tact (the draft is analysed)', async () => {
    const { page, panel } = await openEditor('tinymce');
    await typeLines(page, editableOf(page, EDITORS.find((e) => e.id === 'tinymce')!), LINES);
    const worker = await t.browser.worker();
    const drafts = () =>
      worker.evaluate(async () => {
        const all = await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, { draft?: string }>> } } } }).chrome.storage.session.get(null);
        return Object.values(all).map((s) => s.draft);
      });
    await expect.poll(drafts, { timeout: 10_000 }).toContain(DRAFT);
    await page.close();
    await panel.close();
  });

  test('an editor the page re-renders (a single-page app) is found again, and Apply works in the new one', async () => {
    const { page, panel, tabId } = await openEditor('contenteditable');
    await typeLines(page, page.locator('[contenteditable]'), LINES, UNDO_PAUSE);
    await page.evaluate(() => {
      const old = document.querySelector('[data-tact-draft]')!;
      old.replaceWith(old.cloneNode(true));
    });
    const { applied } = await applyVia(panel, tabId, DRAFT, 'calm down', 'bear with me');
    expect(await modelText(page)).toBe(applied);
    await page.close();
    await panel.close();
  });

  test('IME: nothing is replaced while a composition is open; it works once it ends', async () => {
    const { page, panel, tabId } = await openEditor('textarea-react');
    await typeLines(page, page.locator('textarea'), LINES);
    const compose = (type: string) =>
      page.evaluate((t) => document.querySelector('textarea')!.dispatchEvent(new CompositionEvent(t, { bubbles: true, data: '' })), type);
    await compose('compositionstart');
    const start = DRAFT.indexOf('calm down');
    const reply = await fromPanel(panel, 'applySuggestion', { tabId, start, end: start + 9, expected: 'calm down', replacement: 'bear with me' });
    expect(reply).toMatchObject({ res: { ok: false } });
    expect(await modelText(page)).toBe(DRAFT);
    await compose('compositionend');
    const { applied } = await applyVia(panel, tabId, DRAFT, 'calm down', 'bear with me');
    expect(await modelText(page)).toBe(applied);
    await page.close();
    await panel.close();
  });
});

// Email editors keep the quoted mail (and a signature) in the reply box: only the agent's own words
// above it are flagged, listed and ticked (lib/reply-end.ts).
describe('quoted mail in the reply box', () => {
  const OWN = 'Please calm down, the parcel is on its way.';
  const QUOTED = 'That is our policy.';

  test('a textarea: nothing after "On … wrote:" is flagged', async () => {
    const { page, panel } = await openEditor('textarea-react');
    const full = `${OWN}\n\nOn Tue, 20 Nov 2026 at 08:12, Priya Shah <priya@example.com> wrote:\n> ${QUOTED}`;
    const own = expectedEntries(OWN);
    expect(own.length).toBeGreaterThan(0);
    expect(expectedEntries(full)).not.toEqual(own); // the quote holds a phrase the phrasebook flags
    await typeLines(page, page.locator('textarea'), full.split('\n'));
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(own);
    await page.close();
    await panel.close();
  });

  test('a rich editor: nothing inside the mail client’s quote markup is flagged', async () => {
    const { page, panel } = await openEditor('contenteditable');
    const box = page.locator('[contenteditable]');
    await typeLines(page, box, [OWN]);
    // What Gmail puts in its reply box below the agent's words.
    await box.evaluate((el, quoted) => {
      const quote = document.createElement('div');
      quote.className = 'gmail_quote';
      quote.textContent = quoted;
      el.append(quote);
    }, QUOTED);
    await page.keyboard.type(' ');
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(OWN));
    await page.close();
    await panel.close();
  });
});
