import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { buildDemoEditors } from '../../scripts/build-demo-editors';
import { perfCount, tactPerf } from '../../scripts/tact-perf';
import { expectedEntries, expectedMatches, feedbackRows, openTicket, setup, shownEntries, typeDraft } from './helpers';

// The underlines and the hover card in the page, in real Chromium with the built extension.
// Where they are is checked against the page itself, not against Tact's own arithmetic:
// - in rich editors Tact uses the CSS Custom Highlight API; the registry belongs to the document,
//   so the page's main world reads `CSS.highlights` and the Ranges Tact put there;
// - in a textarea Tact draws boxes in a closed shadow root: CDP hands that root to the main world
//   (`__tactShadow`), and `document.caretPositionFromPoint` over each box says which characters
//   of the textarea the box sits under.
// Expected spans come from the shipped phrasebook through the same engine (expectedMatches).
let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  await buildDemoEditors();
  t = await setup();
});
afterAll(async () => t?.close());

const RISKY = 'Hello Dana. Please calm down, that is our policy and I do not know when it ships.';
const KIND = 'Hello Dana. I am sorry for the wait. I will email you within 10 minutes with the tracking number.';

interface Underline {
  start: number;
  end: number;
  text: string;
  /** A point over the underlined text (viewport coordinates), for the mouse. */
  x: number;
  y: number;
  /** Every box drawn for it. */
  rects: { left: number; top: number; width: number; height: number }[];
}

const spansOf = (draft: string) => expectedMatches(draft).map((m) => ({ start: m.start, end: m.end, text: m.text }));
const spans = (u: Underline[]) => u.map(({ start, end, text }) => ({ start, end, text }));

/** Hands Tact's closed shadow root to the page's main world as `window.__tactShadow` (CDP sees closed roots). */
async function exposeTactShadow(page: Page, cdp: CDPSession) {
  await page.waitForFunction(() => document.querySelector('tact-inline') !== null);
  type Node = { nodeName: string; children?: Node[]; shadowRoots?: { nodeId: number }[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const find = (n: Node): Node | undefined => (n.nodeName === 'TACT-INLINE' ? n : n.children?.map(find).find(Boolean));
  const shadow = find(root)?.shadowRoots?.[0];
  expect(shadow, 'Tact draws in a shadow root').toBeDefined();
  const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow!.nodeId });
  await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { window.__tactShadow = this; }' });
}

/** Opens a ticket (or an editor page) with its panel, Tact's shadow root exposed and perf marks on. */
async function open(id: string, path?: string) {
  const opened = await openTicket(t, id, path);
  const { page } = opened;
  if (path?.startsWith('/editors/')) await page.waitForFunction(() => (window as unknown as { __editorReady?: boolean }).__editorReady === true);
  const cdp = await t.browser.context.newCDPSession(page);
  await exposeTactShadow(page, cdp);
  await page.evaluate(() => document.documentElement.setAttribute('data-tact-perf', ''));
  return { ...opened, cdp };
}

/**
 * What is underlined now, as spans of the editor's text, in text order. Highlights are mapped to
 * offsets of `editableSelector`'s text (one paragraph: Range text before them); the textarea's
 * boxes through caretPositionFromPoint just above each box (a box is the line under its text).
 */
