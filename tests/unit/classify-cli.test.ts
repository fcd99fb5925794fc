import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { run } from '../../scripts/cli/classify';
import { verdictSchema } from '../../lib/classify/verdict';

function io(stdin: string | string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    streams: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      stdin: Readable.from(Array.isArray(stdin) ? stdin : [stdin]),
    },
    lines: () => out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    err: () => err.join(''),
  };
}

describe('tact classify', () => {
  test('one verdict a line, in order', async () => {
    const t = io(
      [
        JSON.stringify({ text: 'I am furious, this is unacceptable!' }),
        '',
        JSON.stringify({ text: "I'm switching to Acme.", history: ['I have been with you for ten years.'] }),
        JSON.stringify({ text: '太失望了' }),
      ].join('\n') + '\n',
    );
    expect(await run([], t.streams)).toBe(0);
    const lines = t.lines();
    expect(lines).toHaveLength(3);
    for (const l of lines) verdictSchema.parse(l);
    expect((lines[0]!.tones as { tone: string }[])[0]!.tone).toBe('angry');
    expect((lines[1]!.customerType as { type: string }).type).toBe('loyal-at-risk');
    expect(lines[2]!.language).toBe('zh');
    expect(t.err()).toBe('');
  });

  test('a bad line gives an error for that line and exit 1 at the end', async () => {
    const t = io(['{"text": "thanks, all good"}\nnot json\n{"text": 5}\n{"history": []}\n[1]\n', '{"text": "last', ' one"}\n']);
    expect(await run([], t.streams)).toBe(1);
    const lines = t.lines();
    expect(lines).toHaveLength(6);
    expect(lines[0]!.language).toBe('en');
    expect(lines[1]!.error).toMatch(/line 2: not JSON/);
    expect(lines[2]!.error).toMatch(/line 3: .*text/);
    expect(lines[3]!.error).toMatch(/line 4/);
    expect(lines[4]!.error).toMatch(/line 5/);
    // A line split across chunks is still one line.
    expect(lines[5]!.language).toBe('en');
    expect(t.err()).toMatch(/4 bad lines/);
  });

  test('CRLF input, empty input and unknown options', async () => {
    const crlf = io('{"text": "hello"}\r\n{"text": "hej"}\r\n');
    expect(await run([], crlf.streams)).toBe(0);
    expect(crlf.lines()).toHaveLength(2);
    const empty = io('');
    expect(await run([], empty.streams)).toBe(0);
    expect(empty.lines()).toHaveLength(0);
    const bad = io('');
    expect(await run(['--nope'], bad.streams)).toBe(2);
    expect(bad.err()).toMatch(/unknown argument/);
  });
});
