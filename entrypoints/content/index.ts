import { onMessage, sendMessage } from '@/utils/messaging';
import { draftChannel } from '@/utils/draft-port';
import { activeEditor, adapterFor } from '@/lib/sites';
import { bridgeFor } from '@/lib/editors';
import { debounce } from '@/lib/debounce';
import { findingKeys, replaceRequestSchema, type DraftSnapshot, type FeedbackRequest, type Finding } from '@/lib/protocol';
import { sentenceAround } from '@/lib/sentence';
import { ownReply } from '@/lib/reply-end';
import { InlineSuggestions } from '@/lib/inline/inline-suggestions';
import { locatorFor } from '@/lib/inline/locators';
import { LocalAnalysis } from '@/lib/local-analysis';
import { DRAFT_DEBOUNCE_MS, MAX_ANALYSED_DRAFT, MAX_CUSTOMER_MESSAGE, MAX_CUSTOMER_MESSAGES } from '@/lib/limits';
import { HELPDESK_MATCHES, LOCAL_MATCHES } from '@/lib/hosts';
import { pausedOn } from '@/lib/paused-sites';
import { browser } from 'wxt/browser';

/**
 * Runs one call into the page: a site adapter or an editor bridge reading the page's DOM, the
 * page's layout. Those can throw on a page we do not control (a helpdesk that changed its
 * markup, an editor nested deeper than the walk's stack): Tact then does nothing for that call
 * and says so once in the console, rather than throwing into the page's event loop or stopping.
 */
function quietly<T>(what: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    if (!reported.has(what)) {
      reported.add(what);
      console.debug(`[tact] ${what} failed; Tact stays quiet here.`, err);
    }
    return fallback;
  }
}
const reported = new Set<string>();

/**
 * Bench and test hook: on a page with <html data-tact-perf>, the time an analysis starts
 * (`tact:analyse`), the background's findings arrive (`tact:findings`) and their underlines are
 * drawn (`tact:underlined`) go to a log in the content script's own world, which the page cannot
 * see (scripts/tact-perf.ts reads it over CDP). Not performance.mark: each mark cost ~0.2 ms of
 * the page's main thread in Chromium 156 (profiled), more than the rest of the analysis.
 */
function perfMark(name: 'tact:analyse' | 'tact:findings' | 'tact:underlined', source?: 'local' | 'background') {
  if (!document.documentElement.hasAttribute('data-tact-perf')) return;
  const log = ((globalThis as { __tactPerf?: { name: string; at: number; source?: string }[] }).__tactPerf ??= []);
  log.push({ name, at: performance.now(), source });
}

/** The stored settings, raw: the content script carries no zod and reads only two lists of origins. */
async function storedSettings(): Promise<unknown> {
  const { settings } = await browser.storage.local.get('settings').catch(() => ({ settings: undefined }));
  return settings;
}

/** Origins the user enabled in the settings. */
function enabledOrigins(settings: unknown): string[] {
  const list = (settings as { enabledOrigins?: unknown } | undefined)?.enabledOrigins;
  return Array.isArray(list) ? list.filter((o): o is string => typeof o === 'string') : [];
}

