import type { CompiledPhrasebook } from '../phrasebook/engine';
import { flagsIn } from '../phrasebook/suggestion-conflicts';
import type { Rewrite } from './rewrite-schema';

// Claude's rewrites go through the team's phrasebook before the agent sees them: a rewrite that
// says what the phrasebook flags ("I understand, but…", "as per our policy") is left out, or the
// agent would apply it and be warned about it at once. The team's knowledge wins over the model's.

export interface LeftOut {
  /** The rewrite's words the phrasebook flags, and why (the entry's own words). */
  phrase: string;
  why: string;
  entryId: string;
}

/**
 * The rewrites the phrasebook has nothing against (flagsIn: warning and above, entries without
 * `when`, as for the phrasebook's own suggestions), and what was left out.
 */
export function screenRewrites(rewrites: readonly Rewrite[], phrasebook: Pick<CompiledPhrasebook, 'match'>): { kept: Rewrite[]; leftOut: LeftOut[] } {
  const kept: Rewrite[] = [];
  const leftOut: LeftOut[] = [];
  for (const r of rewrites) {
    const [hit] = flagsIn(phrasebook, r.text);
    if (hit) leftOut.push({ phrase: hit.text, why: hit.entry.why, entryId: hit.entry.id });
    else kept.push(r);
  }
  return { kept, leftOut };
}
