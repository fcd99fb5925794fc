import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, parseSettings, withPause, type Settings as SettingsValue } from '@/lib/settings';
import { AiSettings } from './AiSettings';
import { CUES, cueKey, type CueLocale } from '@/lib/ai/risky-sentences';

const LOCALE_NAMES: Record<CueLocale, string> = { en: 'English', sv: 'Svenska', zh: '中文' };

/** The settings page: where Tact may run beyond the known helpdesks, and what it shows. */
export function Settings() {
  const [settings, setSettings] = useState<SettingsValue | null>(null);
  const [origin, setOrigin] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void browser.storage.local.get(SETTINGS_KEY).then((r) => setSettings(parseSettings(r[SETTINGS_KEY])));
  }, []);

  const save = async (next: SettingsValue) => {
    setSettings(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    setStatus('Saved.');
  };

  const enable = async () => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      setStatus(`"${origin}" is not a web address; try https://support.example.com`);
      return;
    }
    // Optional host permissions must be requested from a user gesture, as here.
    const granted = await browser.permissions.request({ origins: [`${url.origin}/*`] });
    if (!granted) return setStatus(`Permission for ${url.origin} was not granted.`);
    if (settings) await save({ ...settings, enabledOrigins: [...new Set([...settings.enabledOrigins, url.origin])] });
    setOrigin('');
  };

  if (!settings) return <main className="panel">Loading…</main>;
  return (
    <main className="panel" style={{ maxWidth: 640 }}>
      <h1>Tact settings</h1>
      <section>
        <h2>Other sites</h2>
        <p className="muted">
          Tact reads the known helpdesks by default. Add another site to check any text box or editor on it.
        </p>
        <ul>
          {settings.enabledOrigins.map((o) => (
            <li key={o}>
              {o}{' '}
              <button
                type="button"
                onClick={() => void save({ ...settings, enabledOrigins: settings.enabledOrigins.filter((x) => x !== o) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <label>
          Site address <input value={origin} onChange={(e) => setOrigin(e.target.value)} placeholder="https://support.example.com" />
        </label>{' '}
        <button type="button" onClick={() => void enable()}>
          Enable
        </button>
      </section>
      {settings.pausedOrigins.length > 0 && (
        <section>
          <h2>Paused</h2>
          <p className="muted">Tact reads and underlines nothing on these sites (paused from the side panel).</p>
          <ul data-testid="paused-sites">
            {settings.pausedOrigins.map((o) => (
              <li key={o}>
                {o}{' '}
                <button type="button" onClick={() => void save(withPause(settings, o, false))}>
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>Suggestions</h2>
        <label>
          Show from severity{' '}
          <select
            value={settings.minSeverity}
            onChange={(e) => void save({ ...settings, minSeverity: e.target.value as SettingsValue['minSeverity'] })}
          >
            <option value="hint">hint</option>
            <option value="warning">warning</option>
            <option value="risk">risk</option>
          </select>
        </label>
      </section>
      <AiSettings />
      <section>
        <h2>AI rewrites: which sentences are offered</h2>
        <p className="muted">
          A sentence the phrasebook does not cover is offered for an AI rewrite when one of these cues finds it. Switch off a cue that
          offers too much for your team.
        </p>
        {(Object.keys(CUES) as CueLocale[]).map((locale) => (
          <fieldset key={locale} className="checks" data-testid={`ai-cues-${locale}`}>
            <legend>{LOCALE_NAMES[locale]}</legend>
            {CUES[locale].map((cue) => {
              const key = cueKey(locale, cue.id);
              const on = !settings.aiCuesOff.includes(key);
              return (
                <label key={key}>
                  <input
                    type="checkbox"
                    checked={on}
                    data-cue={key}
                    onChange={() => void save({ ...settings, aiCuesOff: on ? [...settings.aiCuesOff, key] : settings.aiCuesOff.filter((k) => k !== key) })}
                  />{' '}
                  {cue.label}
                </label>
              );
            })}
          </fieldset>
        ))}
      </section>
      <section>
        <h2>Phrasebook</h2>
        <p className="muted">QA leads edit the team phrasebook, test it and review agents&apos; flags in the studio.</p>
        <a href={browser.runtime.getURL('/studio.html')} target="_blank" rel="noreferrer" data-testid="open-studio">
          Open the phrasebook studio
        </a>
      </section>
      <p role="status">{status}</p>
    </main>
  );
}
