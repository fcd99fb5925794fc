import { onMessage, sendMessage } from '@/utils/messaging';
import { browser } from 'wxt/browser';
import { applyRequestSchema, DRAFT_PORT, draftRequestSchema, findingKeys, type DraftReply, type DraftSnapshot, type Finding } from '@/lib/protocol';
import { findingsIn, rulesSource, verdictContext, type DraftContext } from '@/lib/draft-analysis';
import { pausedOn } from '@/lib/paused-sites';
import { applyEdit } from '@/lib/draft-edit';
import { classifyCustomer } from '@/lib/classify';
import type { Verdict } from '@/lib/classify/verdict';
import { detectLanguage } from '@/lib/classify/language';
import type { BackgroundContext } from './context';

/** Below this many characters a draft is too short to tell its language. */
const LANGUAGE_NEEDS = 24;

/**
 * The draft's language: the panel says "not a language the phrasebook covers" rather than "nothing
 * risky", and tells the agent when it is not the customer's (lib/language-match.ts).
 */
function languageOf(draft: string): string | null {
  if (draft.trim().length < LANGUAGE_NEEDS) return null;
  const guess = detectLanguage(draft.slice(0, 2000));
  return guess && guess.confidence >= 0.5 ? guess.language : null;
}

/** Draft analysis: phrasebook matches, less what the settings hide and the agent dismissed. */
export function registerDraftHandlers(ctx: BackgroundContext) {
  // The customer's messages rarely change while the agent types: classify each thread once.
  const verdicts = new Map<string, Verdict | null>();
  function verdictFor(customer: DraftSnapshot['customer']): Verdict | null {
    const key = customer.map((m) => m.text).join('\u0001');
    const cached = verdicts.get(key);
    if (cached !== undefined) return cached;
    const latest = customer.at(-1);
    const verdict: Verdict | null = latest
      ? classifyCustomer({ text: latest.text, history: customer.slice(0, -1).map((m) => m.text) })
      : null;
    if (verdicts.size > 100) verdicts.clear();
    verdicts.set(key, verdict);
    return verdict;
  }

  // Read once per conversation, not per keystroke; reanalyse() (after a dismissal or its undo) drops it.
  const dismissals = new Map<string, Promise<Set<string>>>();
  function dismissedIn(conversationId: string) {
    let found = dismissals.get(conversationId);
    if (!found) {
      if (dismissals.size > 100) dismissals.clear();
      found = ctx.db.dismissedIn(conversationId);
      found.catch(() => dismissals.delete(conversationId));
      dismissals.set(conversationId, found);
    }
    return found;
  }

  // What the phrasebook flags in the agent's sent chat messages, once per message, phrasebook and
  // customer: a sent "I'm sorry you feel that way" ticks no checklist step either.
  const sentFlags = new WeakMap<object, Map<string, Finding[]>>();
  function flagsInSent(messages: readonly string[], context: DraftContext): Finding[][] {
    let byText = sentFlags.get(ctx.phrasebook);
    if (!byText) sentFlags.set(ctx.phrasebook, (byText = new Map()));
    const scope = [context.channel, context.type, ...context.tones, ''].join('\u0001');
    return messages.map((text) => {
      let found = byText.get(scope + text);
      if (!found) {
        if (byText.size > 200) byText.clear();
        found = findingsIn(ctx.phrasebook, text, { ...context, dismissed: [] });
        byText.set(scope + text, found);
      }
      return found;
    });
  }

  async function analyse(tabId: number, snapshot: DraftSnapshot): Promise<{ findings: Finding[]; context: DraftContext }> {
    const [settings, dismissed] = await Promise.all([ctx.settings(), dismissedIn(snapshot.conversationId), ctx.livePhrasebook.ready]);
    const verdict = verdictFor(snapshot.customer);
    const context: DraftContext = {
      channel: snapshot.channel ?? null,
      ...verdictContext(verdict),
      minSeverity: settings.minSeverity,
      dismissed: [...dismissed],
    };
    // A draft that was on its way when the agent paused the site is not matched nor kept: the panel shows the pause.
    if (pausedOn(settings, snapshot.url)) return { findings: [], context };
    const findings = findingsIn(ctx.phrasebook, snapshot.draft, context);
    const draftLanguage = languageOf(snapshot.draft);
    // Panels hear of the state at once; the content script need not wait for it to reach storage.
    ctx.states
      .set({ tabId, ...snapshot, findings, agentFindings: flagsInSent(snapshot.agent ?? [], context), verdict, draftLanguage, updatedAt: Date.now() })
      .catch((err: unknown) => console.warn('[tact] could not keep the tab state', err));
    return { findings, context };
  }

  // The rules the content script matches with, sent to it when its version is not this one; made
  // again when the studio changes the phrasebook, so pages ask for the new rules.
  const rulesFor = rulesSource(() => ctx.phrasebook);

  // The content script's settled drafts arrive over DRAFT_PORT (see utils/draft-port.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DRAFT_PORT) return;
    let contextSent = ''; // the context this port's page holds
    let last: DraftSnapshot | null = null; // what an edit on this port applies to
    port.onMessage.addListener(async (raw: unknown) => {
      const req = draftRequestSchema.safeParse(raw);
      const tabId = port.sender?.tab?.id;
      if (!req.success || tabId == null) return;
      const { snapshot: wire, edit } = req.data;
      const draft = wire.draft ?? (last && edit ? applyEdit(last.draft, edit) : null);
      const customer = wire.customer ?? last?.customer;
      if (draft == null || customer == null) {
        last = null;
        port.postMessage({ seq: req.data.seq, findings: null, resend: true } satisfies DraftReply);
        return;
      }
      const snapshot: DraftSnapshot = { ...wire, draft, customer, agent: wire.agent ?? last?.agent ?? [] };
      last = snapshot;
      const analysed = await analyse(tabId, snapshot).catch((err: unknown) => {
        console.warn('[tact] could not analyse the draft', err);
        return null;
      });
      // The page found the same with the same rules (the usual case once it has them): say so, not them
      // again; and when its context is current too, say nothing: each answer costs the page a task.
      const rules = rulesFor(req.data.rules);
      const unchanged = analysed != null && !rules && req.data.found === findingKeys(analysed.findings);
      const context = analysed ? JSON.stringify(analysed.context) : '';
      if (unchanged && context === contextSent) return;
      contextSent = context;
      const reply: DraftReply = analysed
        ? { seq: req.data.seq, findings: unchanged ? [] : analysed.findings, unchanged, context: analysed.context, rules }
        : { seq: req.data.seq, findings: null };
      try {
        port.postMessage(reply);
      } catch {
        // The tab went away meanwhile.
      }
    });
  });

  onMessage('applySuggestion', async ({ data }) => {
    const { tabId, ...request } = applyRequestSchema.parse(data);
    try {
      return await sendMessage('replaceSpan', request, tabId);
    } catch (err) {
      return { ok: false, message: `The page did not answer: ${(err as Error).message}` };
    }
  });

  /** Runs the tab's last draft again (after a dismissal) and tells its content script. */
  return async function reanalyse(tabId: number) {
    const state = await ctx.states.get(tabId);
    if (!state) return;
    dismissals.delete(state.conversationId);
    const { tabId: _t, findings: _f, verdict: _v, draftLanguage: _l, updatedAt: _u, ...snapshot } = state;
    const { findings } = await analyse(tabId, snapshot);
    await sendMessage('showFindings', findings, tabId).catch(() => {});
  };
}
