import { onMessage } from '@/utils/messaging';
import { feedbackRequestSchema, undoFeedbackSchema } from '@/lib/protocol';
import type { BackgroundContext } from './context';

/** Applies, dismissals and flags, stored with their context for the QA leads' review. */
export function registerFeedbackHandlers(ctx: BackgroundContext, reanalyse: (tabId: number) => Promise<void>) {
  onMessage('recordFeedback', async ({ data, sender }) => {
    const req = feedbackRequestSchema.parse(data);
    const tabId = req.tabId ?? sender.tab?.id;
    const state = tabId == null ? null : await ctx.states.get(tabId);
    if (!state) return { ok: false, message: 'Tact has no conversation for this tab.' };
    const { finding } = req;
    const id = await ctx.db.record({
      kind: req.kind,
      entryId: finding.entryId,
      locale: finding.locale,
      source: finding.source,
      site: state.site,
      conversationId: state.conversationId,
      phrase: finding.text,
      suggestion: req.suggestion,
      sentence: req.sentence,
      reason: req.reason,
      note: req.note || undefined,
      // What the QA lead's flag queue shows beside the flag: the customer's strongest tone and their type.
      tone: state.verdict?.tones[0]?.tone,
      customerType: state.verdict?.customerType?.type,
    });
    if (req.kind === 'dismiss') await reanalyse(state.tabId);
    return { ok: true, id };
  });

  onMessage('undoFeedback', async ({ data, sender }) => {
    const req = undoFeedbackSchema.parse(data);
    const row = await ctx.db.feedback.get(req.id);
    if (!row) return { ok: false, message: 'Nothing to undo.' };
    await ctx.db.undo(req.id);
    const tabId = req.tabId ?? sender.tab?.id;
    if (row.kind === 'dismiss' && tabId != null) await reanalyse(tabId);
    return { ok: true, id: req.id };
  });
}
