// Bundles the real editors from npm for the demo helpdesk's editor pages into demo/editors/vendor/,
// copies TinyMCE's self-hosted files there, and writes the pages (demo/editors/<id>.html) from one
// template (page.html) and one table (pages.json); bundles and pages are git-ignored.
// Run before the demo and the browser tests: `tsx scripts/build-demo-editors.ts`.
import { build } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'demo/editors/src');
const OUT = join(ROOT, 'demo/editors/vendor');

export async function buildDemoEditors(): Promise<void> {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const entries = (await readdir(SRC)).filter((f) => f.endsWith('.js')).map((f) => join(SRC, f));
  const t0 = performance.now();
  await build({
    entryPoints: entries,
    outdir: OUT,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    // Draft.js and React read these at run time.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'dataurl' },
  });
  // TinyMCE loads its theme, model, icons and skins by URL: copy what it needs.
  const tinymce = join(ROOT, 'node_modules/tinymce');
  for (const part of ['tinymce.min.js', 'themes', 'models', 'icons', 'skins', 'license.md'])
    if (existsSync(join(tinymce, part))) await cp(join(tinymce, part), join(OUT, 'tinymce', part), { recursive: true });
  const pages = await writePages();
  console.log(`demo editors: ${entries.length} bundles, ${pages} pages in ${Math.round(performance.now() - t0)} ms -> ${OUT}`);
}

interface Page {
  id: string;
  /** As the page names the editor. */
  name: string;
  /** The reply box: what the editor mounts in, with data-tact-draft where the site adapter finds it. */
  host: string;
  /** Extra head markup, for an editor that loads files of its own (TinyMCE). */
  head?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One page per editor, every one with the same ticket and a list of the others to switch to. */
async function writePages(): Promise<number> {
  const DIR = join(ROOT, 'demo/editors');
  const pages = JSON.parse(await readFile(join(DIR, 'pages.json'), 'utf8')) as Page[];
  const template = await readFile(join(DIR, 'page.html'), 'utf8');
  for (const page of pages) {
    const nav = pages
      .map((p) => `<li><a href="./${p.id}.html"${p.id === page.id ? ' aria-current="page"' : ''}>${escapeHtml(p.id)}</a></li>`)
      .join('');
    // The editor's own styles, when its bundle imported any.
    const css = existsSync(join(OUT, `${page.id}.css`)) ? `<link rel="stylesheet" href="./vendor/${page.id}.css" />` : '';
    const html = template
      .replaceAll('{{head}}', [css, page.head ?? ''].filter(Boolean).join('\n    '))
      .replaceAll('{{nav}}', nav)
      .replaceAll('{{host}}', page.host)
      .replaceAll('{{name}}', escapeHtml(page.name))
      .replaceAll('{{id}}', page.id);
    await writeFile(join(DIR, `${page.id}.html`), html);
  }
  return pages.length;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await buildDemoEditors();
