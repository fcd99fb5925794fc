import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { EDITOR_BRIDGES } from '../../lib/editors';

// Every editor bridge is tested against the real editor on a demo page (tests/browser/editors*.test.ts
// walk the pages): a bridge without a page, or a page without its setup file, fails here first.

const pages = JSON.parse(readFileSync('demo/editors/pages.json', 'utf8')) as { id: string }[];
const setups = readdirSync('demo/editors/src')
  .filter((f) => f.endsWith('.js'))
  .map((f) => f.slice(0, -3));
/** The page a bridge is tested on, where the names differ. */
const PAGE_OF: Record<string, string> = { textarea: 'textarea-react' };

test('each demo editor page has its setup file, and each setup file a page', () => {
  expect(pages.map((p) => p.id).sort()).toEqual([...setups].sort());
});

test('each editor bridge has a demo page with the real editor', () => {
  const ids = new Set(pages.map((p) => p.id));
  for (const bridge of EDITOR_BRIDGES) expect(ids, bridge.id).toContain(PAGE_OF[bridge.id] ?? bridge.id);
});

test('each demo page is in the browser tests', () => {
  for (const file of ['tests/browser/editors.test.ts', 'tests/browser/editors-bridges.test.ts']) {
    const source = readFileSync(file, 'utf8');
    for (const { id } of pages) expect(source, `${file} misses ${id}`).toContain(`id: '${id}'`);
  }
});
