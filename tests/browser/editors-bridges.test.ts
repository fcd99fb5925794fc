import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server';
import { chromiumPath } from '../../scripts/chromium';
import { buildDemoEditors } from '../../scripts/build-demo-editors';

// The bridges alone, in real Chromium, against the real editors from npm. They run in an isolated
// world, as a content script does (a main-world page.evaluate behaves differently for React), so
// every editor's own model can be checked after each write: read, replace, undo, type-after.

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
let server: DemoServer;
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  await buildDemoEditors();
  const out = await build({
    stdin: {
      contents: "export * from './lib/editors/index.ts'; export { writeSpan } from './lib/editors/write-span.ts'; export { readDomText } from './lib/editors/dom-text.ts';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'TactEditors',
    target: 'es2022',
  });
  bundle = out.outputFiles[0]!.text;
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Editor {
  id: string;
  /** The write method the editor takes (BROWSER.md): the first one its bridge tries. */
  via: string;
  /** Where the agent clicks to type. */
  editable: string;
  /** The frame the editable lives in. */
  frame?: string;
}
const EDITORS: Editor[] = [
  { id: 'textarea-react', via: 'execCommand', editable: 'textarea' },
  { id: 'contenteditable', via: 'execCommand', editable: '[contenteditable]' },
  { id: 'prosemirror', via: 'paste', editable: '.ProseMirror' },
  { id: 'ckeditor5', via: 'beforeinput', editable: '.ck-editor__editable' },
  { id: 'quill', via: 'beforeinput', editable: '.ql-editor' },
  { id: 'draftjs', via: 'paste', editable: '.public-DraftEditor-content' },
  { id: 'tinymce', via: 'paste', editable: 'body#tinymce', frame: 'iframe' },
  { id: 'lexical', via: 'execCommand', editable: '[data-lexical-editor]' },
  { id: 'slate', via: 'beforeinput', editable: '[data-slate-editor]' },
];
/** The bridge each page's marked reply box should get. */
const BRIDGE: Record<string, string> = { 'textarea-react': 'textarea' };

/** Runs `expression` in an isolated world of `frame` that has the bridges loaded as TactEditors. */
async function isolated(page: Page, frame: Frame, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const frameId = await frameIdOf(cdp, frame);
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId, worldName: 'tact-test' })) as {
      executionContextId: number;
    };
    await cdp.send('Runtime.evaluate', { expression: bundle, contextId: executionContextId });
    const res = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string } } };
    if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? 'evaluation failed');
    return res.result.value;
  } finally {
    await cdp.detach();
  }
}

async function frameIdOf(cdp: import('playwright-core').CDPSession, frame: Frame): Promise<string> {
  type Tree = { frame: { id: string; url: string; name?: string }; childFrames?: Tree[] };
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: Tree };
  if (!frame.parentFrame()) return frameTree.frame.id;
  const flat: Tree[] = [];
  const walk = (t: Tree) => (flat.push(t), t.childFrames?.forEach(walk));
  walk(frameTree);
  return flat.find((t) => t.frame.id !== frameTree.frame.id && (t.frame.url === frame.url() || t.frame.name === frame.name()))!.frame.id;
}

const draftEl = `document.querySelector('[data-tact-draft]')`;
const call = (page: Page, expr: string) => isolated(page, page.mainFrame(), expr);
const bridgeRead = (page: Page) => call(page, `TactEditors.bridgeFor(${draftEl}).read(${draftEl})`) as Promise<string>;
const bridgeId = (page: Page) => call(page, `TactEditors.bridgeFor(${draftEl})?.id ?? null`) as Promise<string | null>;
const bridgeReplace = (page: Page, start: number, end: number, text: string) =>
  call(page, `TactEditors.bridgeFor(${draftEl}).replace(${draftEl}, ${start}, ${end}, ${JSON.stringify(text)})`) as Promise<{
    ok: boolean;
    via?: string;
    message?: string;
  }>;
const modelText = (page: Page) => page.evaluate(() => (window as unknown as { __editorText(): string }).__editorText());

