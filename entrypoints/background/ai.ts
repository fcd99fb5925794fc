import { browser, type Browser } from 'wxt/browser';
import { onMessage, sendMessage } from '@/utils/messaging';
import {
  aiConfigUpdateSchema,
  PANEL_PORT,
  panelToBackgroundSchema,
  readCustomerRequestSchema,
  rewriteRequestSchema,
  type ReadCustomerResult,
  type TabState,
  type AiStatus,
  type AiTabState,
  type BackgroundToPanel,
} from '@/lib/protocol';
import { AiJobs } from '@/lib/ai/jobs';
import { screenRewrites } from '@/lib/ai/screen';
import { aiStatusOf, parseAiConfig, updateAiConfig, type AiConfig } from '@/lib/ai/config';
import { createClient } from '@/lib/ai/client';
import { tableCache } from '@/lib/ai/cache';
import { rewriteOutputSchema } from '@/lib/ai/rewrite-schema';
import { AiConfigDb } from '@/lib/storage/ai-config';
import { rateLimitGate } from '@/lib/ai/backoff';
import { readCustomer } from '@/lib/ai/reading';
import { readingOutputSchema } from '@/lib/ai/reading-schema';
import type { StateStorage } from '@/lib/tab-states';
import { whyNot } from '@/lib/ai/preflight';
import { hasDataConsent } from '@/utils/data-consent';
import type { BackgroundContext } from './context';

