import type { MessagesClient } from './client';
import type { AiTabState } from '../protocol';
import type { StateStorage } from '../tab-states';
import type { RewriteCache } from './cache';
import type { AiConfig } from './config';
import type { RewriteInput } from './prompt';
import { rewriteSentence } from './rewrite';
import type { Rewrite } from './rewrite-schema';
import type { LeftOut } from './screen';
import { rateLimitGate, type RateLimitGate } from './backoff';
import { whyNot } from './preflight';

// The AI rewrite of each tab: one request in flight per tab (a new one aborts the old), aborted when
// the sentence leaves the draft, and written through to storage so a service worker stopped
// mid-request loses nothing: a reconnecting panel calls resume(), which asks again (the panel shows
// "asking…" meanwhile) or answers from the cache. A 429 holds every request back (./backoff.ts).

export interface AiJobDeps {
  /** storage.session in the extension: outlives the worker, not the browser, not readable by pages. */
  storage: StateStorage;
  config(): Promise<AiConfig>;
  cache?: RewriteCache;
  makeClient(config: AiConfig): MessagesClient;
  /** Whether the browser lets Tact send data out (Firefox's data consent); always, when absent. */
  consent?(): Promise<boolean>;
  /** The team's phrasebook on Claude's rewrites (./screen.ts): what it flags is left out. */
  screen?(rewrites: readonly Rewrite[]): { kept: Rewrite[]; leftOut: LeftOut[] };
  now?: () => number;
  timeoutMs?: number;
}

interface Job {
  state: AiTabState;
  /** What the request is made from: kept so it can be made again after a restart. */
  input: RewriteInput;
}

type Listener = (state: AiTabState | null) => void;

const keyOf = (tabId: number) => `ai:${tabId}`;

export interface AskRequest {
  tabId: number;
  conversationId: string;
  sentence: { start: number; end: number; text: string };
  locale?: string;
  input: RewriteInput;
}

export class AiJobs {
  private readonly jobs = new Map<number, Job>();
  private readonly inflight = new Map<number, AbortController>();
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly now: () => number;
  private readonly gate: RateLimitGate;

  constructor(private readonly deps: AiJobDeps) {
    this.now = deps.now ?? Date.now;
    this.gate = rateLimitGate(deps.storage, this.now);
  }

  async get(tabId: number): Promise<AiTabState | null> {
    return (await this.job(tabId))?.state ?? null;
  }

  subscribe(tabId: number, listener: Listener): () => void {
    let set = this.listeners.get(tabId);
    if (!set) this.listeners.set(tabId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Starts a rewrite for the tab, replacing any other; resolves when it has ended, however it ended. */
  async ask(req: AskRequest): Promise<AiTabState> {
    const config = await this.deps.config();
    const state: AiTabState = {
      tabId: req.tabId,
      conversationId: req.conversationId,
      status: 'asking',
      sentence: req.sentence,
      locale: req.locale,
      model: config.model,
      rewrites: [],
      updatedAt: this.now(),
    };
    return this.run({ state, input: req.input }, config);
  }

  /** After a worker restart: a request that was in flight is made again (the cache answers if it can). */
  async resume(tabId: number): Promise<void> {
    const job = await this.job(tabId);
    if (job?.state.status === 'asking' && !this.inflight.has(tabId)) await this.run(job, await this.deps.config());
  }

  /**
   * The tab's draft changed: the rewrite follows its sentence if it only moved, and is dropped (its
   * request aborted) once the sentence is edited or gone, or the conversation changed.
   */
  async draftChanged(tabId: number, conversationId: string, draft: string): Promise<void> {
    const job = await this.job(tabId);
    if (!job) return;
    const { sentence } = job.state;
    if (job.state.conversationId === conversationId && draft.slice(sentence.start, sentence.end) === sentence.text) return;
    const at = job.state.conversationId === conversationId ? nearest(draft, sentence.text, sentence.start) : -1;
    if (at < 0) return this.clear(tabId);
    const moved = { ...job.state, sentence: { ...sentence, start: at, end: at + sentence.text.length } };
    await this.save(tabId, { ...job, state: moved });
  }

  async clear(tabId: number): Promise<void> {
    this.inflight.get(tabId)?.abort();
    this.inflight.delete(tabId);
    this.jobs.delete(tabId);
    this.emit(tabId, null);
    await this.deps.storage.remove(keyOf(tabId));
  }

  private async run(job: Job, config: AiConfig): Promise<AiTabState> {
    const { tabId } = job.state;
    this.inflight.get(tabId)?.abort();
    const controller = new AbortController();
    this.inflight.set(tabId, controller);
    const current = () => this.inflight.get(tabId) === controller;
    const finish = async (patch: Partial<AiTabState>) => {
      const state: AiTabState = { ...job.state, ...patch, updatedAt: this.now() };
      if (current()) {
        this.inflight.delete(tabId);
        await this.save(tabId, { ...job, state });
      }
      return state;
    };

    const held = await whyNot(config, this.gate, this.deps.consent);
    if (held) return finish({ status: 'failed', rewrites: [], error: held });

    // Written through before the request: a worker stopped from here on resumes it.
    const asking: AiTabState = {
      ...job.state,
      status: 'asking',
      rewrites: [],
      error: undefined,
      unsure: undefined,
      cached: undefined,
      leftOut: undefined,
      updatedAt: this.now(),
    };
    const screen = (rewrites: readonly Rewrite[]) => this.deps.screen?.(rewrites) ?? { kept: [...rewrites], leftOut: [] };
    job = { ...job, state: asking };
    await this.save(tabId, job);
    if (!current()) return asking;

    const result = await rewriteSentence(job.input, {
      client: this.deps.makeClient(config),
      model: config.model,
      cache: this.deps.cache,
      signal: controller.signal,
      timeoutMs: this.deps.timeoutMs,
      // Streamed updates go to the panels only; storage gets the request and the final answer.
      onPartial: (rewrites) => {
        if (!current()) return;
        const state = { ...job.state, rewrites: screen(rewrites).kept, updatedAt: this.now() };
        this.jobs.set(tabId, { ...job, state });
        this.emit(tabId, state);
      },
    });
    if (!current()) return { ...asking, status: 'failed', error: { kind: 'aborted', message: 'Cancelled.' } };
    if (result.ok) {
      const { kept, leftOut } = screen(result.output.rewrites);
      return finish({ status: 'done', rewrites: kept, leftOut: leftOut.length ? leftOut : undefined, unsure: result.output.unsure, cached: result.cached });
    }
    const error: NonNullable<AiTabState['error']> = { ...result.error };
    await this.gate.note(error);
    return finish({ status: 'failed', rewrites: [], error });
  }

  private async job(tabId: number): Promise<Job | null> {
    const held = this.jobs.get(tabId);
    if (held) return held;
    const stored = (await this.deps.storage.get(keyOf(tabId))) as Job | undefined;
    if (stored) this.jobs.set(tabId, stored);
    return stored ?? null;
  }

  private async save(tabId: number, job: Job) {
    this.jobs.set(tabId, job);
    this.emit(tabId, job.state);
    await this.deps.storage.set(keyOf(tabId), job);
  }

  private emit(tabId: number, state: AiTabState | null) {
    for (const l of this.listeners.get(tabId) ?? []) l(state);
  }
}

/** The occurrence of `text` in `draft` closest to where it was. */
function nearest(draft: string, text: string, was: number): number {
  let best = -1;
  for (let at = draft.indexOf(text); at >= 0; at = draft.indexOf(text, at + 1)) {
    if (best < 0 || Math.abs(at - was) < Math.abs(best - was)) best = at;
  }
  return best;
}
