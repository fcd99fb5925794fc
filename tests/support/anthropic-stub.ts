import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stub of the Messages API on 127.0.0.1 for the unit and browser tests: the real SDK talks to it
// over real HTTP, so retries, timeouts, aborts and SSE parsing are the SDK's own. It records every
// request so tests can check what would have left the browser.

export type StubReply =
  /** A streamed tool_use answer: `input` is sent as JSON text (or `raw` as is) in `chunks` pieces. */
  | {
      kind: 'tool';
      input?: unknown;
      raw?: string;
      chunks?: number;
      /** Between frames. */
      delayMs?: number;
      /** The stream waits for this before content_block_stop (tests check partials arrived first). */
      holdBeforeEnd?: Promise<void>;
      stopReason?: string;
    }
  | { kind: 'refusal' }
  | { kind: 'error'; status: number; type: string; message?: string; headers?: Record<string, string> }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Sends the start of a stream, then goes silent. */
  | { kind: 'stall' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  raw: string;
}

export interface AnthropicStub {
  url: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order; then the reply for the request's tool in `byTool`, then `fallback`. */
  queue(...replies: StubReply[]): void;
  /** Forgets queued replies and recorded requests. */
  reset(): void;
  fallback: StubReply;
  byTool: Record<string, StubReply>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const GOOD_REWRITES = {
  rewrites: [
    { text: 'I can see why this is frustrating, and I will sort it out for you today.', why: 'Acknowledges and commits to a time.' },
    { text: 'I am sorry for the trouble; I will email you an update by 5 pm.', why: 'Apologises without blame, gives a next step.' },
  ],
};

/**
 * A reading of the demo's German ticket (T-4001): every quote is the customer's words except the
 * "angry" one, which Tact must drop.
 */
export const GOOD_READING = {
  language: 'German',
  tones: [
    { tone: 'frustrated', strength: 'strong', evidence: ['das ist jetzt schon das dritte Mal'] },
    { tone: 'disappointed', strength: 'clear', evidence: ['Langsam reicht es mir'] },
    { tone: 'angry', strength: 'slight', evidence: ['Ich bin wütend'] },
  ],
  customerType: { type: 'loyal-at-risk', evidence: ['seit zwölf Jahren Kunde', 'ich schaue mich nach einem anderen Anbieter um'] },
  abuse: 'none',
  abuseEvidence: [],
  wants: 'deliveries that arrive undamaged, or they will change supplier',
};

export async function startAnthropicStub(fallback: StubReply = { kind: 'tool', input: GOOD_REWRITES }): Promise<AnthropicStub> {
  const requests: RecordedRequest[] = [];
  const pending: StubReply[] = [];
  const open = new Set<ServerResponse>();

  const server = createServer(async (req, res) => {
    // Extension pages would preflight without host permissions; answer anyway so a test shows the real failure.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      // Recorded as is.
    }
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, raw });
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
      return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody('not_found_error', 'no such route')));
    }
    const key = req.headers['x-api-key'] ?? String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const tool = (body.tool_choice as { name?: string } | undefined)?.name ?? 'suggest_rewrites';
    const reply = pending.shift() ?? stub.byTool[tool] ?? stub.fallback;
    if (!key) return void res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody('authentication_error', 'no key')));
    open.add(res);
    res.on('close', () => open.delete(res));
    await answer(res, reply, String(body.model ?? 'claude-haiku-5-5'), tool);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stub: AnthropicStub = {
    url: `http://127.0.0.1:${port}`,
    requests,
    fallback,
    byTool: { report_customer_reading: { kind: 'tool', input: GOOD_READING } },
    queue: (...replies) => void pending.push(...replies),
    reset: () => {
      pending.length = 0;
      requests.length = 0;
    },
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return stub;
}

const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message }, request_id: 'req_stub' });

function frame(res: ServerResponse, event: string, data: unknown) {
  if (!res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

async function answer(res: ServerResponse, reply: StubReply, model: string, tool: string) {
  if (reply.kind === 'hang') return; // the socket stays open until the client gives up
  if (reply.kind === 'error') {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    return void res.end(JSON.stringify(errorBody(reply.type, reply.message ?? reply.type)));
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const message = {
    id: 'msg_stub',
    type: 'message',
    role: 'assistant',
    model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 1 },
  };
  frame(res, 'message_start', { type: 'message_start', message });
  frame(res, 'ping', { type: 'ping' });
  if (reply.kind === 'stall') return;
  if (reply.kind === 'refusal') {
    frame(res, 'message_delta', { type: 'message_delta', delta: { stop_reason: 'refusal', stop_sequence: null }, usage: { output_tokens: 1 } });
    frame(res, 'message_stop', { type: 'message_stop' });
    return void res.end();
  }
  const json = reply.raw ?? JSON.stringify(reply.input);
  frame(res, 'content_block_start', {
    type: 'content_block_start',
    index: 0,
    content_block: { type: 'tool_use', id: 'toolu_stub', name: tool, input: {} },
  });
  const n = Math.max(1, reply.chunks ?? 8);
  const size = Math.ceil(json.length / n);
  for (let i = 0; i < json.length; i += size) {
    frame(res, 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: json.slice(i, i + size) } });
    if (reply.delayMs) await sleep(reply.delayMs);
  }
  if (reply.holdBeforeEnd) await reply.holdBeforeEnd;
  frame(res, 'content_block_stop', { type: 'content_block_stop', index: 0 });
  frame(res, 'message_delta', { type: 'message_delta', delta: { stop_reason: reply.stopReason ?? 'tool_use', stop_sequence: null }, usage: { output_tokens: 50 } });
  frame(res, 'message_stop', { type: 'message_stop' });
  res.end();
}
