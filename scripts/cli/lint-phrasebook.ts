import { fileURLToPath } from 'node:url';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
import { formatProblem, type PhrasebookProblem } from '../../lib/phrasebook/errors';
import { runInlineTests } from '../../lib/phrasebook/inline-tests';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import { fileOf } from '../../lib/phrasebook/origin';
import { conflictMessage, suggestionConflicts } from '../../lib/phrasebook/suggestion-conflicts';

/** The phrasebook shipped beside the CLI, so `npx tact` works from any folder. */
const SHIPPED_PHRASEBOOK = fileURLToPath(new URL('../../phrasebook/', import.meta.url));

export const summary = 'validate a phrasebook folder and run its entries’ inline tests';

export async function run(args: string[], io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } } = process): Promise<number> {
  if (args.length > 1 || args[0]?.startsWith('-')) {
    io.stderr.write('usage: tact lint-phrasebook [DIR]   (default: the shipped phrasebook)\n');
    return 2;
  }
  const dir = args[0] ?? SHIPPED_PHRASEBOOK;
  let read;
  try {
    read = readPhrasebookDir(dir);
  } catch (err) {
    io.stderr.write(`cannot read ${dir}: ${(err as Error).message}\n`);
    return 2;
  }
  const problems: PhrasebookProblem[] = [...read.errors];
  // Leave broken entries out rather than stop, so one run reports everything.
  const compiled = compilePhrasebook(read.entries, { skipInvalid: true });
  problems.push(...compiled.problems);
  const failures = runInlineTests(compiled, compiled.entries);
  problems.push(...failures.map((f) => ({ file: f.file, entryId: f.entryId, message: `inline test: ${f.message}` })));
  // "Say this" must not be a "not that" (lib/phrasebook/suggestion-conflicts.ts).
  const byId = new Map(compiled.entries.map((e) => [e.id, e]));
  problems.push(...suggestionConflicts(compiled.entries, compiled).map((c) => ({ file: fileOf(byId.get(c.entryId)!), entryId: c.entryId, message: conflictMessage(c) })));
  for (const p of problems) io.stdout.write(formatProblem(p) + '\n');
  const tests = compiled.entries.reduce((n, e) => n + (e.tests?.match.length ?? 0) + (e.tests?.noMatch.length ?? 0), 0);
  if (read.files.length === 0) {
    io.stderr.write(`no phrasebook files (<locale>/<category>.json) under ${dir}\n`);
    return 1;
  }
  io.stdout.write(
    `${read.files.length} files, ${read.entries.length} entries, ${tests} inline tests: ` +
      (problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}\n` : 'all good\n'),
  );
  return problems.length ? 1 : 0;
}