/** The AI fallback: the key, rewrite requests from the panel (answers streamed back to it), readings of the customer. */
export function registerAiHandlers(ctx: BackgroundContext) {
  const configDb = new AiConfigDb();
  // If the database cannot be read, AI is off (no key) rather than every AI message failing.
  let config: Promise<AiConfig> = configDb.read().catch((err: unknown) => {
    console.warn('[tact] could not read the AI settings', err);
    return parseAiConfig(undefined);
  });
  const warn = (err: unknown) => console.warn('[tact] AI rewrite', err);
  const statusNow = async (): Promise<AiStatus> => ({ ...aiStatusOf(await config), dataConsent: await hasDataConsent() });

  const session: StateStorage = {
    get: async (key) => (await browser.storage.session.get(key))[key],
    set: (key, value) => browser.storage.session.set({ [key]: value }),
    remove: (key) => browser.storage.session.remove(key),
  };
  const clientFor = (c: AiConfig) => createClient({ apiKey: c.apiKey ?? '', baseURL: c.baseURL ?? undefined });
  const jobs = new AiJobs({
    storage: session,
    config: () => config,
    cache: tableCache(ctx.db.aiRewrites, rewriteOutputSchema),
    makeClient: clientFor,
    consent: hasDataConsent,
    screen: (rewrites) => screenRewrites(rewrites, ctx.phrasebook),
  });

  // A rewrite follows its tab's draft: dropped (and its request aborted) once its sentence is edited.
  const watched = new Set<number>();
  const watch = (tabId: number) => {
    if (watched.has(tabId)) return;
    watched.add(tabId);
    ctx.states.subscribe(tabId, (state) => {
      (state ? jobs.draftChanged(tabId, state.conversationId, state.draft) : jobs.clear(tabId)).catch(warn);
    });
  };

  // Panels hear of their tab's rewrite and of the AI setup (key set or not) over the panel port.
  const panels = new Set<() => void>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    let tabId: number | null = null;
    let unsubscribe = () => {};
    // Updates must reach the panel in order: a streamed update is sent as it comes; a refresh (which
    // reads the state first) is dropped if any update was sent while it read.
    let sent = 0;
    const send = async (ai: AiTabState | null) => {
      const to = tabId; // the panel may follow another tab by the time the status is read
      if (to == null) return;
      const msg: BackgroundToPanel = { type: 'ai', tabId: to, ai, status: await statusNow() };
      try {
        port.postMessage(msg);
      } catch {
        // The panel closed meanwhile.
      }
    };
    const refresh = async () => {
      const mine = ++sent;
      if (tabId == null) return;
      const ai = await jobs.get(tabId);
      if (mine === sent) await send(ai);
    };
    const onConfig = () => void refresh().catch(warn);
    panels.add(onConfig);
    port.onMessage.addListener((raw) => {
      const msg = panelToBackgroundSchema.safeParse(raw);
      if (!msg.success) return;
      unsubscribe();
      tabId = msg.data.tabId;
      unsubscribe = jobs.subscribe(tabId, (ai) => {
        sent++;
        void send(ai);
      });
      watch(tabId);
      // A request cut off by a worker restart is made again now that someone is watching.
      refresh()
        .then(() => jobs.resume(msg.data.tabId))
        .catch(warn);
    });
    port.onDisconnect.addListener(() => {
      unsubscribe();
      panels.delete(onConfig);
    });
  });

  onMessage('getAiStatus', () => statusNow());
  // Consent given on the settings page, or taken back in about:addons: panels hear of it at once.
  const consentChanged = () => {
    for (const refresh of panels) refresh();
  };
  browser.permissions.onAdded.addListener(consentChanged);
  browser.permissions.onRemoved.addListener(consentChanged);

  onMessage('setAiConfig', async ({ data, sender }) => {
    // Only the extension's own pages may set the key or say where it is sent; a content script
    // (sender.url is the helpdesk's page) may not.
    if (!isExtensionPage(sender)) return { ok: false, message: 'Not allowed from a web page.', status: await statusNow() };
    const update = aiConfigUpdateSchema.safeParse(data);
    if (!update.success) return { ok: false, message: 'Malformed settings.', status: await statusNow() };
    const result = updateAiConfig(await config, update.data);
    if (!result.ok) return { ok: false, message: result.message, status: await statusNow() };
    await configDb.write(result.config);
    config = Promise.resolve(result.config);
    for (const refresh of panels) refresh();
    return { ok: true, status: await statusNow() };
  });

  const gate = rateLimitGate(session);
  const readings = tableCache(ctx.db.aiReadings, readingOutputSchema);

  /**
   * Who the customer is, for a rewrite's context: the classifier's verdict, or Claude's reading of
   * them when the classifier was unsure or does not read the language and a reading is cached.
   */
  const customerContext = async (state: TabState, c: AiConfig) => {
    const verdict = state.verdict;
    const fromVerdict = {
      // The same bar as a phrasebook entry's `when` (drafts.ts): a weak tone is not worth telling.
      tones: verdict?.tones.filter((t) => t.score >= 0.35).map((t) => t.tone),
      customerType: verdict?.customerType?.type ?? null,
      approach: verdict?.customerType?.approach ?? null,
    };
    if (verdict && !verdict.unsure && verdict.language !== 'unsupported') return fromVerdict;
    const customer = customerTexts(state);
    const cached = customer.length ? await readCustomer(customer, { client: clientFor(c), model: c.model, cache: readings, cachedOnly: true }) : null;
    const reading = cached?.ok ? cached.reading : null;
    if (!reading) return fromVerdict;
    return {
      tones: reading.tones.filter((t) => t.strength !== 'slight').map((t) => t.tone),
      customerType: reading.customerType?.type ?? null,
      approach: reading.customerType?.approach ?? null,
    };
  };

  // Asking spends the team's API budget and sends the draft out: for the panel, not for pages.
  onMessage('requestRewrite', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return { ok: false, message: 'Not allowed from a web page.' };
    const req = rewriteRequestSchema.parse(data);
    const state = await ctx.states.get(req.tabId);
    if (!state) return { ok: false, message: 'Tact has no draft for this tab.' };
    if (state.draft.slice(req.start, req.end) !== req.text) return { ok: false, message: 'The draft changed: pick the sentence again.' };
    const verdict = state.verdict;
    watch(req.tabId);
    const ask = {
      tabId: req.tabId,
      conversationId: state.conversationId,
      sentence: { start: req.start, end: req.end, text: req.text },
      locale: req.locale,
      input: {
        customer: state.customer.map((m) => m.text),
        draft: state.draft,
        sentence: req.text,
        ...(await customerContext(state, await config)),
        register: verdict?.register ?? null,
        language: req.locale ?? (verdict && verdict.language !== 'unsupported' ? verdict.language : null),
      },
    };
    // Answered at once: the rewrite streams over the panel port.
    jobs.ask(ask).catch(warn);
    return { ok: true };
  });

  onMessage('caretOf', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return { offset: null, message: 'Not allowed from a web page.' };
    try {
      return await sendMessage('readCaret', undefined, data.tabId);
    } catch (err) {
      return { offset: null, message: `The page did not answer: ${(err as Error).message}` };
    }
  });

  onMessage('clearRewrite', async ({ data, sender }) => {
    if (isExtensionPage(sender)) await jobs.clear(data.tabId);
  });

  // Claude's reading of the customer. Answered in the reply, not streamed: it is short, and a worker
  // stopped mid-request only costs the panel one more ask (it asks again once by itself).
  onMessage('readCustomer', async ({ data, sender }): Promise<ReadCustomerResult> => {
    if (!isExtensionPage(sender)) return { ok: false, error: { kind: 'failed', message: 'Not allowed from a web page.' } };
    const req = readCustomerRequestSchema.safeParse(data);
    if (!req.success) return { ok: false, error: { kind: 'failed', message: 'Malformed request.' } };
    const state = await ctx.states.get(req.data.tabId);
    const customer = state ? customerTexts(state) : [];
    if (!customer.length) return { ok: false, error: { kind: 'failed', message: 'There is no customer message on this page to read.' } };
    const c = await config;
    if (req.data.cachedOnly) {
      if (!c.apiKey) return { ok: true, reading: null };
    } else {
      const held = await whyNot(c, gate, hasDataConsent);
      if (held) return { ok: false, error: held };
    }
    const result = await readCustomer(customer, { client: clientFor(c), model: c.model, cache: readings, cachedOnly: req.data.cachedOnly });
    if (!result.ok) await gate.note(result.error);
    return result;
  });
}

/** The customer's messages as text, empty ones left out. */
const customerTexts = (state: TabState) => state.customer.map((m) => m.text).filter((t) => t.trim() !== '');

function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  const own = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(own);
}
