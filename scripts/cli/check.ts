import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { compilePhrasebook, type Match, type MatchContext } from '../../lib/phrasebook/engine';
import { formatProblem, PhrasebookError } from '../../lib/phrasebook/errors';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import {
  channelSchema,
  customerTypeSchema,
  localeSchema,
  SEVERITIES,
  severitySchema,
  toneSchema,
  type Severity,
} from '../../lib/phrasebook/schema';
import { atLeast } from '../../lib/severity';

/** The phrasebook shipped beside the CLI, so `npx tact` works from any folder. */
const SHIPPED_PHRASEBOOK = fileURLToPath(new URL('../../phrasebook/', import.meta.url));

export const summary = 'check a draft (FILE or - for stdin) against the phrasebook, like a linter';

const USAGE = `usage: tact check FILE|- [options]
  --json                 print findings as JSON
  --fail-on SEVERITY     exit 1 when a finding is at least this severe (${SEVERITIES.join(', ')}; default warning)
  --phrasebook DIR       phrasebook folder (default: the shipped one)
  --tone T[,T]           the customer's tones, for entries that depend on them
  --type TYPE            the customer's type
  --channel chat|email   the channel
  --locale L[,L]         only entries of these locales
`;

interface Options {
  file: string;
  json: boolean;
  failOn: Severity;
  dir: string;
  ctx: MatchContext;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { file: '', json: false, failOn: 'warning', dir: SHIPPED_PHRASEBOOK, ctx: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const list = () => value().split(',').filter(Boolean);
    try {
      if (a === '--json') o.json = true;
      else if (a === '--fail-on') o.failOn = severitySchema.parse(value());
      else if (a === '--phrasebook') o.dir = value();
      else if (a === '--tone') o.ctx.tones = list().map((t) => toneSchema.parse(t));
      else if (a === '--type') o.ctx.type = customerTypeSchema.parse(value());
      else if (a === '--channel') o.ctx.channel = channelSchema.parse(value());
      else if (a === '--locale') o.ctx.locales = list().map((l) => localeSchema.parse(l));
      else if (a === '-' || !a.startsWith('-')) {
        if (o.file) return `one draft at a time: "${o.file}" and "${a}"`;
        o.file = a;
      } else return `unknown option ${a}`;
    } catch (err) {
      return err instanceof Error && 'issues' in err ? `bad value for ${a}: ${args[i]}` : (err as Error).message;
    }
  }
  return o.file ? o : 'which draft? give a FILE or - for stdin';
}

/** 1-based line and column (UTF-16 units, as editors count) of each offset, in one pass. */
function positions(text: string, offsets: number[]): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let line = 1;
  let lineStart = 0;
  let i = 0;
  for (const off of sorted) {
    for (; i < off; i++)
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    out.set(off, [line, off - lineStart + 1]);
  }
  return out;
}

/** Where the command reads and writes; tests pass their own. */
export interface CheckIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: AsyncIterable<string | Buffer>;
}

export async function run(args: string[], io: CheckIO = process): Promise<number> {
  const o = parseArgs(args);
  if (typeof o === 'string') {
    io.stderr.write(`${o}\n${USAGE}`);
    return 2;
  }
  const { entries, errors } = readPhrasebookDir(o.dir);
  for (const e of errors) io.stderr.write(`phrasebook: ${formatProblem(e)}\n`);
  let compiled;
  try {
    compiled = compilePhrasebook(entries);
  } catch (err) {
    if (!(err instanceof PhrasebookError)) throw err;
    io.stderr.write(err.message + '\n');
    return 2;
  }
  let text: string;
  try {
    text = o.file === '-' ? await readAll(io.stdin) : readFileSync(o.file, 'utf8');
  } catch (err) {
    io.stderr.write(`cannot read ${o.file}: ${(err as Error).message}\n`);
    return 2;
  }
  const name = o.file === '-' ? '<stdin>' : o.file;
  const matches = compiled.match(text, o.ctx);
  const at = positions(text, matches.map((m) => m.start));
  if (o.json) {
    io.stdout.write(JSON.stringify(matches.map((m) => toJson(name, m, at.get(m.start)!)), null, 2) + '\n');
  } else {
    for (const m of matches) {
      const [line, col] = at.get(m.start)!;
      io.stdout.write(`${name}:${line}:${col} ${m.entry.severity} ${m.entry.id} "${m.text}": ${m.entry.why} → ${m.suggestions[0] ?? ''}\n`);
    }
    if (matches.length) io.stdout.write(`\n${matches.length} finding${matches.length === 1 ? '' : 's'}\n`);
  }
  return matches.some((m) => atLeast(m.entry.severity, o.failOn)) ? 1 : 0;
}

function toJson(file: string, m: Match, [line, column]: [number, number]) {
  const { id, severity, category, locale, why } = m.entry;
  return { file, line, column, start: m.start, end: m.end, text: m.text, id, severity, category, locale, why, suggestions: m.suggestions };
}

async function readAll(stream: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}
