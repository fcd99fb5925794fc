import { useEffect, useState } from 'react';
import type { AiConfigUpdate, AiStatus } from '@/lib/protocol';
import { AI_MODELS } from '@/lib/ai/vocabulary';
import { sendMessage } from '@/utils/messaging';
import { requestDataConsent } from '@/utils/data-consent';

const REFUSED = 'Firefox did not allow Tact to send data to Claude, so AI stays off.';

/**
 * The Claude API key, model and (advanced) base URL. The key goes to the background by message and
 * is kept there (lib/storage/ai-config.ts); this page only ever hears whether one is set and its last
 * four characters. The field is emptied once the key is saved.
 */
export function AiSettings() {
  const [status, setStatus] = useState<AiStatus | null>(null);
  const [key, setKey] = useState('');
  const [baseURL, setBaseURL] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void sendMessage('getAiStatus', undefined).then((s) => {
      setStatus(s);
      setBaseURL(s.baseURL ?? '');
    });
  }, []);

  const update = async (change: AiConfigUpdate, done: string) => {
    const result = await sendMessage('setAiConfig', change).catch((err: Error) => ({ ok: false, message: err.message, status }));
    if (result.status) setStatus(result.status);
    setMessage(result.ok ? done : (result.message ?? 'Not saved.'));
    return result.ok;
  };

  if (!status) return <section>Loading the AI settings…</section>;
  return (
    <section aria-labelledby="ai-settings-title">
      <h2 id="ai-settings-title">AI rewrites (Claude)</h2>
      <p className="muted">
        With an Anthropic API key, the panel can ask Claude to rewrite a risky sentence the phrasebook does not cover. Only the sentence you pick is
        sent, with the draft and the customer&apos;s latest messages, after emails, phone, card and IBAN numbers are replaced by placeholders.
        Without a key Tact works from the phrasebook only and nothing leaves the browser.
      </p>
      <p data-testid="ai-key-state">{status.keySet ? `A key is set (ending in ${status.keyHint}).` : 'No key set: AI rewrites are off.'}</p>
      {status.keySet && status.dataConsent === false && (
        <p className="notice" data-testid="ai-consent">
          Firefox does not allow Tact to send data to Claude, so AI is off.{' '}
          <button
            type="button"
            onClick={() =>
              void requestDataConsent().then(async (allowed) => {
                setStatus(await sendMessage('getAiStatus', undefined));
                setMessage(allowed ? 'Sending to Claude allowed.' : REFUSED);
              })
            }
          >
            Allow sending to Claude
          </button>
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // Asked before anything is awaited: Firefox prompts only during the click.
          const consent = requestDataConsent();
          void consent.then(async (allowed) => {
            if (!allowed) return setMessage(REFUSED);
            if (await update({ apiKey: key }, 'Key saved.')) setKey('');
          });
        }}
      >
        <label>
          API key{' '}
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder="sk-ant-…" />
        </label>{' '}
        <button type="submit" disabled={!key.trim()}>
          Save key
        </button>{' '}
        {status.keySet && (
          <button type="button" onClick={() => void update({ apiKey: null }, 'Key removed: AI rewrites are off.')}>
            Remove key
          </button>
        )}
      </form>
      <p>
        <label>
          Model{' '}
          <select value={status.model} onChange={(e) => void update({ model: e.target.value }, 'Model saved.')}>
            {AI_MODELS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={status.autoRead === true}
            onChange={(e) => {
              const on = e.target.checked;
              // Shown at once; the background's answer (which may refuse) replaces it.
              setStatus({ ...status, autoRead: on });
              void update({ autoRead: on }, on ? 'Claude will read customers Tact is unsure about.' : 'Claude reads a customer only when asked.');
            }}
          />{' '}
          Ask Claude to read the customer by itself when Tact is unsure or does not read their language (their last messages are sent, redacted)
        </label>
      </p>
      <details>
        <summary>Advanced</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void update({ baseURL: baseURL.trim() || null }, baseURL.trim() ? 'Base URL saved.' : 'Using the Anthropic API.');
          }}
        >
          <label>
            API base URL{' '}
            <input value={baseURL} onChange={(e) => setBaseURL(e.target.value)} placeholder="https://api.anthropic.com" />
          </label>{' '}
          <button type="submit">Save base URL</button>
          <p className="muted">The Anthropic API, or a proxy on this machine (http://127.0.0.1:PORT). Empty means the Anthropic API.</p>
        </form>
      </details>
      <p role="status" data-testid="ai-settings-status">
        {message}
      </p>
    </section>
  );
}
