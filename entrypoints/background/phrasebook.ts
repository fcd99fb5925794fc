import type { TactDb } from '@/lib/storage/db';
import { effectivePhrasebook } from '@/lib/studio/overlay';
import type { CompiledPhrasebook } from '@/lib/phrasebook/engine';
import { compileLive, loadShippedEntries } from '@/utils/phrasebook';

/**
 * The phrasebook the worker matches with: the shipped files with the team's studio edits (Dexie)
 * on top. Read at start and again whenever the studio says it changed them; until the first read
 * ends, `ready` holds drafts back so none is analysed with the shipped phrasebook alone.
 */
export function createLivePhrasebook(db: TactDb) {
  const shipped = loadShippedEntries();
  if (shipped.errors.length) console.warn('[tact] phrasebook problems:\n' + shipped.errors.join('\n'));
  // Compiled on first use: at start the read below usually sets it, and compiling the shipped
  // phrasebook only to replace it would cost every worker start (Chrome restarts it often).
  let current: CompiledPhrasebook | undefined;

  // One read at a time, in order: a slow earlier read must not overwrite a later one.
  let queue: Promise<unknown> = Promise.resolve();
  function reload() {
    const next = queue.then(read, read);
    queue = next.catch(() => {});
    return next;
  }

  async function read() {
    const { entries } = effectivePhrasebook(shipped.entries, await db.phrasebookEdits.toArray());
    const live = compileLive(entries);
    // The studio validates every change, so this warns of broken shipped entries, or of what a release broke under an edit.
    if (live.errors.length) console.warn('[tact] phrasebook entries left out:\n' + live.errors.join('\n'));
    current = live.phrasebook;
    return live;
  }

  const ready = reload().then(
    () => undefined,
    (err: unknown) => console.warn('[tact] could not read the team phrasebook; using the shipped one', err),
  );
  return {
    get current(): CompiledPhrasebook {
      return (current ??= compileLive(shipped.entries).phrasebook);
    },
    ready,
    reload,
  };
}
export type LivePhrasebook = ReturnType<typeof createLivePhrasebook>;
