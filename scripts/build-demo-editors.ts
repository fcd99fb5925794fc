// Bundles the real editors from npm for the demo helpdesk's editor pages (demo/editors/*.html)
// into demo/editors/vendor/ (git-ignored), and copies TinyMCE's self-hosted files there.
// Run before the demo and the browser tests: `tsx scripts/build-demo-editors.ts`.
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
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
  console.log(`demo editors: ${entries.length} bundles in ${Math.round(performance.now() - t0)} ms -> ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await buildDemoEditors();