function underlines(page: Page, editableSelector = '[data-tact-draft]'): Promise<Underline[]> {
  return page.evaluate((sel) => {
    const out: Underline[] = [];
    const editable = document.querySelector(sel)!;
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('tact-')) continue;
      for (const range of highlight) {
        const before = document.createRange();
        before.setStart(editable, 0);
        before.setEnd(range.startContainer, range.startOffset);
        const start = before.toString().length;
        const rects = [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
        const first = rects[0];
        out.push({ start, end: start + range.toString().length, text: range.toString(), x: first ? first.left + first.width / 2 : -1, y: first ? first.top + first.height / 2 : -1, rects });
      }
    }
    const shadow = (window as unknown as { __tactShadow?: ShadowRoot }).__tactShadow;
    const field = editable as HTMLTextAreaElement;
    for (const mark of shadow?.querySelectorAll('.mark') ?? []) {
      const r = mark.getBoundingClientRect();
      const y = r.top - 5; // inside the text line whose bottom the box marks
      const at = (x: number) => (document as unknown as { caretPositionFromPoint(x: number, y: number): { offsetNode: Node; offset: number } | null }).caretPositionFromPoint(x, y);
      const a = at(r.left + 1);
      const b = at(r.right - 1);
      if (a?.offsetNode !== field || b?.offsetNode !== field) {
        out.push({ start: -1, end: -1, text: `(a box not over the reply box at ${r.left},${r.top})`, x: 0, y: 0, rects: [] });
        continue;
      }
      out.push({ start: a.offset, end: b.offset, text: field.value.slice(a.offset, b.offset), x: r.left + r.width / 2, y, rects: [{ left: r.left, top: r.top, width: r.width, height: r.height }] });
    }
    return out.sort((p, q) => p.start - q.start);
  }, editableSelector);
}

/** The card's text and its buttons' centres, or null when no card is open. */
function card(page: Page) {
  return page.evaluate(() => {
    const el = (window as unknown as { __tactShadow: ShadowRoot }).__tactShadow.querySelector('.card');
    if (!el) return null;
    const centre = (b: Element) => {
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: b.textContent ?? '', action: (b as HTMLElement).dataset.action ?? '', reason: (b as HTMLElement).dataset.reason ?? '' };
    };
    return { text: el.textContent ?? '', status: el.querySelector('[role=status]')?.textContent ?? '', buttons: [...el.querySelectorAll('button')].map(centre) };
  });
}

const marks = perfCount;

async function clickButton(page: Page, pick: (b: { action: string; reason: string; text: string }) => boolean) {
  const shown = await card(page);
  const button = shown?.buttons.find(pick);
  expect(button, `a card button in ${JSON.stringify(shown)}`).toBeDefined();
  await page.mouse.move(button!.x, button!.y);
  await page.mouse.click(button!.x, button!.y);
}

/** Hovers the underline over `text` and waits for its card. */
async function hover(page: Page, text: string, editable?: string) {
  const target = (await underlines(page, editable)).find((u) => u.text === text);
  expect(target, `an underline over "${text}"`).toBeDefined();
  await page.mouse.move(target!.x, target!.y);
  await expect.poll(() => card(page), { timeout: 5_000 }).not.toBeNull();
  return target!;
}

/** Types `text` into a rich editor, replacing what it held. */
async function typeInto(page: Page, box: Locator, text: string) {
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 2 });
}

