import type { TactDb } from '@/lib/storage/db';
import type { Feedback } from '@/lib/storage/feedback';
import { FLAG_REASON_LABELS } from '@/lib/flag-reasons';
import type { FlagGroup } from '@/lib/studio/flags';
import type { StudioEntry } from '@/lib/studio/overlay';
import { reopenFlag, resolveFlag } from '@/lib/storage/studio';

/** The sentence with the flagged phrase marked, as text nodes. */
function Sentence({ sentence, phrase }: { sentence: string; phrase: string }) {
  const at = sentence.toLowerCase().indexOf(phrase.toLowerCase());
  if (!phrase || at < 0) return <q>{sentence}</q>;
  return (
    <q>
      {sentence.slice(0, at)}
      <mark>{sentence.slice(at, at + phrase.length)}</mark>
      {sentence.slice(at + phrase.length)}
    </q>
  );
}

interface Props {
  groups: FlagGroup[];
  rows: StudioEntry[];
  openEntry(id: string): void;
  db: TactDb;
  who(): { by: string; at: number };
}

/** Agents' "unhelpful" flags grouped by entry, with what they saw and said; resolve or open the entry. */
export function FlagQueue({ groups, rows, openEntry, db, who }: Props) {
  const known = new Set(rows.map((r) => r.id));
  const flag = (f: Feedback, resolved: boolean) => (
    <li key={f.id} className={`flag${resolved ? ' resolved' : ''}`} data-testid="flag">
      <p>
        <Sentence sentence={f.sentence} phrase={f.phrase} />
      </p>
      <p>
        <span className="chip">{f.reason ? FLAG_REASON_LABELS[f.reason] : 'no reason'}</span>
        {f.tone && <span className="chip">tone: {f.tone}</span>}
        {f.customerType && <span className="chip">type: {f.customerType}</span>}
        <span className="muted">
          {f.site} · {f.conversationId} · {new Date(f.createdAt).toLocaleString()}
          {f.suggestion ? ` · suggested “${f.suggestion}”` : ''}
        </span>
      </p>
      {f.note && <p className="note">“{f.note}”</p>}
      <button
        type="button"
        data-action={resolved ? 'reopen' : 'resolve'}
        onClick={() => void (resolved ? reopenFlag(db, f.id!) : resolveFlag(db, f.id!, f.entryId, who()))}
      >
        {resolved ? 'Reopen' : 'Mark resolved'}
      </button>
    </li>
  );
  return (
    <section aria-labelledby="flags-title" data-testid="flag-queue">
      <h2 id="flags-title">Flagged suggestions</h2>
      {groups.length === 0 && <p className="muted">No agent has flagged a suggestion as unhelpful.</p>}
      {groups.map((g) => (
        <section key={g.entryId} className="flag-group" data-entry={g.entryId} aria-label={`Flags for ${g.entryId}`}>
          <header className="panel-header">
            <h3>{g.entryId}</h3>
            <span className="muted">
              {g.open.length} open{g.resolved.length ? `, ${g.resolved.length} resolved` : ''}
            </span>
            {known.has(g.entryId) ? (
              <button type="button" data-action="open-entry" onClick={() => openEntry(g.entryId)}>
                Open the entry
              </button>
            ) : (
              <span className="muted">no longer in the phrasebook (or from the AI)</span>
            )}
          </header>
          <ul className="flags">{g.open.map((f) => flag(f, false))}</ul>
          {g.resolved.length > 0 && (
            <details>
              <summary>Resolved ({g.resolved.length})</summary>
              <ul className="flags">{g.resolved.map((f) => flag(f, true))}</ul>
            </details>
          )}
        </section>
      ))}
    </section>
  );
}
