import { compilePhrasebook } from '../phrasebook/engine';
import { runInlineTests } from '../phrasebook/inline-tests';
import { conflictMessage, suggestionConflicts } from '../phrasebook/suggestion-conflicts';
import type { Entry } from '../phrasebook/schema';
import { teamEntrySchema } from './overlay';

// One edited entry checked the way the shipped files are: the schema, the pattern compiler (with
// the rest of the phrasebook, for patterns another entry already has) and its own inline tests.
// Each problem names the field it is about, as the editor's inputs do ("avoid.1", "tests.match.0").

export interface FieldProblem {
  /** The field's path: "why", "avoid.0", "tests.noMatch.2"; "" for the entry as a whole. */
  field: string;
  message: string;
}

export type EntryCheck = { ok: true; entry: Entry } | { ok: false; entry?: Entry; problems: FieldProblem[] };

/** Which field an engine problem is about, from the pattern it quotes. */
function fieldOf(message: string, entry: Entry): string {
  const quoted = /^(`unless` )?pattern "((?:[^"\\]|\\.)*)"/.exec(message);
  if (quoted) {
    const list = quoted[1] ? entry.unless ?? [] : entry.avoid;
    const i = list.indexOf(quoted[2]!);
    return `${quoted[1] ? 'unless' : 'avoid'}${i >= 0 ? `.${i}` : ''}`;
  }
  if (message.startsWith('`prefer`') || message.includes('alternatives')) return 'prefer';
  if (message.includes('pattern to avoid')) return 'avoid';
  return '';
}

/** A pattern with alternatives clashes once per variant: say it once. */
const unique = (problems: FieldProblem[]) => [...new Map(problems.map((p) => [`${p.field}\u0000${p.message}`, p])).values()];

/**
 * Checks `input` (an entry as the editor built it) against `others`, the rest of the effective
 * phrasebook (without the entry's own previous version).
 */
export function validateEntry(input: unknown, others: readonly Entry[]): EntryCheck {
  const parsed = teamEntrySchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
  const entry = parsed.data as Entry;
  const problems: FieldProblem[] = [];
  if (others.some((e) => e.id === entry.id)) problems.push({ field: 'id', message: `another entry already has the id "${entry.id}"` });

  // Alone first: its own patterns. Then with the others of its locale: a pattern someone else has.
  const alone = compilePhrasebook([entry], { skipInvalid: true });
  for (const p of alone.problems) problems.push({ field: fieldOf(p.message, entry), message: p.message });
  if (problems.length) return { ok: false, entry, problems };

  const sameLocale = others.filter((e) => e.locale === entry.locale && e.id !== entry.id);
  const together = compilePhrasebook([...sameLocale, entry], { skipInvalid: true });
  for (const p of together.problems) {
    if (p.entryId === entry.id) problems.push({ field: fieldOf(p.message, entry), message: p.message });
    // The engine reports a clash on whichever entry sorts later: turn it round when that is the other one.
    else {
      const clash = new RegExp(`^pattern "((?:[^"\\\\]|\\\\.)*)" matches the same words as pattern "((?:[^"\\\\]|\\\\.)*)" of entry ${entry.id}$`).exec(p.message);
      if (clash) problems.push({ field: fieldOf(`pattern "${clash[2]}"`, entry), message: `pattern "${clash[2]}" matches the same words as pattern "${clash[1]}" of entry ${p.entryId}` });
    }
  }
  if (problems.length) return { ok: false, entry, problems: unique(problems) };

  for (const f of runInlineTests(together, [entry])) {
    const list = f.kind === 'match' ? entry.tests?.match ?? [] : entry.tests?.noMatch ?? [];
    problems.push({ field: `tests.${f.kind}.${list.indexOf(f.text)}`, message: f.message });
  }
  // "Say this" must not be a "not that": its suggestions against the locale, and the others' against its patterns.
  for (const c of suggestionConflicts([entry], together)) problems.push({ field: 'prefer', message: conflictMessage(c) });
  for (const c of suggestionConflicts(sameLocale, compilePhrasebook([entry], { skipInvalid: true })))
    problems.push({ field: 'avoid', message: `it would flag "${c.phrase}" in the suggestion "${c.suggestion}" of entry ${c.entryId}` });
  return problems.length ? { ok: false, entry, problems } : { ok: true, entry };
}
