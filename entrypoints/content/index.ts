import { onMessage, sendMessage } from '@/utils/messaging';
import { adapterFor } from '@/lib/sites';
import { bridgeFor } from '@/lib/editors';
import { debounce } from '@/lib/debounce';
import { replaceRequestSchema, type DraftSnapshot, type FeedbackRequest, type Finding } from '@/lib/protocol';
import { sentenceAround } from '@/lib/sentence';
import { InlineSuggestions } from '@/lib/inline/inline-suggestions';
import { locatorFor } from '@/lib/inline/locators';
import { DRAFT_DEBOUNCE_MS, MAX_ANALYSED_DRAFT, MAX_CUSTOMER_MESSAGE, MAX_CUSTOMER_MESSAGES } from '@/lib/limits';
import { HELPDESK_MATCHES, LOCAL_MATCHES } from '@/lib/hosts';
import { browser } from 'wxt/browser';

/** Origins the user enabled in the settings (read raw: the content script carries no zod). */
async function enabledOrigins(): Promise<string[]> {
  const { settings } = await browser.storage.local.get('settings').catch(() => ({ settings: undefined }));
  const list = (settings as { enabledOrigins?: unknown } | undefined)?.enabledOrigins;
  return Array.isArray(list) ? list.filter((o): o is string => typeof o === 'string') : [];
}

export default defineContentScript({
  matches: [...HELPDESK_MATCHES, ...LOCAL_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href), document, await enabledOrigins());
    if (!adapter) return; // not a helpdesk page we know, nor one the user enabled: stay quiet
    let editor: Element | null = null;
    let composing = false;

    // The agent may click into the side panel; remember the editor they were writing in.
    const currentEditor = () => {
      const focused = adapter.activeEditor(document, document.activeElement);
      if (focused) editor = focused;
      else if (!editor?.isConnected) editor = adapter.activeEditor(document, null);
      return editor;
    };

    const snapshot = (): DraftSnapshot | null => {
      const el = currentEditor();
      const bridge = el && bridgeFor(el);
      const url = new URL(location.href);
      const draft = el && bridge ? bridge.read(el) : '';
      return {
        site: adapter.id,
        conversationId: adapter.conversationId(document, url),
        url: url.href,
        channel: adapter.channel(document, url) ?? undefined,
        draft: draft.slice(0, MAX_ANALYSED_DRAFT),
        draftLength: draft.length,
        customer: adapter
          .customerMessages(document, MAX_CUSTOMER_MESSAGES)
          .map((m) => ({ ...m, text: m.text.slice(0, MAX_CUSTOMER_MESSAGE) })),
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
    const underline = (findings: Finding[]) => {
      const el = currentEditor();
      const bridge = el && bridgeFor(el);
      const locator = el && bridge && locatorFor(el, bridge, inline.layoutRoot);
      if (!el || !bridge || !locator || bridge.read(el).slice(0, MAX_ANALYSED_DRAFT) !== analysedDraft) return inline.clear();
      inline.show(el, findings, locator);
    };

    const analyse = debounce(() => {
      if (composing || !ctx.isValid) return;
      const snap = snapshot();
      if (!snap) return;
      inline.clear();
      analysedDraft = snap.draft;
      sendMessage('draftChanged', snap).then(underline, () => {});
    }, DRAFT_DEBOUNCE_MS);

    const onInput = (e: Event) => {
      if ((e as InputEvent).isComposing || composing) return; // IME: wait for compositionend
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
      const doc = el && bridgeFor(el)?.editable?.(el)?.ownerDocument;
      if (!doc || listened.has(doc)) return;
      listened.add(doc);
      listen(doc);
    });
    ctx.onInvalidated(() => analyse.cancel());

    async function replace(start: number, end: number, expected: string, replacement: string) {
      const el = currentEditor();
      const bridge = el && bridgeFor(el);
      if (!el || !bridge) return { ok: false, message: 'No reply editor found on this page.' };
      if (composing) return { ok: false, message: 'Finish the text you are composing first, then apply.' };
      if (bridge.read(el).slice(start, end) !== expected)
        return { ok: false, message: 'The draft changed since this suggestion; it will refresh in a moment.' };
      const outcome = await bridge.replace(el, start, end, replacement);
      analyse();
      analyse.flush();
      return outcome;
    }

    onMessage('replaceSpan', ({ data }) => {
      const req = replaceRequestSchema.parse(data);
      return replace(req.start, req.end, req.expected, req.replacement);
    });
    onMessage('showFindings', ({ data }) => underline(data));

    analyse(); // show the customer's side at once, before the agent types
  },
});
