import { browser } from 'wxt/browser';
import { createBackgroundContext } from './context';
import { registerDraftHandlers } from './drafts';
import { registerFeedbackHandlers } from './feedback';
import { registerAiHandlers } from './ai';
import { registerPanelPorts } from './panels';
import { registerEnabledSites } from './sites';
import { registerStudioHandlers } from './studio';

export default defineBackground(() => {
  const ctx = createBackgroundContext();
  const reanalyse = registerDraftHandlers(ctx);
  registerFeedbackHandlers(ctx, reanalyse);
  registerPanelPorts(ctx);
  registerAiHandlers(ctx);
  registerEnabledSites(ctx);
  registerStudioHandlers(ctx, reanalyse);

  // Chrome: the toolbar button opens the side panel (Firefox has its own sidebar button).
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
