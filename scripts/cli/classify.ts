import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { classifyCustomer } from '../../lib/classify';

export const summary = 'classify customer messages: JSON lines {"text", "history"?} on stdin, one verdict a line out';

const USAGE = `usage: tact classify [--pretty] < messages.jsonl
  Reads one JSON object a line: {"text": "...", "history": ["earlier message", ...]}.
  Writes one JSON verdict a line, in the same order; a bad line gives {"error": "..."}
  and the command exits 1 at the end. Blank lines are skipped.
  --pretty   indent each verdict (no longer one a line)
`;

const inputSchema = z.object({
  text: z.string(),
  history: z.array(z.string()).optional(),
});

/** Where the command reads and writes; tests pass their own. */
export interface ClassifyIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: AsyncIterable<string | Buffer>;
}

export async function run(args: string[], io: ClassifyIO = process): Promise<number> {
  let pretty = false;
  for (const a of args) {
    if (a === '--pretty') pretty = true;
    else if (a === '-h' || a === '--help') {
      io.stdout.write(USAGE);
      return 0;
    } else {
      io.stderr.write(`unknown argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  let failed = 0;
  let lineNo = 0;
  const lines = createInterface({ input: Readable.from(io.stdin), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const parsed = inputSchema.safeParse(JSON.parse(line));
      if (parsed.success) out = classifyCustomer(parsed.data);
      else out = { error: `line ${lineNo}: expected {"text": string, "history"?: string[]}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}` };
    } catch (err) {
      out = { error: `line ${lineNo}: ${err instanceof SyntaxError ? 'not JSON' : 'cannot classify'}: ${(err as Error).message}` };
    }
    if (out && typeof out === 'object' && 'error' in out) failed++;
    io.stdout.write(JSON.stringify(out, null, pretty ? 2 : undefined) + '\n');
  }
  if (failed) io.stderr.write(`${failed} bad line${failed === 1 ? '' : 's'}\n`);
  return failed ? 1 : 0;
}
