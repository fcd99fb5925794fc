import { useSyncExternalStore } from 'react';
import type { PanelConnection } from '@/utils/panel-connection';
import { SuggestionCard } from './SuggestionCard';
import { MAX_ANALYSED_DRAFT } from '@/lib/limits';

/** The side panel: who the agent is talking to and what to say instead, for the followed tab. */
export function Panel({ connection }: { connection: PanelConnection }) {
  const { tabId, state, connected } = useSyncExternalStore(connection.subscribe, connection.getSnapshot);

  if (tabId == null) return <Empty title="No tab" text="Open a helpdesk conversation to start." />;
  if (!state)
    return (
      <Empty
        title={connected ? 'No helpdesk here' : 'Connecting…'}
        text="Tact wakes up on a helpdesk reply page (Zendesk, Freshdesk, Intercom, Help Scout, Front, Gmail, Outlook) or a site you enabled."
      />
    );

  const latest = state.customer.at(-1);
  return (
    <main className="panel" data-testid="panel" aria-live="polite">
      <header className="panel-header">
        <h1>Tact</h1>
        <span className="muted" data-testid="site">
          {state.site} · {state.conversationId}
        </span>
      </header>
      {latest && (
        <section aria-label="Customer's latest message" className="customer">
          <h2>Customer{latest.author ? `: ${latest.author}` : ''}</h2>
          <blockquote data-testid="customer-latest">{latest.text}</blockquote>
        </section>
      )}
      <section aria-label="Suggestions">
        <h2>Say this, not that</h2>
        {state.draftLength > MAX_ANALYSED_DRAFT && (
          <p className="notice" role="status">
            The draft is {Math.round(state.draftLength / 1000)} k characters long: only the first{' '}
            {MAX_ANALYSED_DRAFT / 1000} k were checked.
          </p>
        )}
        {state.draft.trim() === '' ? (
          <p className="muted" data-testid="no-draft">
            No draft yet: start typing your reply.
          </p>
        ) : state.findings.length === 0 ? (
          <p className="muted" data-testid="no-findings">
            Nothing risky in this draft.
          </p>
        ) : (
          <ul className="findings" data-testid="findings">
            {state.findings.map((f) => (
              <SuggestionCard key={f.key} tabId={state.tabId} finding={f} />
            ))}
          </ul>
        )}
      </section>
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
