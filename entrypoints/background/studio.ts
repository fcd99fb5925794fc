import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messaging';
import { ruleEntries, rulesVersion } from '@/lib/draft-analysis';
import type { BackgroundContext } from './context';

/** The studio saved team edits: recompile, then re-analyse every tab's draft so panels and underlines follow. */
export function registerStudioHandlers(ctx: BackgroundContext, reanalyse: (tabId: number) => Promise<void>) {
  onMessage('phrasebookChanged', async () => {
    const live = await ctx.livePhrasebook.reload();
    const tabs = await browser.tabs.query({});
    // Tabs without a draft have no state, and reanalyse() returns at once for them.
    await Promise.all(tabs.map((t) => (t.id == null ? undefined : reanalyse(t.id).catch(() => {}))));
    return { version: rulesVersion(ruleEntries(live.phrasebook.entries)), entries: live.phrasebook.size, problems: live.errors };
  });
}
