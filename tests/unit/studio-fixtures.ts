import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import type { Entry } from '../../lib/phrasebook/schema';
import { normaliseEntry } from '../../lib/studio/overlay';

// The real shipped phrasebook, as the studio overlays it in the extension.
export const shipped: Entry[] = readPhrasebookDir('phrasebook').entries.map(normaliseEntry);
export const who = { by: 'Ana (QA)', at: 1_700_000_000_000 };

export const ASAP = 'en-timing-as-soon-as-possible';
export const shippedEntry = (id: string) => {
  const e = shipped.find((x) => x.id === id);
  if (!e) throw new Error(`no shipped entry ${id}`);
  return e;
};

/** A team entry no shipped entry clashes with. */
export const teamEntry = (over: Partial<Entry> = {}): Entry =>
  ({
    id: 'en-timing-team-circle-back',
    locale: 'en',
    category: 'timing',
    avoid: ['circle back (later|soon)'],
    prefer: ['I will write again by Friday'],
    why: '"Circle back" names no time.',
    severity: 'warning',
    source: 'team',
    tests: { match: ['We will circle back later.'], noMatch: ['We will circle back by Friday.'] },
    ...over,
  }) as Entry;
