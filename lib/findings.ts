import type { Match } from './phrasebook/engine';
import type { Finding } from './protocol';

/** Turns the engine's matches into the findings the panel and the underlines show. */
export function toFindings(matches: readonly Match[]): Finding[] {
  return matches.map((m) => ({
    key: `${m.entry.id}@${m.start}`,
    entryId: m.entry.id,
    start: m.start,
    end: m.end,
    text: m.text,
    suggestions: m.suggestions,
    why: m.entry.why,
    category: m.entry.category,
    severity: m.entry.severity,
    locale: m.entry.locale,
    source: 'phrasebook' as const,
  }));
}