describe('inline underlines in the demo helpdesk (textarea, drawn in a shadow root)', () => {
  test('Pause here: underlines and analysis stop on the site, even after a reload; Resume brings them back', async () => {
    const { page, panel, cdp } = await open('T-1043');
    const count = () => underlines(page).then((u) => u.length);
    await typeDraft(page, RISKY);
    await expect.poll(count, { timeout: 10_000 }).toBe(spansOf(RISKY).length);
    await panel.locator('[data-action=pause]').click();
    await expect.poll(() => panel.getByTestId('paused').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(count, { timeout: 10_000 }).toBe(0);
    // Nothing is read while paused, after a reload too: typing starts no analysis, and the panel stays paused.
    await page.reload();
    await page.evaluate(() => document.documentElement.setAttribute('data-tact-perf', ''));
    await typeDraft(page, RISKY);
    await page.waitForTimeout(800);
    expect(await marks(page, 'tact:analyse')).toBe(0);
    expect(await panel.getByTestId('paused').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Resume on this site' }).click();
    await expect.poll(() => marks(page, 'tact:underlined'), { timeout: 10_000 }).toBeGreaterThan(0);
    await exposeTactShadow(page, cdp);
    await expect.poll(count, { timeout: 10_000 }).toBe(spansOf(RISKY).length);
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(RISKY));
    await page.close();
    await panel.close();
  });

  test('a risky phrase is underlined exactly over its span; editing it away removes the underline', async () => {
    const { page, panel } = await open('T-1043');
    const expected = spansOf(RISKY);
    expect(expected.length).toBeGreaterThan(1);
    await typeDraft(page, RISKY);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(expected);
    // Focus never left the reply box while the underlines were drawn.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply');

    // Delete the first phrase with the keyboard: its underline goes, the others stay, moved.
    const [first] = expected;
    await page.evaluate((end) => (document.querySelector('#reply') as HTMLTextAreaElement).setSelectionRange(end, end), first!.end);
    for (let i = first!.start; i < first!.end; i++) await page.keyboard.press('Backspace');
    const edited = RISKY.slice(0, first!.start) + RISKY.slice(first!.end);
    expect(await page.locator('#reply').inputValue()).toBe(edited);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(edited));

    await typeDraft(page, KIND);
    expect(spansOf(KIND)).toEqual([]);
    await expect.poll(() => underlines(page), { timeout: 10_000 }).toEqual([]);
    await page.close();
    await panel.close();
  });

  test('hovering an underline opens its card with the phrasebook’s “say this” and why; Apply replaces the span', async () => {
    const { page, panel } = await open('T-1043');
    await typeDraft(page, RISKY);
    const [first] = expectedMatches(RISKY);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(RISKY));
    await hover(page, first!.text);
    const shown = (await card(page))!;
    expect(shown.text).toContain(first!.entry.why);
    for (const s of first!.suggestions) expect(shown.text).toContain(s);
    expect(shown.buttons.filter((b) => b.action === 'apply').map((b) => b.text)).toEqual(first!.suggestions);

    await clickButton(page, (b) => b.action === 'apply');
    const applied = RISKY.slice(0, first!.start) + first!.suggestions[0] + RISKY.slice(first!.end);
    await expect.poll(() => page.locator('#reply').inputValue(), { timeout: 10_000 }).toBe(applied);
    await expect.poll(() => card(page)).toBeNull();
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(applied));
    expect((await underlines(page)).some((u) => u.text === first!.text)).toBe(false);
    const rows = await feedbackRows(t.browser);
    expect(rows.find((r) => r.kind === 'apply' && r.conversationId === 'T-1043' && r.entryId === first!.entry.id)).toMatchObject({
      suggestion: first!.suggestions[0],
      phrase: first!.text,
    });
    await page.close();
    await panel.close();
  });

  test('Dismiss removes the underline and it stays dismissed in that conversation', async () => {
    const { page, panel } = await open('T-1042');
    const draft = `Thanks for writing. ${RISKY}`;
    await typeDraft(page, draft);
    const [first] = expectedMatches(draft);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(draft));
    await hover(page, first!.text);
    await clickButton(page, (b) => b.action === 'dismiss');
    const others = spansOf(draft).filter((s) => s.start !== first!.start);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(others);
    await expect.poll(() => card(page)).toBeNull();
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(draft).filter((id) => id !== first!.entry.id));

    // More typing, then the same ticket after a reload: the phrase stays without an underline.
    await page.keyboard.type(' Thanks.', { delay: 2 });
    const more = `${draft} Thanks.`;
    await expect.poll(() => marks(page, 'tact:underlined'), { timeout: 10_000 }).toBeGreaterThan(2);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(more).filter((s) => s.text !== first!.text));
    await page.reload();
    const cdp = await t.browser.context.newCDPSession(page);
    await exposeTactShadow(page, cdp);
    await typeDraft(page, draft);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(others);

    // Another conversation still gets it.
    const other = await open('T-3001');
    await typeDraft(other.page, draft);
    await expect.poll(() => underlines(other.page).then(spans), { timeout: 10_000 }).toEqual(spansOf(draft));
    const rows = await feedbackRows(t.browser);
    expect(rows.filter((r) => r.kind === 'dismiss' && r.entryId === first!.entry.id).map((r) => r.conversationId)).toEqual(['T-1042']);
    for (const p of [page, panel, other.page, other.panel]) await p.close();
  });

  test('Flag records the reason with the phrase and its sentence', async () => {
    const { page, panel } = await open('T-1044');
    await typeDraft(page, RISKY);
    const matches = expectedMatches(RISKY);
    const last = matches.at(-1)!;
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(RISKY));
    await hover(page, last.text);
    await clickButton(page, (b) => b.action === 'flag');
    await clickButton(page, (b) => b.reason !== '');
    await expect.poll(async () => (await card(page))?.status, { timeout: 10_000 }).toContain('Flagged');
    const rows = await feedbackRows(t.browser);
    const flag = rows.find((r) => r.kind === 'flag' && r.conversationId === 'T-1044');
    expect(flag).toMatchObject({ entryId: last.entry.id, phrase: last.text, site: 'demo' });
    expect(typeof flag?.reason).toBe('string');
    expect(String(flag?.sentence)).toContain(last.text);
    // Flagging is feedback for the QA lead: the underline stays.
    expect((await underlines(page)).map((u) => u.text)).toContain(last.text);
    await page.close();
    await panel.close();
  });

  test('keyboard: focus stays in the reply box; Alt+Enter opens the card at the caret, Enter applies, Escape closes', async () => {
    const { page, panel } = await open('T-1043');
    await typeDraft(page, RISKY);
    const [first, second] = expectedMatches(RISKY);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(RISKY));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply');

    // Caret inside the second phrase: Alt+Enter opens its card, focus moves into it, no newline is typed.
    const inside = second!.start + 2;
    await page.evaluate((at) => (document.querySelector('#reply') as HTMLTextAreaElement).setSelectionRange(at, at), inside);
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => card(page)).not.toBeNull();
    expect((await card(page))!.text).toContain(second!.entry.why);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TACT-INLINE');
    expect(await page.locator('#reply').inputValue()).toBe(RISKY);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply');
    expect(await page.evaluate(() => (document.querySelector('#reply') as HTMLTextAreaElement).selectionStart)).toBe(inside);

    // Caret in the first phrase: Alt+Enter, then Enter on the focused first "say this" applies it.
    await page.evaluate((at) => (document.querySelector('#reply') as HTMLTextAreaElement).setSelectionRange(at, at), first!.start + 1);
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => card(page)).not.toBeNull();
    await page.keyboard.press('Enter');
    const applied = RISKY.slice(0, first!.start) + first!.suggestions[0] + RISKY.slice(first!.end);
    await expect.poll(() => page.locator('#reply').inputValue(), { timeout: 10_000 }).toBe(applied);
    await expect.poll(() => card(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply');
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(applied));

    // Outside any phrase Alt+Enter is the page's: no card.
    await page.evaluate(() => (document.querySelector('#reply') as HTMLTextAreaElement).setSelectionRange(0, 0));
    await page.keyboard.press('Alt+Enter');
    await page.waitForTimeout(300);
    expect(await card(page)).toBeNull();
    await page.close();
    await panel.close();
  });

  test('underlines follow the scroll of a long reply box', async () => {
    const { page, panel } = await open('T-1043');
    const filler = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: we are looking into your order and will write again soon.`);
    const draft = [...filler.slice(0, 20), RISKY, ...filler.slice(20)].join('\n');
    const expected = spansOf(draft);
    expect(expected.length).toBeGreaterThan(0);
    const box = page.locator('#reply');
    await box.click();
    await page.keyboard.insertText(draft);
    const lineOf = (u: Underline[]) => u.map((x) => Math.round(x.rects[0]!.top));
    // Scroll the phrase into the middle of the box.
    await page.evaluate(() => {
      const ta = document.querySelector('#reply') as HTMLTextAreaElement;
      ta.scrollTop = ta.scrollHeight / 2 - ta.clientHeight / 2;
    });
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(expected);
    const before = await underlines(page);
    const scrolled = await page.evaluate(() => {
      const ta = document.querySelector('#reply') as HTMLTextAreaElement;
      const was = ta.scrollTop;
      ta.scrollTop = was + 30;
      return ta.scrollTop - was;
    });
    expect(scrolled).toBeGreaterThan(10);
    // Same spans (caretPositionFromPoint still finds them under the boxes), boxes moved by the scroll.
    await expect.poll(() => underlines(page).then(lineOf), { timeout: 5_000 }).toEqual(lineOf(before).map((y) => y - scrolled));
    expect(spans(await underlines(page))).toEqual(expected);

    // Scrolled out of the box's view: nothing is drawn over the rest of the page.
    await page.evaluate(() => ((document.querySelector('#reply') as HTMLTextAreaElement).scrollTop = 0));
    await expect.poll(() => underlines(page), { timeout: 5_000 }).toEqual([]);
    await page.close();
    await panel.close();
  });

  test('several wrapped paragraphs: underlines stay exact while an earlier paragraph grows, loses a line break and empties', async () => {
    const { page, panel } = await open('T-1043');
    const long = 'We have looked into the order you placed last week, and the warehouse tells us the parcel left on Monday.';
    const draft = [long, '', `${long} ${RISKY}`, long, `${RISKY} ${long}`].join('\n');
    expect(spansOf(draft).length).toBeGreaterThan(3);
    const box = page.locator('#reply');
    await box.click();
    await page.keyboard.insertText(draft);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(draft));

    const value = () => page.locator('#reply').inputValue();
    const caretAt = (at: number) => page.evaluate((n) => (document.querySelector('#reply') as HTMLTextAreaElement).setSelectionRange(n, n), at);
    // The first paragraph grows by a wrapped line: everything below moves down and keeps its place in the text.
    await caretAt(long.length);
    await page.keyboard.insertText(' It should reach you by Thursday, and I will send the tracking link as soon as I have it.');
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(await value()));
    // The empty line goes: two paragraphs join.
    const joined = (await value()).indexOf('\n\n') + 1;
    await caretAt(joined + 1);
    await page.keyboard.press('Backspace');
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(await value()));
    // The first paragraph empties.
    await caretAt(0);
    await page.evaluate(() => {
      const ta = document.querySelector('#reply') as HTMLTextAreaElement;
      ta.setSelectionRange(0, ta.value.indexOf('\n'));
    });
    await page.keyboard.press('Delete');
    expect((await value()).startsWith('\n')).toBe(true);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(await value()));
    await page.close();
    await panel.close();
  });

  test('once the background has answered, the page underlines by itself, and the background agrees', async () => {
    const { page, panel } = await open('T-1043');
    await typeDraft(page, 'Thanks for writing.');
    await expect.poll(() => marks(page, 'tact:findings'), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500); // the rules compile in an idle moment
    await page.keyboard.type(` ${RISKY}`, { delay: 2 });
    const draft = `Thanks for writing. ${RISKY}`;
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(draft));
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(draft));
    const log = await tactPerf(page);
    const last = log.findLastIndex((e) => e.name === 'tact:analyse');
    // Found in the page in the same moment the analysis began; the background's answer, the
    // same findings, drew nothing again.
    expect(log.slice(last + 1).map((e) => `${e.name}${e.source ? `:${e.source}` : ''}`)).toEqual(['tact:findings:local', 'tact:underlined']);
    await page.close();
    await panel.close();
  });

  test('IME: nothing is analysed during a composition, and the text is once it ends', async () => {
    const { page, panel, cdp } = await open('T-1043');
    const draft = 'Please calm down.';
    const composed = 'calm down';
    const head = draft.slice(0, draft.indexOf(composed));
    expect(spansOf(draft).length).toBeGreaterThan(0);
    await typeDraft(page, head);
    await expect.poll(() => marks(page, 'tact:underlined'), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    const analyses = await marks(page, 'tact:analyse');
    // The IME shows the word letter by letter as marked text, then commits it.
    for (let i = 1; i <= composed.length; i++) {
      await cdp.send('Input.imeSetComposition', { text: composed.slice(0, i), selectionStart: i, selectionEnd: i });
      await page.waitForTimeout(20);
    }
    expect(await page.locator('#reply').inputValue()).toBe(head + composed);
    await page.waitForTimeout(600); // several debounce periods
    expect(await marks(page, 'tact:analyse')).toBe(analyses);
    expect(await underlines(page)).toEqual([]);
    await cdp.send('Input.insertText', { text: composed });
    await page.keyboard.type('.');
    expect(await page.locator('#reply').inputValue()).toBe(draft);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(draft));
    expect(await marks(page, 'tact:analyse')).toBeGreaterThan(analyses);
    await page.close();
    await panel.close();
  });

  test('a page that replaces its reply box while the agent types (a single-page app re-render) keeps working', async () => {
    const { page, panel } = await open('T-1043');
    const [firstHalf, secondHalf] = ['Hello Dana. Please calm down,', ' that is our policy and I do not know when it ships.'];
    await typeDraft(page, firstHalf);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(firstHalf));
    // The app renders a new textarea with the same text and puts the caret back at its end.
    await page.evaluate(() => {
      const old = document.querySelector('#reply') as HTMLTextAreaElement;
      const fresh = old.cloneNode() as HTMLTextAreaElement;
      fresh.value = old.value;
      old.replaceWith(fresh);
      fresh.focus();
      fresh.setSelectionRange(fresh.value.length, fresh.value.length);
    });
    await page.keyboard.type(secondHalf, { delay: 2 });
    const draft = firstHalf + secondHalf;
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(draft));
    await expect.poll(() => shownEntries(panel), { timeout: 10_000 }).toEqual(expectedEntries(draft));
    // Apply from the card writes into the new box.
    const last = expectedMatches(draft).at(-1)!;
    await hover(page, last.text);
    await clickButton(page, (b) => b.action === 'apply');
    const applied = draft.slice(0, last.start) + last.suggestions[0] + draft.slice(last.end);
    await expect.poll(() => page.locator('#reply').inputValue(), { timeout: 10_000 }).toBe(applied);
    await page.close();
    await panel.close();
  });

  test('a 1 MB draft pasted into the reply box does not hang the page; the analysed part is underlined and listed', async () => {
    const { page, panel } = await open('T-1043');
    const big = `${RISKY}\n${'We are looking into your order and will write again soon. '.repeat(18_000)}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    await page.locator('#reply').click();
    await page.keyboard.insertText(big); // one trusted insertion, as a paste is
    // The page answers within a few seconds, every time we ask, while Tact analyses. (Chromium's
    // own layout of a 1 MB textarea takes about a second here, with or without Tact.)
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await page.evaluate(() => 0);
      expect(Date.now() - t0).toBeLessThan(5_000);
      await page.waitForTimeout(200);
    }
    await expect.poll(() => shownEntries(panel), { timeout: 20_000 }).toEqual(expectedEntries(big.slice(0, 100_000)));
    await expect.poll(() => panel.getByText(/only the first/).isVisible(), { timeout: 5_000 }).toBe(true);
    await page.evaluate(() => ((document.querySelector('#reply') as HTMLTextAreaElement).scrollTop = 0));
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(RISKY));
    const t0 = Date.now();
    await page.evaluate(() => 0);
    expect(Date.now() - t0).toBeLessThan(5_000);
    await page.close();
    await panel.close();
  });
});

