import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { SiteAdapter } from '../../lib/sites/adapter';
import { SITE_ADAPTERS } from '../../lib/sites';
import { HELPDESK_MATCHES } from '../../lib/hosts';

// Every site adapter is one file lib/sites/<id>.ts exporting one adapter with that id, registered
// in lib/sites/index.ts, with a stored page tests/fixtures/sites/<id>.html and a case in
// tests/unit/sites.test.ts. Paths are from the repository root, where vitest runs.
const SITES = 'lib/sites';
const FIXTURES = 'tests/fixtures/sites';
const NOT_ADAPTERS = new Set(['adapter.ts', 'index.ts']);

const ids = readdirSync(SITES)
  .filter((f) => f.endsWith('.ts') && !NOT_ADAPTERS.has(f))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();
const testSource = readFileSync('tests/unit/sites.test.ts', 'utf8');
const indexSource = readFileSync(join(SITES, 'index.ts'), 'utf8');

const isAdapter = (v: unknown): v is SiteAdapter =>
  typeof v === 'object' && v !== null && typeof (v as SiteAdapter).id === 'string' && typeof (v as SiteAdapter).matches === 'function';

describe.each(ids)('lib/sites/%s.ts', (id) => {
  test('exports one adapter whose id is its file name', async () => {
    const mod: Record<string, unknown> = await import(pathToFileURL(resolve(SITES, `${id}.ts`)).href);
    const adapters = Object.values(mod).filter(isAdapter);
    expect(adapters.map((a) => a.id)).toEqual([id]);
  });

  test('is registered in lib/sites/index.ts', async () => {
    const mod: Record<string, unknown> = await import(pathToFileURL(resolve(SITES, `${id}.ts`)).href);
    const adapter = Object.values(mod).find(isAdapter);
    expect(SITE_ADAPTERS, `add ${id}'s adapter to SITE_ADAPTERS`).toContain(adapter);
    expect(indexSource).toContain(`from './${id}'`);
  });

  test(`has a stored page ${FIXTURES}/${id}.html`, () => {
    expect(existsSync(join(FIXTURES, `${id}.html`)), `write ${FIXTURES}/${id}.html`).toBe(true);
  });

  test('has a case in tests/unit/sites.test.ts', () => {
    expect(testSource, `add a case with id: '${id}' to CASES`).toMatch(new RegExp(`\\bid: '${id}',`));
  });
});

describe('the registry', () => {
  test('has one adapter per file and no other', () => {
    expect(SITE_ADAPTERS.map((a) => a.id).sort()).toEqual(ids);
  });

  test('ids are unique', () => {
    expect(new Set(SITE_ADAPTERS.map((a) => a.id)).size).toBe(SITE_ADAPTERS.length);
  });

  test('order: the demo first, the known helpdesks, the opt-in generic adapter last', () => {
    expect(SITE_ADAPTERS[0]?.id).toBe('demo');
    expect(SITE_ADAPTERS.at(-1)?.id).toBe('generic');
    expect(SITE_ADAPTERS.filter((a) => a.optIn).map((a) => a.id)).toEqual(['generic']);
  });

  test('every stored page belongs to an adapter', () => {
    const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
    expect(pages.map((f) => f.slice(0, -'.html'.length)).sort()).toEqual(ids);
  });
});

describe('lib/hosts.ts HELPDESK_MATCHES', () => {
  test.each(HELPDESK_MATCHES)('%s is a host pattern that a helpdesk adapter claims', (pattern) => {
    const host = pattern.match(/^\*:\/\/((?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)\/\*$/)?.[1];
    expect(host, 'write patterns as *://host/* or *://*.domain/*').toBeDefined();
    const example = new URL(`https://${host!.replace(/^\*\./, 'acme.')}/`);
    const claimedBy = SITE_ADAPTERS.filter((a) => !a.optIn && a.id !== 'demo' && a.matches(example)).map((a) => a.id);
    expect(claimedBy, `no adapter matches ${example.hostname}`).toHaveLength(1);
  });

  test('has no duplicates', () => {
    expect(new Set(HELPDESK_MATCHES).size).toBe(HELPDESK_MATCHES.length);
  });
});
