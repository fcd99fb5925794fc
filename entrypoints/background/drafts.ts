import { onMessage, sendMessage } from '@/utils/messaging';
import { applyRequestSchema, draftSnapshotSchema, type DraftSnapshot, type Finding } from '@/lib/protocol';
import { toFindings } from '@/lib/findings';
import { atLeast } from '@/lib/severity';
import { dismissalKey } from '@/lib/storage/db';
import type { BackgroundContext } from './context';

/** Draft analysis: phrasebook matches, less what the settings hide and the agent dismissed. */
export function registerDraftHandlers(ctx: BackgroundContext) {
  async function analyse(tabId: number, snapshot: DraftSnapshot): Promise<Finding[]> {
    const [settings, dismissed] = await Promise.all([ctx.settings(), ctx.db.dismissedIn(snapshot.conversationId)]);
    const matches = ctx.phrasebook
      .match(snapshot.draft, { channel: snapshot.channel ?? null })
      .filter((m) => atLeast(m.entry.severity, settings.minSeverity) && !dismissed.has(dismissalKey(m.entry.id, m.text)));
    const findings = toFindings(matches);
    await ctx.states.set({ tabId, ...snapshot, findings, updatedAt: Date.now() });
    return findings;
  }

  onMessage('draftChanged', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId == null) throw new Error('draftChanged must come from a tab');
    return analyse(tabId, draftSnapshotSchema.parse(data));
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
    const { tabId: _t, findings: _f, updatedAt: _u, ...snapshot } = state;
    const findings = await analyse(tabId, snapshot);
    await sendMessage('showFindings', findings, tabId).catch(() => {});
  };
}