describe.each([
  { id: 'contenteditable', editable: '[data-tact-draft]' },
  { id: 'prosemirror', editable: '.ProseMirror' },
])('inline underlines in a rich editor ($id, drawn with CSS highlights)', ({ id, editable }) => {
  const editorText = (page: Page) => page.evaluate(() => (window as unknown as { __editorText(): string }).__editorText());

  test('underlines exactly the phrase, removes it when edited away; Apply from the card writes into the editor', async () => {
    const { page, panel } = await open(id, `/editors/${id}.html`);
    await typeInto(page, page.locator(editable), RISKY);
    expect(await editorText(page)).toBe(RISKY);
    await expect.poll(() => underlines(page, editable).then(spans), { timeout: 10_000 }).toEqual(spansOf(RISKY));
    expect(await page.evaluate((sel) => document.querySelector(sel)!.contains(document.activeElement) || document.activeElement === document.querySelector(sel), editable)).toBe(true);
    // The highlights are Ranges inside the editor, with boxes where the text is.
    for (const u of await underlines(page, editable)) expect(u.rects.length).toBeGreaterThan(0);

    const [first] = expectedMatches(RISKY);
    await hover(page, first!.text, editable);
    const shown = (await card(page))!;
    expect(shown.text).toContain(first!.entry.why);
    expect(shown.text).toContain(first!.suggestions[0]);
    await clickButton(page, (b) => b.action === 'apply');
    const applied = RISKY.slice(0, first!.start) + first!.suggestions[0] + RISKY.slice(first!.end);
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(applied);
    await expect.poll(() => underlines(page, editable).then(spans), { timeout: 10_000 }).toEqual(spansOf(applied));

    await typeInto(page, page.locator(editable), KIND);
    await expect.poll(() => underlines(page, editable), { timeout: 10_000 }).toEqual([]);
    await page.close();
    await panel.close();
  });

  test('keyboard: Alt+Enter at the caret opens the card, Escape gives the editor its focus back', async () => {
    const { page, panel } = await open(id, `/editors/${id}.html`);
    await typeInto(page, page.locator(editable), RISKY);
    const matches = expectedMatches(RISKY);
    await expect.poll(() => underlines(page, editable).then(spans), { timeout: 10_000 }).toEqual(spansOf(RISKY));
    const last = matches.at(-1)!;
    // From the end of the draft, walk the caret back into the last phrase.
    await page.keyboard.press('End');
    for (let i = RISKY.length; i > last.end - 2; i--) await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(100); // a person's pause: editors read the caret on the async selectionchange
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => card(page)).not.toBeNull();
    expect((await card(page))!.text).toContain(last.entry.why);
    expect(await editorText(page)).toBe(RISKY);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page)).toBeNull();
    expect(await page.evaluate((sel) => document.querySelector(sel)!.contains(document.activeElement), editable)).toBe(true);
    await page.keyboard.type('X');
    expect(await editorText(page)).toBe(RISKY.slice(0, last.end - 2) + 'X' + RISKY.slice(last.end - 2));
    await page.close();
    await panel.close();
  });
});

