import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { aiReady, type AiStatus, type AiTabState, type Finding, type TabState } from '@/lib/protocol';
import { riskyAmong, sentenceAt, sentencesOf, type Sentence } from '@/lib/ai/risky-sentences';
import { sendMessage } from '@/utils/messaging';
import { SuggestionCard, type Applied } from './SuggestionCard';
import { AiErrorNotice } from './AiErrorNotice';
import { useStoredSettings } from './useStoredSettings';
import { parseSettings } from '@/lib/settings';

interface Props {
  state: TabState;
  ai: AiTabState | null;
  status: AiStatus | null;
  onApplied(applied: Applied): void;
  /** Sentences (lower-cased) whose AI rewrite was dismissed in this conversation: not offered again. */
  dismissed?: ReadonlySet<string>;
}

/** The AI rewrite as a finding, so it gets the same card, Apply / Copy / Dismiss / Flag and feedback. */
export function aiFinding(ai: AiTabState): Finding {
  return {
    key: `ai@${ai.sentence.start}`,
    entryId: `ai:${ai.model}`,
    start: ai.sentence.start,
    end: ai.sentence.end,
    text: ai.sentence.text,
    suggestions: ai.rewrites.map((r) => r.text),
    why: 'Rewritten by Claude for this customer: read it before you send it.',
    category: 'ai',
    severity: 'hint',
    locale: ai.locale ?? 'und',
    source: 'ai',
  };
}

/**
 * "Rewrite with AI": the sentences the phrasebook does not cover but the cues find risky, any other
 * sentence on request, and the one rewrite in progress or done. With no key, one line says AI is off.
 * Everything from the customer or Claude is rendered as React text, never as HTML.
 */
const NONE: ReadonlySet<string> = new Set();