async function open(editor: Editor) {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/editors/${editor.id}.html`);
  await page.waitForFunction(() => (window as unknown as { __editorReady?: boolean }).__editorReady === true);
  const box = editor.frame ? page.frameLocator(editor.frame).locator(editor.editable) : page.locator(editor.editable);
  await box.click();
  return { page, box };
}

/** Editors close their undo group after a quiet moment (Quill: 1 s): the pause before a write that one undo must revert. */
const UNDO_PAUSE = 1200;

/** Types lines as an agent would, Enter between them, then pauses: long enough for the editors' models, or UNDO_PAUSE. */
async function typeLines(page: Page, lines: string[], pause = 150) {
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line, { delay: 1 });
  }
  await page.waitForTimeout(pause);
}

const LINES = ['Hello Priya,', 'Please calm down, your refund is on its way.', 'It is our policy to check returns first. Thanks 🙂 for waiting.'];
const ORIGINAL = LINES.join('\n');

describe.each(EDITORS)('$id bridge', (editor) => {
  test('reads the draft exactly as the editor model holds it, across paragraphs and emoji', async () => {
    const { page } = await open(editor);
    await typeLines(page, LINES);
    expect(await bridgeId(page)).toBe(BRIDGE[editor.id] ?? editor.id);
    expect(await modelText(page)).toBe(ORIGINAL);
    expect(await bridgeRead(page)).toBe(ORIGINAL);
    await page.close();
  });

  test.each([
    ['the 2nd paragraph', 'calm down', 'bear with me for a moment'],
    ['the 3rd paragraph, after an emoji', 'waiting', 'your patience'],
    ['the 3rd paragraph, at its start', 'It is our policy', 'We always'],
  ])('replaces a span in %s: model updated, one undo restores it, caret after it', async (_where, from, to) => {
    const { page } = await open(editor);
    await typeLines(page, LINES, UNDO_PAUSE);
    const start = ORIGINAL.indexOf(from);
    const expected = ORIGINAL.slice(0, start) + to + ORIGINAL.slice(start + from.length);
    expect(await bridgeReplace(page, start, start + from.length, to)).toEqual({ ok: true, via: editor.via });
    expect(await modelText(page)).toBe(expected);
    expect(await bridgeRead(page)).toBe(expected);

    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => modelText(page)).toBe(ORIGINAL);

    // Again, then type: the keystroke lands right after the replacement and the editor keeps it.
    await page.waitForTimeout(600);
    expect(await bridgeReplace(page, start, start + from.length, to)).toEqual({ ok: true, via: editor.via });
    await page.keyboard.type('X');
    const typed = expected.slice(0, start + to.length) + 'X' + expected.slice(start + to.length);
    await expect.poll(() => modelText(page)).toBe(typed);
    expect(await bridgeRead(page)).toBe(typed);
    await page.close();
  });
});

// "Rewrite the sentence at the cursor" reads the caret through the bridge (TinyMCE's from its iframe's selection).
describe.each(EDITORS)('$id caret', (editor) => {
  test('is the offset in the text the bridge reads, after moving it with the keys', async () => {
    const { page } = await open(editor);
    await typeLines(page, LINES);
    expect(await call(page, `TactEditors.bridgeFor(${draftEl}).caret(${draftEl})`)).toBe(ORIGINAL.length);
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => call(page, `TactEditors.bridgeFor(${draftEl}).caret(${draftEl})`)).toBe(ORIGINAL.length - 7);
    await page.close();
  });
});

const RICH = EDITORS.filter((e) => e.id !== 'textarea-react');
/** The editable element of the page's marked reply box, in its own frame, as the bridges find it. */
const editableEl = `(${draftEl}.querySelector('iframe')?.contentDocument.body ?? ${draftEl}.querySelector('[contenteditable=true]') ?? ${draftEl})`;

describe('write methods, whatever the editor', () => {
  test.each(RICH)('$id: the full chain (beforeinput, paste, execCommand) writes once, never twice', async (editor) => {
    const { page } = await open(editor);
    await typeLines(page, LINES);
    const start = ORIGINAL.indexOf('calm down');
    const result = await call(
      page,
      `(() => { const el = ${editableEl}; return TactEditors.writeSpan(el, () => TactEditors.readDomText(el).text, ${start}, ${start + 9}, 'bear with me', ['beforeinput', 'paste', 'execCommand']); })()`,
    );
    expect(result).toMatchObject({ ok: true });
    const expected = ORIGINAL.slice(0, start) + 'bear with me' + ORIGINAL.slice(start + 9);
    await page.waitForTimeout(500); // a late second insertion would show by now
    expect(await modelText(page)).toBe(expected);
    await page.close();
  });

  test('a method the editor ignores is refused with a message and leaves the draft as it was', async () => {
    const { page } = await open(EDITORS.find((e) => e.id === 'contenteditable')!);
    await typeLines(page, LINES);
    const result = await call(
      page,
      `(() => { const el = ${editableEl}; return TactEditors.writeSpan(el, () => TactEditors.readDomText(el).text, 0, 5, 'Hi', ['beforeinput', 'paste']); })()`,
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('unchanged') });
    expect(await modelText(page)).toBe(ORIGINAL);
    await page.close();
  });
});

describe('bad input', () => {
  test.each(EDITORS)('$id: an editor the page removed is refused quietly', async (editor) => {
    const { page } = await open(editor);
    await typeLines(page, ['Please calm down.']);
    const result = await call(
      page,
      `(async () => { const el = ${draftEl}; const b = TactEditors.bridgeFor(el); el.remove(); return [b.read(el), await b.replace(el, 7, 16, 'bear with me')]; })()`,
    );
    const [, outcome] = result as [string, { ok: boolean; message?: string }];
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/unchanged|gone/);
    await page.close();
  });

  test('a 1 MB textarea draft: read and replaced near its end without hanging the page', async () => {
    const { page } = await open(EDITORS[0]!);
    const big = 'We are looking into your order and will write again soon. '.repeat(18_000); // ~1 MB
    await call(page, `TactEditors.bridgeFor(${draftEl}).replace(${draftEl}, 0, 0, ${JSON.stringify(big)})`);
    expect(await modelText(page)).toHaveLength(big.length);
    const t0 = Date.now();
    const at = big.length - 20;
    const outcome = await bridgeReplace(page, at, at + 7, 'writing');
    const readBack = (await bridgeRead(page)).slice(at, at + 7);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(outcome).toMatchObject({ ok: true });
    expect(readBack).toBe('writing');
    expect(await page.evaluate(() => 1 + 1)).toBe(2); // the page still answers
    await page.close();
  });

  test('a 1 MB contenteditable draft is read in under a second', async () => {
    const { page } = await open(EDITORS[1]!);
    const para = 'We are looking into your order and will write again soon. '.repeat(50);
    await page.evaluate((p) => {
      // Built with DOM calls (never innerHTML on the editor), as a long pasted thread would arrive.
      const root = document.querySelector('[data-tact-draft]')!;
      for (let i = 0; i < 350; i++) root.appendChild(document.createElement('div')).append(p);
    }, para);
    const ms = (await call(page, `(() => { const t0 = performance.now(); const n = TactEditors.bridgeFor(${draftEl}).read(${draftEl}).length; return [n, performance.now() - t0]; })()`)) as [number, number];
    expect(ms[0]).toBeGreaterThan(1_000_000);
    expect(ms[1]).toBeLessThan(1_000);
    await page.close();
  });
});
