import { useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react';
import type { Entry } from '@/lib/phrasebook/schema';
import { compilePhrasebook } from '@/lib/phrasebook/engine';
import { contextFor } from '@/lib/phrasebook/inline-tests';
import { Choice } from './Choice';
import { CATEGORIES, CHANNELS, CUSTOMER_TYPES, LOCALES, SEVERITIES, TONES } from '@/lib/phrasebook/vocabulary';
import type { StudioEntry } from '@/lib/studio/overlay';
import { validateEntry, type FieldProblem } from '@/lib/studio/validate';

/** The editor's fields as typed: lists are one item per line. */
interface Form {
  id: string;
  locale: string;
  category: string;
  avoid: string;
  prefer: string;
  why: string;
  severity: string;
  unless: string;
  tones: string[];
  types: string[];
  channel: string;
  source: string;
  match: string;
  noMatch: string;
}

/** The entry's path of a form field, where they differ (problems carry entry paths). */
const PATHS: Record<string, string> = { match: 'tests.match', noMatch: 'tests.noMatch', channel: 'when.channel' };

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

function formOf(e: Entry | undefined): Form {
  return {
    id: e?.id ?? '',
    locale: e?.locale ?? 'en',
    category: e?.category ?? 'listen',
    avoid: e?.avoid.join('\n') ?? '',
    prefer: e?.prefer.join('\n') ?? '',
    why: e?.why ?? '',
    severity: e?.severity ?? 'warning',
    unless: e?.unless?.join('\n') ?? '',
    tones: e?.when?.tones ?? [],
    types: e?.when?.types ?? [],
    channel: e?.when?.channel ?? '',
    source: e?.source ?? 'team',
    match: e?.tests?.match.join('\n') ?? '',
    noMatch: e?.tests?.noMatch.join('\n') ?? '',
  };
}

/** The entry the form describes, optional parts left out when empty (as the shipped files do). */
function entryOf(f: Form): Record<string, unknown> {
  const when = {
    ...(f.tones.length ? { tones: f.tones } : {}),
    ...(f.types.length ? { types: f.types } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
  };
  const tests = lines(f.match).length || lines(f.noMatch).length ? { match: lines(f.match), noMatch: lines(f.noMatch) } : undefined;
  return {
    id: f.id.trim(),
    locale: f.locale,
    category: f.category,
    avoid: lines(f.avoid),
    prefer: lines(f.prefer),
    why: f.why,
    severity: f.severity,
    ...(lines(f.unless).length ? { unless: lines(f.unless) } : {}),
    ...(Object.keys(when).length ? { when } : {}),
    source: f.source,
    ...(tests ? { tests } : {}),
  };
}

interface Props {
  row: StudioEntry | undefined;
  /** The rest of the effective phrasebook, to check patterns and tests against. */
  others: Entry[];
  /** For a new entry: ids in use (deleted and disabled entries too). */
  taken?: Set<string>;
  onSave(entry: Entry): Promise<void>;
  onDisable(disabled: boolean): void;
  onDelete(): void;
  onRestore(): void;
  onClose(): void;
}

/** One entry's editor, checked as it is typed: schema, patterns against the rest, inline tests. */
export function EntryEditor({ row, others, taken, onSave, onDisable, onDelete, onRestore, onClose }: Props) {
  const [form, setForm] = useState<Form>(() => formOf(row?.entry));
  const [saving, setSaving] = useState(false);
  const uid = useId();
  // Checking compiles the locale's entries: let typing go first.
  const deferred = useDeferredValue(form);
  const check = useMemo(() => {
    const r = validateEntry(entryOf(deferred), others);
    const id = deferred.id.trim();
    if (taken?.has(id)) {
      const problem = { field: 'id', message: `"${id}" is already used (perhaps by a deleted or disabled entry)` };
      return { ok: false as const, entry: r.entry, problems: [problem, ...(r.ok ? [] : r.problems)] };
    }
    return r;
  }, [deferred, others, taken]);
  const problems: FieldProblem[] = check.ok ? [] : check.problems;
  // "Try a sentence": this entry as typed, before saving, in a context where its `when` holds.
  const [trial, setTrial] = useState('');
  const tried = useMemo(() => {
    if (!trial.trim() || !check.entry) return null;
    const alone = compilePhrasebook([check.entry], { skipInvalid: true });
    return alone.size ? alone.matchAll(trial, contextFor(check.entry)) : null;
  }, [trial, check.entry]);
  const stale = deferred !== form;
  const isNew = !row;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  /** A field with its label and its problems ("line 2: …" for list items), tied to it for screen readers. */
  const field = (name: string, label: string, control: (id: string, describedBy: string | undefined) => ReactNode, hint?: string) => {
    const path = PATHS[name] ?? name;
    const mine = problems.filter((p) => p.field === path || p.field.startsWith(path + '.'));
    const id = `${uid}-${name}`;
    const errId = mine.length ? `${id}-err` : undefined;
    return (
      <div className={`field${mine.length ? ' invalid' : ''}`} data-field={name}>
        <label htmlFor={id}>{label}</label>
        {hint && <span className="muted hint">{hint}</span>}
        {control(id, errId)}
        {mine.length > 0 && (
          <ul className="problems" id={errId} data-testid="field-problems">
            {mine.map((p, i) => {
              const index = /\.(\d+)$/.exec(p.field)?.[1];
              return <li key={i}>{index !== undefined ? `line ${Number(index) + 1}: ` : ''}{p.message}</li>;
            })}
          </ul>
        )}
      </div>
    );
  };
  const text = (name: keyof Form & string, label: string, hint?: string, multiline = false) =>
    field(name, label, (id, err) =>
      multiline ? (
        <textarea id={id} aria-describedby={err} aria-invalid={!!err} rows={3} value={form[name] as string} onChange={(e) => set(name, e.target.value)} />
      ) : (
        <input id={id} aria-describedby={err} aria-invalid={!!err} value={form[name] as string} readOnly={name === 'id' && !isNew} onChange={(e) => set(name, e.target.value)} />
      ), hint);
  const choose = (name: 'locale' | 'category' | 'severity' | 'channel', label: string, options: readonly string[], empty?: string) =>
    field(name, label, (id) => <Choice id={id} value={form[name]} options={options} empty={empty} onChange={(v) => set(name, v)} />);
  const many = (name: 'tones' | 'types', legend: string, options: readonly string[]) => (
    <fieldset className="field checks" data-field={name}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input
            type="checkbox"
            checked={form[name].includes(o)}
            onChange={(e) => set(name, e.target.checked ? [...form[name], o] : form[name].filter((x) => x !== o))}
          />{' '}
          {o}
        </label>
      ))}
    </fieldset>
  );
  // Problems no input shows: about the entry as a whole, or a part without its own input (when.tones, tests).
  const shown = /^(id|locale|category|avoid|prefer|why|severity|unless|source|when\.channel|tests\.match|tests\.noMatch)(\.|$)/;
  const whole = problems.filter((p) => !shown.test(p.field));

  return (
    <section className="editor" aria-labelledby={`${uid}-title`} data-testid="entry-editor">
      <header className="panel-header">
        <h2 id={`${uid}-title`}>{isNew ? 'New entry' : row.id}</h2>
        {row && <span className="chip">{row.origin}</span>}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <form
        onKeyDown={(e) => {
          // Ctrl/Cmd+S saves, as in any editor, instead of the browser saving the page.
          if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!check.ok || stale) return;
          setSaving(true);
          void onSave(check.entry).finally(() => setSaving(false));
        }}
      >
        <p className="muted hint">Checked as you type; Ctrl+S saves.</p>
        {text('id', 'Id', isNew ? 'lowercase words joined by hyphens, e.g. en-timing-circle-back; it cannot change later' : undefined)}
        <div className="row">
          {choose('locale', 'Locale', LOCALES)}
          {choose('category', 'Category', CATEGORIES)}
          {choose('severity', 'Severity', SEVERITIES)}
        </div>
        {text('avoid', 'Say not (patterns, one per line)', 'words; (a|b) alternatives; [a] optional; * one word; ...N a gap of up to N words; {name} a captured word', true)}
        {text('prefer', 'Say instead (one per line)', 'may use {name} from a pattern', true)}
        {text('why', 'Why (shown to the agent)')}
        {text('unless', 'Unless the sentence has (patterns, one per line; optional)', '@time: any stated time (by Friday, within 2 hours, 三点前), as the checklist counts one', true)}
        {many('tones', 'Only when the customer sounds (optional)', TONES)}
        {many('types', 'Only for customer types (optional)', CUSTOMER_TYPES)}
        {choose('channel', 'Only on channel', CHANNELS, 'any')}
        {text('source', 'Source')}
        {text('match', 'Must flag (inline tests, one per line)', undefined, true)}
        {text('noMatch', 'Must not flag (one per line)', undefined, true)}
        <div className="field">
          <label htmlFor={`${uid}-try`}>Try a sentence (not saved)</label>
          <input id={`${uid}-try`} value={trial} onChange={(e) => setTrial(e.target.value)} data-testid="try-sentence" />
          {tried && (
            <span className="muted" data-testid="try-result">
              {tried.length ? tried.map((m) => `fires on “${m.text}” → ${m.suggestions.join(' / ')}`).join('; ') : 'does not fire'}
            </span>
          )}
        </div>
        {whole.length > 0 && (
          <ul className="problems" data-testid="entry-problems">
            {whole.map((p, i) => (
              <li key={i}>
                {p.field ? `${p.field}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        )}
        <p className="status" role="status" data-testid="validation">
          {stale ? 'Checking…' : check.ok ? 'Valid: patterns compile and the inline tests pass.' : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before saving.`}
        </p>
        <div className="card-actions">
          <button type="submit" data-action="save" disabled={!check.ok || stale || saving}>
            {isNew ? 'Add entry' : 'Save'}
          </button>
          {row && row.origin !== 'deleted' && (
            <button type="button" data-action="disable" onClick={() => onDisable(row.origin !== 'disabled')}>
              {row.origin === 'disabled' ? 'Enable' : 'Disable'}
            </button>
          )}
          {row && row.origin !== 'deleted' && (
            <button type="button" data-action="delete" onClick={onDelete}>
              Delete
            </button>
          )}
          {row?.shipped && row.origin !== 'shipped' && (
            <button type="button" data-action="restore" onClick={onRestore}>
              {row.origin === 'deleted' ? 'Restore' : 'Back to shipped'}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
