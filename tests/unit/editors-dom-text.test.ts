// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readDomText } from '../../lib/editors/dom-text';

const FILLER = '\u2060'.repeat(7); // CKEditor 5's inline filler
const DRAFT_BLOCK = (text: string) =>
  `<div data-block="true" data-offset-key="k-0-0"><div data-offset-key="k-0-0" class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr">${
    text ? `<span data-offset-key="k-0-0"><span data-text="true">${text}</span></span>` : '<span data-offset-key="k-0-0"><br data-text="true"></span>'
  }</div></div>`;

// Markup as each editor renders it (copied from their DOM in Chromium), and the text its model holds.
const CASES: [name: string, html: string, text: string][] = [
  [
    'ProseMirror: marks, empty paragraph, hard break, trailing-break placeholder',
    '<div class="ProseMirror" contenteditable="true"><p>Hello <strong>there</strong>.</p><p><br class="ProseMirror-trailingBreak"></p><p>Line one<br>line two</p><p>ends with a break<br><br class="ProseMirror-trailingBreak"></p></div>',
    'Hello there.\n\nLine one\nline two\nends with a break\n',
  ],
  ['Quill: empty line and emoji', '<div class="ql-editor" contenteditable="true"><p>First</p><p><br></p><p>Third 😀 <em>x</em></p></div>', 'First\n\nThird 😀 x'],
  [
    'CKEditor 5: inline filler, nbsp, list, filler <br>',
    `<div class="ck-content ck-editor__editable" contenteditable="true"><p>${FILLER}Hi&nbsp; there</p><ul><li>one</li><li>two</li></ul><p><br data-cke-filler="true"></p></div>`,
    'Hi  there\none\ntwo\n',
  ],
  [
    'Draft.js: nested block wrappers, styled spans, empty block',
    `<div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true">${DRAFT_BLOCK('Hello ')}${DRAFT_BLOCK('')}${DRAFT_BLOCK('Last 👍🏽 one')}</div></div>`,
    'Hello \n\nLast 👍🏽 one',
  ],
  [
    'plain contenteditable as Chromium writes it',
    '<div contenteditable="true">first<div>second</div><div><br></div><div>fourth <b>bold</b></div></div>',
    'first\nsecond\n\nfourth bold',
  ],
  ['contenteditable=false islands are skipped', '<div contenteditable="true"><p>Hi <span contenteditable="false">@Anna</span> there</p></div>', 'Hi  there'],
  ['indentation between blocks is not text', '<div contenteditable="true">\n  <p>a b</p>\n  <p>c</p>\n</div>', 'a b\nc'],
  ['TinyMCE body with a bogus <br>', '<body id="tinymce" contenteditable="true"><p>One<br data-mce-bogus="1"></p><p>Two</p></body>', 'One\nTwo'],
  ['zero-width characters inside words', '<div contenteditable="true"><p>a\u200Bb\uFEFFc</p></div>', 'abc'],
  ['empty editor', '<div contenteditable="true"></div>', ''],
  ['editor holding only a placeholder', '<div contenteditable="true"><p><br></p></div>', ''],
  ['inline-only editor', '<div contenteditable="true">just <i>text</i> here</div>', 'just text here'],
];

function mount(html: string): Element {
  document.body.innerHTML = '';
  document.body.removeAttribute('id');
  document.body.removeAttribute('contenteditable');
  // TinyMCE's editable is the <body> of its iframe's document.
  const body = /^<body id="(\w+)" contenteditable="true">(.*)<\/body>$/.exec(html);
  if (body) {
    document.body.id = body[1]!;
    document.body.setAttribute('contenteditable', 'true');
    document.body.innerHTML = body[2]!;
    return document.body;
  }
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.firstElementChild!;
}

/** What a range covers, read with the same walker, with line breaks dropped (partial blocks split differently). */
function covered(range: Range): string {
  const box = range.startContainer.ownerDocument!.createElement('div');
  box.append(range.cloneContents());
  return readDomText(box).text.replace(/\n/g, '');
}

describe('readDomText', () => {
  test.each(CASES)('%s', (_name, html, text) => {
    expect(readDomText(mount(html)).text).toBe(text);
  });

  test.each(CASES)('offsets round-trip through DOM points: %s', (_name, html, text) => {
    const map = readDomText(mount(html));
    for (let i = 0; i <= text.length; i++) {
      for (const affinity of ['forward', 'backward'] as const) {
        const p = map.point(i, affinity)!;
        expect(p, `offset ${i}`).not.toBeNull();
        expect(map.offsetOf(p.node, p.offset), `offset ${i} ${affinity}`).toBe(i);
      }
    }
    expect(map.point(text.length + 1)).toBeNull();
    expect(map.point(-1)).toBeNull();
  });

  test.each(CASES)('every range covers exactly its text: %s', (_name, html, text) => {
    const map = readDomText(mount(html));
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= text.length; j++) {
        const r = map.range(i, j)!;
        expect(covered(r), `[${i}, ${j})`).toBe(text.slice(i, j).replace(/\n/g, ''));
      }
  });

  test('a range inside formatting stays tight: start after the boundary, end before it', () => {
    const root = mount('<div contenteditable="true"><p>say <b>calm</b> down</p></div>');
    const r = readDomText(root).range(4, 8)!;
    expect(r.startContainer.textContent).toBe('calm');
    expect(r.endContainer.textContent).toBe('calm');
  });

  test('offsetOf answers null outside the editor and maps element positions', () => {
    const root = mount('<div contenteditable="true"><p>ab</p><p>cd</p></div>');
    const map = readDomText(root);
    expect(map.offsetOf(document.body, 0)).toBeNull();
    expect(map.offsetOf(root, 1)).toBe(3); // before the second paragraph
    expect(map.offsetOf(root, 2)).toBe(5); // after everything
  });

  test('a 1 MB draft is read in well under a second', () => {
    const line = 'Thank you for your patience while we look into this. ';
    const html = `<div contenteditable="true">${Array.from({ length: 2000 }, () => `<p>${line.repeat(10)}</p>`).join('')}</div>`;
    const root = mount(html);
    const t0 = performance.now();
    const map = readDomText(root);
    expect(map.text.length).toBeGreaterThan(1_000_000);
    expect(map.range(900_000, 900_010)).not.toBeNull();
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
