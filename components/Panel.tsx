import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PanelConnection } from '@/utils/panel-connection';
import { aiReady, type AiStatus, type AiTabState, type TabState } from '@/lib/protocol';
import { MAX_ANALYSED_DRAFT } from '@/lib/limits';
import { languageMismatch } from '@/lib/language-match';
import { protocolLevel, type AbuseLevel } from '@/lib/classify/verdict';
import { sendMessage } from '@/utils/messaging';
import { replaceInDraft } from '@/utils/replace-in-draft';
import { SuggestionCard, type Applied } from './SuggestionCard';
import { Checklist } from './Checklist';
import { CustomerCard } from './CustomerCard';
import { AiRewrites } from './AiRewrites';
import { AiReading } from './AiReading';
import { usePause, useTabUrl } from './usePause';
import { useLiveQuery } from 'dexie-react-hooks';
import { TactDb } from '@/lib/storage/db';

// The panel reads the feedback the worker records (same origin), for what it must not offer again.
let panelDb: TactDb | undefined;
const feedbackDb = () => (panelDb ??= new TactDb());

/** The side panel: who the agent is talking to and what to say instead, for the followed tab. */
export function Panel({ connection }: { connection: PanelConnection }) {
  const { tabId, state, connected, ai, aiStatus } = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  const pause = usePause(useTabUrl(tabId, state?.url));

  if (tabId == null) return <Empty title="No tab" text="Open a helpdesk conversation to start." />;
  if (pause.paused)
    return (
      <main className="panel empty" data-testid="paused">
        <h1>Tact is paused here</h1>
        <p className="muted">It reads and underlines nothing on {pause.origin} until you resume.</p>
        <button type="button" onClick={() => void pause.setPaused(false)}>
          Resume on this site
        </button>
      </main>
    );
  if (!state)
    return (
      <Empty
        title={connected ? 'No helpdesk here' : 'Connecting…'}
        text="Tact wakes up on a helpdesk reply page (Zendesk, Freshdesk, Intercom, Help Scout, Front, Gmail, Outlook) or a site you enabled in the settings."
      />
    );
  // Keyed by conversation so per-ticket UI state (last apply, cursor) never leaks between tickets.
  return (
    <TicketPanel
      key={`${state.tabId}:${state.conversationId}`}
      state={state}
      ai={ai?.conversationId === state.conversationId ? ai : null}
      aiStatus={aiStatus}
      onPause={() => void pause.setPaused(true)}
    />
  );
}