export default defineContentScript({
  matches: [...HELPDESK_MATCHES, ...LOCAL_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await storedSettings();
    const adapter = quietly('finding the site adapter', () => adapterFor(new URL(location.href), document, enabledOrigins(settings)), null);
    if (!adapter) return; // not a helpdesk page we know, nor one the user enabled: stay quiet
    // Paused on this site by the agent (the panel's "Pause here"): read nothing, underline nothing.
    let paused = pausedOn(settings, location.href);
    if (paused) void sendMessage('forgetTab').catch(() => {});
    let editor: Element | null = null;
    let composing = false;

    // The agent may click into the side panel; remember the editor they were writing in.
    const currentEditor = () => {
      const focused = quietly('finding the editor', () => activeEditor(adapter, document, document.activeElement), null);
      if (focused) editor = focused;
      else if (!editor?.isConnected) editor = quietly('finding the editor', () => activeEditor(adapter, document, null), null);
      return editor;
    };
    const bridgeOf = (el: Element | null) => (el ? quietly('choosing the editor bridge', () => bridgeFor(el), null) : null);
    /**
     * The agent's own words in the editor, without the quoted mail or signature below them; null
     * when it cannot be read now (then nothing is analysed or replaced).
     */
    const readDraft = (el: Element | null) => {
      const bridge = bridgeOf(el);
      if (!el || !bridge) return '';
      const text = quietly(`reading the ${bridge.id} editor`, () => bridge.read(el), null);
      return text == null ? null : ownReply(text, bridge.quoteStart ? quietly('finding quoted mail', () => bridge.quoteStart!(el), null) : null);
    };

    // Parsed again only when the page moves (single-page apps change it without a reload).
    let parsed = { href: '', url: new URL(location.href) };
    // The thread rarely changes while the agent types: it is read again only after the page changed
    // outside the editor (a new message, another ticket), not on every analysis.
    let thread: Pick<DraftSnapshot, 'customer' | 'agent' | 'lastFrom'> | null = null;
    const threadWatch = new MutationObserver((records) => {
      if (thread && records.some((r) => !editor?.contains(r.target))) thread = null;
    });
    threadWatch.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    ctx.onInvalidated(() => threadWatch.disconnect());
    const snapshot = (): DraftSnapshot | null => {
      if (parsed.href !== location.href) parsed = { href: location.href, url: new URL(location.href) };
      const url = parsed.url;
      const draft = readDraft(currentEditor());
      const conversationId = quietly('reading the conversation id', () => adapter.conversationId(document, url), null);
      if (draft == null || conversationId == null) return null;
      const channel = quietly('reading the channel', () => adapter.channel(document, url), null) ?? undefined;
      thread ??= {
        customer: quietly('reading the customer messages', () => adapter.customerMessages(document, MAX_CUSTOMER_MESSAGES), []).map((m) => ({
          ...m,
          text: m.text.slice(0, MAX_CUSTOMER_MESSAGE),
        })),
        // In a chat a reply takes several messages: what the agent already sent counts for the checklist.
        agent:
          channel === 'chat' && adapter.agentMessages
            ? quietly('reading the agent messages', () => adapter.agentMessages!(document, MAX_CUSTOMER_MESSAGES), []).map((t) => t.slice(0, MAX_CUSTOMER_MESSAGE))
            : [],
        lastFrom: (channel === 'chat' && quietly('reading who wrote last', () => adapter.lastFrom?.(document), null)) || undefined,
      };
      return {
        site: adapter.id,
        conversationId,
        url: url.href,
        channel,
        draft: draft.slice(0, MAX_ANALYSED_DRAFT),
        draftLength: draft.length,
        ...thread,
      };
    };

    const inline = new InlineSuggestions(document, {
      apply: async (finding, suggestion) => {
        const sentence = sentenceOf(finding); // before the draft changes under it
        const outcome = await replace(finding.start, finding.end, finding.text, suggestion);
        if (outcome.ok) void feedback(finding, { kind: 'apply', suggestion }, sentence);
        return outcome;
      },
      dismiss: (finding) => feedback(finding, { kind: 'dismiss' }),
      flag: (finding, reason) => feedback(finding, { kind: 'flag', reason }),
    });
    const sentenceOf = (f: Finding) => sentenceAround(analysedDraft, f.start, f.end);
    const feedback = async (finding: Finding, req: Pick<FeedbackRequest, 'kind' | 'suggestion' | 'reason'>, sentence = sentenceOf(finding)) => {
      await sendMessage('recordFeedback', { finding, sentence, ...req }).catch(() => {});
    };
    ctx.onInvalidated(() => inline.destroy());

    // Underline only what still matches the text: a reply that arrives after more typing is dropped.
    let analysedDraft = '';
    // What the underlines show now, and where: when the page's own analysis finds the same phrases,
    // the text up to the last of them unchanged and the editor where it was (most keystrokes: the
    // agent types after the last flagged phrase), nothing needs drawing. Scrolls and resizes repaint
    // by themselves (lib/inline).
    let drawn: { el: Element; place: string; keys: string; upTo: string } | null = null;
    const placeOf = (el: Element) => {
      const r = el.getBoundingClientRect();
      return `${r.left},${r.top},${r.width},${r.height},${el.scrollLeft},${el.scrollTop}`;
    };
    const underline = (findings: Finding[], source: 'local' | 'background', keys = findingKeys(findings)) => {
      if (paused) return inline.clear(); // an answer that was on its way when the agent paused
      perfMark('tact:findings', source);
      if (source === 'local' && drawn && drawn.el === editor && drawn.keys === keys && analysedDraft.startsWith(drawn.upTo)) {
        if (quietly('measuring the editor', () => placeOf(drawn!.el), '') === drawn.place) return perfMark('tact:underlined');
      }
      drawn = null;
      const el = currentEditor();
      const bridge = bridgeOf(el);
      const locator = el && bridge && quietly('locating text in the editor', () => locatorFor(el, bridge, inline.layoutRoot), null);
      if (!el || !bridge || !locator || readDraft(el)?.slice(0, MAX_ANALYSED_DRAFT) !== analysedDraft) return inline.clear();
      // The card gives the focus back to where the agent types: the editable, not a wrapper the site marked.
      const editable = quietly('finding the editable', () => bridge.editable?.(el), null) ?? el;
      quietly('drawing underlines', () => inline.show(editable, findings, locator), undefined);
      const upTo = analysedDraft.slice(0, Math.max(0, ...findings.map((f) => f.end)));
      drawn = { el, place: quietly('measuring the editor', () => placeOf(el), ''), keys, upTo };
      perfMark('tact:underlined');
    };

    const sendDraft = draftChannel();
    // Rules arrive with the background's first answer; compiling them waits for a quiet moment.
    const local = new LocalAnalysis((fn) => (window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 2_000 }) : setTimeout(fn, 50)));
    const analyse = debounce(() => {
      if (composing || paused || !ctx.isValid) return;
      perfMark('tact:analyse');
      const snap = snapshot();
      if (!snap) return;
      // The underlines stay until the new findings replace them: clearing them here cost the page
      // a frame per analysis and made them blink while the agent typed.
      analysedDraft = snap.draft;
      const mine = quietly('matching the draft', () => local.findings(snap), null);
      const found = mine ? findingKeys(mine) : undefined;
      if (mine) underline(mine, 'local', found);
      sendDraft(snap, local.version, found).then(
        (reply) => {
          if (!reply || paused) return;
          local.learn(snap, reply);
          if (reply.findings && !reply.unchanged) underline(reply.findings, 'background');
        },
        () => {},
      );
    }, DRAFT_DEBOUNCE_MS);

    const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes.settings || !ctx.isValid) return;
      const now = pausedOn(changes.settings.newValue, location.href);
      if (now === paused) return;
      paused = now;
      if (!paused) return analyse();
      drawn = null;
      inline.clear();
      void sendMessage('forgetTab').catch(() => {});
    };
    browser.storage.onChanged.addListener(onSettings);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onSettings));

    const onInput = (e: Event) => {
      if ((e as InputEvent).isComposing) return; // IME: wait for compositionend
      // A typed character outside any composition: a composition whose compositionend never came
      // (its editor was re-rendered away mid-word) is over, or Tact would stay silent for good.
      if (e.isTrusted && 'isComposing' in e) composing = false;
      if (composing) return;
      analyse();
    };
    const listen = (doc: Document) => {
      ctx.addEventListener(doc, 'input', onInput, { capture: true });
      ctx.addEventListener(doc, 'compositionstart', () => (composing = true), { capture: true });
      ctx.addEventListener(doc, 'compositionend', () => ((composing = false), analyse()), { capture: true });
      ctx.addEventListener(doc, 'focusin', () => currentEditor(), { capture: true });
    };
    listen(document);
    // TinyMCE types in a same-origin iframe, whose input and IME events never reach this document:
    // listen there too once focus moves into it (this window blurs then).
    const listened = new WeakSet<Document>([document]);
    ctx.addEventListener(window, 'blur', () => {
      const el = currentEditor();
      const doc = el && quietly('finding the editor frame', () => bridgeOf(el)?.editable?.(el)?.ownerDocument, null);
      if (!doc || listened.has(doc)) return;
      listened.add(doc);
      listen(doc);
    });
    ctx.onInvalidated(() => analyse.cancel());

    async function replace(start: number, end: number, expected: string, replacement: string) {
      const el = currentEditor();
      const bridge = bridgeOf(el);
      if (!el || !bridge) return { ok: false, message: 'No reply editor found on this page.' };
      if (composing) return { ok: false, message: 'Finish the text you are composing first, then apply.' };
      if (readDraft(el)?.slice(start, end) !== expected)
        return { ok: false, message: 'The draft changed since this suggestion; it will refresh in a moment.' };
      const outcome = await Promise.resolve()
        .then(() => bridge.replace(el, start, end, replacement))
        .catch((err: unknown) => {
          console.debug('[tact] writing into the editor failed', err);
          return { ok: false as const, message: 'The editor did not take the change; check the draft.' };
        });
      analyse();
      analyse.flush();
      return outcome;
    }

    onMessage('replaceSpan', ({ data }) => {
      const req = replaceRequestSchema.parse(data);
      if (paused) return { ok: false, message: 'Tact is paused on this site.' };
      return replace(req.start, req.end, req.expected, req.replacement);
    });
    // The side panel's "rewrite the sentence at the cursor": the page keeps its selection while the
    // agent clicks in the panel.
    onMessage('readCaret', () => {
      const el = currentEditor();
      const bridge = bridgeOf(el);
      const offset = el && bridge?.caret ? quietly('reading the caret', () => bridge.caret!(el), null) : null;
      return { offset };
    });
    onMessage('showFindings', ({ data }) => {
      local.forgetContext(); // what the agent dismissed changed: ask the background before matching here again
      if (!paused) underline(data, 'background');
    });

    analyse(); // show the customer's side at once, before the agent types
  },
});