export function AiRewrites({ state, ai, status, onApplied, dismissed = NONE }: Props) {
  // The sentence being rewritten (or just rewritten) is shown once, in its card, not offered again.
  const current = ai ? `${ai.sentence.start}:${ai.sentence.text}` : null;
  // Only with a key: with none nothing is offered, and a 100 KB draft costs tens of ms to scan.
  const enabled = aiReady(status);
  const sentences = useMemo(() => (enabled ? sentencesOf(state.draft) : []), [enabled, state.draft]);
  // Cues a QA lead switched off in the settings offer nothing.
  const stored = useStoredSettings();
  const cuesOff = useMemo(() => new Set(stored === undefined ? [] : parseSettings(stored).aiCuesOff), [stored]);
  const risky = useMemo(
    () => riskyAmong(sentences, state.findings, cuesOff).filter((s) => `${s.start}:${s.text}` !== current && !dismissed.has(s.text.toLowerCase())),
    [sentences, state.findings, cuesOff, current, dismissed],
  );
  const others = useMemo(() => {
    const offered = new Set(risky.map((r) => r.start));
    return sentences.filter((s) => `${s.start}:${s.text}` !== current && !offered.has(s.start));
  }, [sentences, risky, current]);
  const [requestError, setRequestError] = useState<string | null>(null);

  if (!status) return null;
  if (status.keySet && !enabled)
    return (
      <section aria-labelledby="ai-title" className="ai">
        <h2 id="ai-title">AI rewrites</h2>
        <p className="muted" data-testid="ai-off">
          AI off: Firefox does not allow Tact to send data to Claude.{' '}
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Settings
          </button>
        </p>
      </section>
    );
  if (!status.keySet)
    return (
      <section aria-labelledby="ai-title" className="ai">
        <h2 id="ai-title">AI rewrites</h2>
        <p className="muted" data-testid="ai-off">
          AI off (no API key): Tact works from the phrasebook only.{' '}
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Set up Claude
          </button>
        </p>
      </section>
    );

  const ask = async (s: Sentence, locale?: string) => {
    setRequestError(null);
    const r = await sendMessage('requestRewrite', { tabId: state.tabId, start: s.start, end: s.end, text: s.text, locale }).catch(
      (err: Error) => ({ ok: false, message: err.message }),
    );
    if (!r.ok) setRequestError(r.message ?? 'Could not ask Claude.');
  };
  const busy = ai?.status === 'asking';
  // The page keeps its selection while the agent clicks here: ask it where the caret is.
  const askAtCaret = async () => {
    setRequestError(null);
    const caret = await sendMessage('caretOf', { tabId: state.tabId }).catch((err: Error) => ({ offset: null, message: err.message }));
    const sentence = caret.offset == null ? undefined : sentenceAt(sentences, caret.offset);
    if (!sentence) return setRequestError(caret.message ?? 'Put the cursor in the sentence to rewrite, in the reply box.');
    await ask(sentence, risky.find((r) => r.start === sentence.start)?.locale);
  };

  return (
    <section aria-labelledby="ai-title" className="ai" aria-live="polite">
      <h2 id="ai-title">AI rewrites</h2>
      {ai && <AiResult key={`${ai.sentence.start}:${ai.sentence.text}`} state={state} ai={ai} onApplied={onApplied} onRetry={() => void ask(ai.sentence, ai.locale)} />}
      {requestError && (
        <p className="status" role="status">
          {requestError}
        </p>
      )}
      {sentences.length > 0 && (
        <p>
          <button type="button" data-action="ai-rewrite-at-caret" disabled={busy} onClick={() => void askAtCaret()}>
            Rewrite the sentence at the cursor
          </button>
        </p>
      )}
      {risky.length > 0 ? (
        <ul className="ai-candidates" data-testid="ai-candidates">
          {risky.map((s) => (
            <li key={`${s.start}:${s.text}`} data-testid="ai-candidate">
              <q>{s.text}</q> <span className="muted">· {s.cues.map((c) => c.label).join(', ')}</span>{' '}
              <button type="button" data-action="ai-rewrite" disabled={busy} onClick={() => void ask(s, s.locale)}>
                Rewrite with AI
              </button>
            </li>
          ))}
        </ul>
      ) : (
        !ai && <p className="muted">No other sentence looks risky. You can still ask for any sentence below.</p>
      )}
      {others.length > 0 && (
        <details>
          <summary>Rewrite another sentence with AI…</summary>
          <ul className="ai-candidates">
            {others.map((s) => (
              <li key={`${s.start}:${s.text}`}>
                <q>{s.text}</q>{' '}
                <button type="button" disabled={busy} onClick={() => void ask(s)}>
                  Rewrite with AI
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted ai-note">
        Only the sentence you pick is sent to Claude ({status.model}), with the draft and the customer&apos;s last messages; emails, phone and card
        numbers are replaced by placeholders first.
      </p>
    </section>
  );
}

function AiResult({ state, ai, onApplied, onRetry }: { state: TabState; ai: AiTabState; onApplied(a: Applied): void; onRetry(): void }) {
  const clear = () => void sendMessage('clearRewrite', { tabId: state.tabId }).catch(() => {});

  if (ai.status === 'asking')
    return (
      <div className="ai-asking" data-testid="ai-asking" role="status">
        <p>
          Asking Claude to rewrite <q>{ai.sentence.text}</q>…{' '}
          <button type="button" onClick={clear}>
            Cancel
          </button>
        </p>
        {ai.rewrites.length > 0 && (
          <ul className="say-this ai-streaming" data-testid="ai-streaming" aria-label="Rewrites so far">
            {ai.rewrites.map((r, i) => (
              <li key={i}>{r.text}</li>
            ))}
          </ul>
        )}
      </div>
    );

  if (ai.status === 'failed' && ai.error) return <AiErrorNotice error={ai.error} onRetry={onRetry} onClose={clear} />;

  const leftOut = ai.leftOut?.length ? <LeftOutNote leftOut={ai.leftOut} all={ai.rewrites.length === 0} /> : null;
  if (ai.rewrites.length === 0 && leftOut)
    return (
      <div className="status" role="status">
        {leftOut}{' '}
        <button type="button" onClick={clear}>
          OK
        </button>
      </div>
    );

  if (ai.rewrites.length === 0)
    return (
      <p className="status" data-testid="ai-unsure" role="status">
        Claude had no better way to say <q>{ai.sentence.text}</q>: it may be fine as it is.{' '}
        <button type="button" onClick={clear}>
          OK
        </button>
      </p>
    );

  return (
    <>
      <ul className="findings" data-testid="ai-findings">
        <SuggestionCard
          state={state}
          finding={aiFinding(ai)}
          reasons={ai.rewrites.map((r) => r.why)}
          onFocus={() => {}}
          onApplied={onApplied}
          onDismissed={clear}
        />
      </ul>
      {leftOut}
    </>
  );
}

/** Rewrites the team's phrasebook flags are not offered (lib/ai/screen.ts); say so, with its reason. */
function LeftOutNote({ leftOut, all }: { leftOut: NonNullable<AiTabState['leftOut']>; all: boolean }) {
  const [first] = leftOut;
  const count = leftOut.length === 1 ? 'One of Claude’s rewrites was' : `${leftOut.length} of Claude’s rewrites were`;
  return (
    <p className="muted" data-testid="ai-left-out">
      {all ? 'Claude’s rewrites were all' : count} left out: your phrasebook flags “{first!.phrase}” ({first!.why}).
      {all && ' Write it yourself, or ask again.'}
    </p>
  );
}
