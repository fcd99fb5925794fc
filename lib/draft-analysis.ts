import type { CompiledPhrasebook } from './phrasebook/engine';
import type { Entry } from './phrasebook/schema';
import type { Channel, CustomerType, Severity, Tone } from './phrasebook/vocabulary';
import type { DraftSnapshot, Finding } from './protocol';
import type { Verdict } from './classify/verdict';
import { toFindings } from './findings';
import { atLeast } from './severity';

// A draft's findings, in one function for both sides: the background (whose answer the panel
// shows) and the content script, which matches locally while the agent types so the underlines
// need no round trip to the worker. The background works out the context (the customer's verdict,
// the settings, the dismissals); the content script reuses it while the conversation is the same.

/** Everything besides the draft that decides its findings. */
export interface DraftContext {
  channel: Channel | null;
  /** The customer's tones that count for entries' `when`. */
  tones: Tone[];
  type: CustomerType | null;
  minSeverity: Severity;
  /** dismissalKey()s of what the agent dismissed in this conversation. */
  dismissed: string[];
}

/** A tone counts for entries' `when` from this score up: clearly there, not a trace. */
export const TONE_FIRES_AT = 0.35;

/** What of the customer's verdict decides entries' `when`: the tones that clearly show, and the type. */
export function verdictContext(verdict: Pick<Verdict, 'tones' | 'customerType'> | null | undefined): Pick<DraftContext, 'tones' | 'type'> {
  return {
    tones: verdict?.tones.filter((t) => t.score >= TONE_FIRES_AT).map((t) => t.tone) ?? [],
    type: verdict?.customerType?.type ?? null,
  };
}

/** A dismissal holds for the same entry on the same words, wherever they move in the draft. */
export const dismissalKey = (entryId: string, phrase: string) => `${entryId}\u0000${phrase.toLowerCase()}`;

export function findingsIn(phrasebook: Pick<CompiledPhrasebook, 'match'>, draft: string, ctx: DraftContext): Finding[] {
  const dismissed = ctx.dismissed.length ? new Set(ctx.dismissed) : null;
  const matches = phrasebook
    .match(draft, ctx)
    .filter((m) => atLeast(m.entry.severity, ctx.minSeverity) && !dismissed?.has(dismissalKey(m.entry.id, m.text)));
  return toFindings(matches);
}

/**
 * What a context was worked out for: the conversation, its channel and the customer's words. A
 * context is reused for a later snapshot only while this is unchanged.
 */
export const contextKey = (s: Pick<DraftSnapshot, 'conversationId' | 'channel' | 'customer'>) =>
  [s.conversationId, s.channel ?? '', ...s.customer.map((m) => m.text)].join('\u0001');

/** An entry as the content script needs it to match: its inline tests stay in the background. */
export type RuleEntry = Omit<Entry, 'tests'>;

export const ruleEntries = (entries: readonly Entry[]): RuleEntry[] => entries.map(({ tests: _tests, ...rest }) => rest);

/** A short fingerprint of the rules (FNV-1a over their JSON): the content script asks again when it differs. */
export function rulesVersion(entries: readonly RuleEntry[]): string {
  const json = JSON.stringify(entries);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  return `${entries.length}-${(h >>> 0).toString(36)}`;
}

/**
 * The rules to send a page that holds version `held` (undefined when it is current), made once per
 * compiled phrasebook: when the studio changes the phrasebook, `current()` returns a new object, the
 * version changes, and every page gets the new rules with its next answer.
 */
export function rulesSource(current: () => Pick<CompiledPhrasebook, 'entries'>) {
  let made: { version: string; entries: RuleEntry[] } | undefined;
  let madeFrom: unknown;
  return (held: string | undefined) => {
    const phrasebook = current();
    if (!made || madeFrom !== phrasebook) {
      const entries = ruleEntries(phrasebook.entries);
      made = { version: rulesVersion(entries), entries };
      madeFrom = phrasebook;
    }
    return held === made.version ? undefined : made;
  };
}
