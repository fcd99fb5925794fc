import { BaseAnthropic } from '@anthropic-ai/sdk/client';
import { Messages } from '@anthropic-ai/sdk/resources/messages/messages';
import * as Errors from '@anthropic-ai/sdk/core/error';
import { toAiError, type AiError } from './errors';
import type { BuiltPrompt } from './prompt';
import { partialRewrites, rewriteOutputSchema, rewriteTool, type RewriteOutput } from './rewrite-schema';
import type { ZodType } from 'zod';
import type { ForcedTool } from './tool';

// One streamed call to the Messages API with one forced tool. The SDK is isomorphic, so this runs in
// node (tests, against a loopback stub) and in the service worker alike; fetch, baseURL and the key
// are passed in. Every failure becomes one of a few states the panel can put in words.

export { AI_MODELS, DEFAULT_MODEL } from './vocabulary';
export { toAiError, type AiError } from './errors';

export interface ClientOptions {
  apiKey: string;
  baseURL?: string;
  fetch?: typeof fetch;
  /** Per attempt until the response starts, and the longest silence allowed while it streams. */
  timeoutMs?: number;
  maxRetries?: number;
}

/** One forced-tool request: the tool's input, validated with `schema`, is the answer. */
export interface ToolCall<T> {
  model: string;
  prompt: BuiltPrompt;
  tool: ForcedTool;
  schema: ZodType<T>;
  /** For the agent, when Claude refuses: "Claude declined to …". */
  refusal: string;
  signal?: AbortSignal;
  /** The tool's input so far, as it streams in (partial JSON, nothing validated). */
  onSnapshot?(snapshot: unknown): void;
  maxTokens?: number;
}

export type ToolCallResult<T> = { ok: true; output: T } | { ok: false; error: AiError };

export interface RewriteCall {
  model: string;
  prompt: BuiltPrompt;
  signal?: AbortSignal;
  /** Rewrites as they stream in (still redacted, not validated). */
  onPartial?(rewrites: { text: string; why: string }[]): void;
  maxTokens?: number;
}

export type RewriteCallResult = ToolCallResult<RewriteOutput>;

/** A side panel cannot wait minutes: short timeout, one retry (the SDK's defaults are 10 min and 2). */
export const DEFAULT_TIMEOUT_MS = 12_000;

/**
 * The SDK sleeps for as long as a 429's retry-after says before retrying, with no cap. The panel
 * should say "retry in N s" at once instead, so 429s are marked not-retryable (x-should-retry is the
 * SDK's own switch); overloads and dropped connections still get the one retry.
 */
function surfaceRateLimits(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    if (res.status !== 429) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

/**
 * The client with only the Messages resource: the full `Anthropic` class brings every resource
 * (files, skills, beta, …) into the worker's bundle for nothing.
 */
export class MessagesClient extends BaseAnthropic {
  messages: Messages = new Messages(this);
}

export function createClient(opts: ClientOptions): MessagesClient {
  const baseFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  return new MessagesClient({
    apiKey: opts.apiKey,
    // Never read ANTHROPIC_BASE_URL or a profile from the environment: the caller decides.
    baseURL: opts.baseURL ?? 'https://api.anthropic.com',
    authToken: null,
    // The MV3 worker has no `window`, so the SDK cannot tell it is in a browser; without this
    // header the real API answers a browser Origin with 401.
    dangerouslyAllowBrowser: true,
    timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: opts.maxRetries ?? 1,
    fetch: surfaceRateLimits(baseFetch),
  });
}

/** Streams one rewrite request, reporting partial rewrites as the tool's JSON arrives. */
export function streamRewrites(client: MessagesClient, call: RewriteCall, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RewriteCallResult> {
  let shown = '';
  const onSnapshot = (snapshot: unknown) => {
    const partial = partialRewrites(snapshot);
    const key = JSON.stringify(partial);
    if (partial.length && key !== shown) {
      shown = key;
      call.onPartial?.(partial);
    }
  };
  return streamTool(
    client,
    { ...call, tool: rewriteTool, schema: rewriteOutputSchema, refusal: 'Claude declined to rewrite this sentence.', onSnapshot: call.onPartial && onSnapshot },
    timeoutMs,
  );
}

/**
 * Streams one request that Claude must answer by calling `call.tool`; the final answer is validated
 * with `call.schema`. Never throws: failures come back as `{ ok: false }`.
 */
export async function streamTool<T>(client: MessagesClient, call: ToolCall<T>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ToolCallResult<T>> {
  if (call.signal?.aborted) return { ok: false, error: toAiError(new Errors.APIUserAbortError()) };
  // The SDK's timeout covers each attempt up to the response headers; a stream that starts and
  // then goes silent is caught by this idle timer.
  const own = new AbortController();
  let timedOut = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const resetIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      timedOut = true;
      own.abort();
    }, timeoutMs);
  };
  const onAbort = () => own.abort();
  call.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    const stream = client.messages.stream(
      {
        model: call.model,
        max_tokens: call.maxTokens ?? 1024,
        // Prompt caching: the system prompt is the same for every request.
        system: [{ type: 'text', text: call.prompt.system, cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: call.prompt.user }],
        tools: [call.tool],
        tool_choice: { type: 'tool', name: call.tool.name },
        // Haiku 5.5 thinks by default, which is slow here and rejects a forced tool_choice.
        thinking: { type: 'disabled' },
        output_config: { effort: 'low' },
      },
      { signal: own.signal },
    );
    resetIdle();
    stream.on('streamEvent', resetIdle);
    if (call.onSnapshot) stream.on('inputJson', (_delta, snapshot) => call.onSnapshot!(snapshot));
    const message = await stream.finalMessage();
    if (message.stop_reason === 'refusal')
      return { ok: false, error: { kind: 'refusal', message: call.refusal } };
    const block = message.content.find((b) => b.type === 'tool_use' && b.name === call.tool.name);
    if (!block || block.type !== 'tool_use')
      return { ok: false, error: { kind: 'invalid-output', message: 'Claude answered without using its tool.' } };
    const parsed = call.schema.safeParse(block.input);
    if (!parsed.success)
      return { ok: false, error: { kind: 'invalid-output', message: 'Claude’s answer was not in the expected shape.' } };
    return { ok: true, output: parsed.data };
  } catch (err) {
    if (call.signal?.aborted) return { ok: false, error: toAiError(new Errors.APIUserAbortError()) };
    return { ok: false, error: toAiError(err, timedOut) };
  } finally {
    clearTimeout(idle);
    call.signal?.removeEventListener('abort', onAbort);
  }
}