function TicketPanel({ state, ai, aiStatus, onPause }: { state: TabState; ai: AiTabState | null; aiStatus: AiStatus | null; onPause(): void }) {
  const [lastApplied, setLastApplied] = useState<Applied | null>(null);
  const [undoStatus, setUndoStatus] = useState<string | null>(null);
  const cards = useRef<(HTMLLIElement | null)[]>([]);
  const cursor = useRef(0);
  // Live: a dismissal the worker records takes the sentence off the AI list at once.
  const aiDismissed = useLiveQuery(() => feedbackDb().aiDismissedIn(state.conversationId), [state.conversationId]);

  const findings = state.findings; // dismissed ones are already left out by the background
  const mismatch = languageMismatch(state.verdict?.language, state.draftLanguage);
  // Abuse for the checklist's boundary step: the classifier's, else Claude's reading (a language Tact
  // does not read). Swearing at no one counts only when it goes on (protocolLevel).
  const [claudeAbuse, setClaudeAbuse] = useState<AbuseLevel | null>(null);
  const verdictAbuse = state.verdict ? protocolLevel(state.verdict.abuse) : 'none';
  const abuse = verdictAbuse !== 'none' ? verdictAbuse : protocolLevel({ level: claudeAbuse ?? 'none', earlier: 'none' });
  // Made once per tab state, so the checklist's memo holds across the panel's other renders.
  const sent = useMemo(() => (state.agent ?? []).map((text, i) => ({ text, findings: state.agentFindings?.[i] })), [state.agent, state.agentFindings]);

  const undo = useCallback(async () => {
    if (!lastApplied) return;
    const { finding, replacement } = lastApplied;
    const result = await replaceInDraft(lastApplied.tabId, finding.start, finding.start + replacement.length, replacement, finding.text);
    if (!result.ok) return setUndoStatus(result.message ?? 'Could not undo here; use Ctrl+Z in the editor.');
    if (lastApplied.feedbackId != null) await sendMessage('undoFeedback', { tabId: lastApplied.tabId, id: lastApplied.feedbackId });
    setLastApplied(null);
    setUndoStatus('Undone.');
  }, [lastApplied]);

  // Keyboard: ↓/j and ↑/k move between suggestions; a applies the first alternative, d dismisses,
  // f flags, u undoes the last apply. Typing in a form field is left alone.
  const onKeyDown = (e: globalThis.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const focusCard = (i: number) => {
      const n = findings.length;
      if (!n) return;
      cursor.current = (i + n) % n;
      cards.current[cursor.current]?.focus();
    };
    const click = (action: string) =>
      cards.current[cursor.current]?.querySelector<HTMLButtonElement>(`[data-action=${action}]`)?.click();
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusCard(cursor.current + 1),
      j: () => focusCard(cursor.current + 1),
      ArrowUp: () => focusCard(cursor.current - 1),
      k: () => focusCard(cursor.current - 1),
      a: () => click('apply-first'),
      d: () => click('dismiss'),
      f: () => click('flag'),
      u: () => void undo(),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };
  // On the document, not <main>: with nothing focused, keys go to <body>.
  const keyHandler = useRef(onKeyDown);
  useEffect(() => {
    keyHandler.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return (
    <main className="panel" data-testid="panel">
      <header className="panel-header">
        <h1>Tact</h1>
        <span className="muted" data-testid="site">
          {state.site} · {state.conversationId}
        </span>
        <a className="edit-phrasebook" href={browser.runtime.getURL('/studio.html')} target="_blank" rel="noreferrer">
          Edit phrasebook
        </a>
        <button type="button" className="pause" data-action="pause" onClick={onPause} title="Stop reading and underlining on this site until you resume">
          Pause here
        </button>
      </header>
      <CustomerCard state={state} />
      <AiReading state={state} status={aiStatus} onAbuse={setClaudeAbuse} />
      {mismatch && (
        <p className="notice" role="status" data-testid="language-mismatch">
          {mismatch}
        </p>
      )}
      <Checklist draft={state.draft} findings={state.findings} abuse={abuse} earlier={sent} lastFrom={state.lastFrom} />
      <section aria-labelledby="suggestions-title" aria-live="polite">
        <h2 id="suggestions-title">Say this, not that</h2>
        {lastApplied && (
          <p className="notice" role="status" data-testid="applied-bar">
            Replaced “{lastApplied.finding.text}” with “{lastApplied.replacement}”.{' '}
            <button type="button" data-action="undo" onClick={() => void undo()}>
              Undo
            </button>
          </p>
        )}
        {undoStatus && !lastApplied && (
          <p className="status" role="status">
            {undoStatus}
          </p>
        )}
        {state.draftLength > MAX_ANALYSED_DRAFT && (
          <p className="notice" role="status">
            The draft is {Math.round(state.draftLength / 1000)} k characters long: only the first {MAX_ANALYSED_DRAFT / 1000} k
            were checked.
          </p>
        )}
        {state.draft.trim() === '' ? (
          <p className="muted" data-testid="no-draft">
            No draft yet: start typing your reply.
          </p>
        ) : findings.length === 0 && state.draftLanguage === 'unsupported' ? (
          <p className="muted" data-testid="draft-unsupported">
            This draft looks like a language the phrasebook does not cover yet (it has English, Chinese and Swedish), so
            nothing was checked.
          </p>
        ) : findings.length === 0 ? (
          <p className="muted" data-testid="no-findings">
            Nothing risky in this draft.
          </p>
        ) : (
          <ul className="findings" data-testid="findings" aria-label="Suggestions; arrow keys move, a applies, d dismisses, f flags">
            {findings.map((f, i) => (
              <SuggestionCard
                key={f.key}
                ref={(el) => {
                  cards.current[i] = el;
                }}
                state={state}
                finding={f}
                onFocus={() => (cursor.current = i)}
                onApplied={(a) => {
                  setLastApplied(a);
                  setUndoStatus(null);
                }}
              />
            ))}
          </ul>
        )}
      </section>
      {state.draft.trim() !== '' && (
        <AiRewrites
          state={state}
          ai={ai}
          status={aiStatus}
          dismissed={aiDismissed}
          onApplied={(a) => {
            setLastApplied(a);
            setUndoStatus(null);
          }}
        />
      )}
      {/* With a draft and AI off (no key, or no consent), the AI section above already says so: once is enough. */}
      {(aiReady(aiStatus) || state.draft.trim() === '') && (
        <footer className="muted panel-footer" data-testid="ai-status">
          {!aiStatus
            ? 'Checking the AI setup…'
            : aiStatus.keySet
              ? aiStatus.dataConsent === false
                ? 'AI off: Firefox does not allow Tact to send data to Claude.'
                : `AI rewrites on: ${aiStatus.model} (key …${aiStatus.keyHint ?? ''}).`
              : 'Phrasebook only: AI rewrites are off (no Claude API key set up).'}{' '}
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Settings
          </button>
        </footer>
      )}
    </main>
  );
}

function Empty({ title, text }: { title: string; text: string }) {
  return (
    <main className="panel empty" data-testid="panel-empty">
      <h1>{title}</h1>
      <p className="muted">{text}</p>
    </main>
  );
}