describe('a page that makes Tact’s calls throw', () => {
  test('an editor nested too deep to read: Tact stays quiet, and works again once the page is sane', async () => {
    const { page, panel, cdp } = await open('contenteditable', '/editors/contenteditable.html');
    const tactContexts = new Set<number>();
    const thrown: string[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string } }) => {
      if (e.context.name === 'Tact') tactContexts.add(e.context.id);
    });
    cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { executionContextId?: number; text: string; exception?: { description?: string } } }) => {
      if (e.exceptionDetails.executionContextId != null && tactContexts.has(e.exceptionDetails.executionContextId))
        thrown.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text);
    });
    await cdp.send('Runtime.enable');
    expect(tactContexts.size).toBe(1);

    // Thousands of nested inline elements: reading them overflows the stack of a recursive walk.
    await page.evaluate(() => {
      const editor = document.querySelector('[data-tact-draft]')!;
      let at: Element = editor;
      for (let i = 0; i < 8000; i++) at = at.appendChild(document.createElement('span'));
      at.append('Please calm down');
    });
    await page.locator('[data-tact-draft]').click();
    await page.keyboard.press('ControlOrMeta+End');
    const before = await marks(page, 'tact:analyse');
    await page.keyboard.type(', it is coming.', { delay: 5 });
    await expect.poll(() => marks(page, 'tact:analyse'), { timeout: 10_000 }).toBeGreaterThan(before);
    await page.waitForTimeout(500);
    expect(thrown).toEqual([]);

    await page.evaluate(() => document.querySelector('[data-tact-draft]')!.replaceChildren());
    await typeInto(page, page.locator('[data-tact-draft]'), RISKY);
    await expect.poll(() => underlines(page).then(spans), { timeout: 10_000 }).toEqual(spansOf(RISKY));
    expect(thrown).toEqual([]);
    await page.close();
    await panel.close();
  });
});
