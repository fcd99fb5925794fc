import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import { compilePhrasebook } from '../../lib/phrasebook/engine';

// What the shipped phrasebook finds in a text, computed in node with the same engine the extension
// runs: the Chromium and Firefox tests check the panel against it.
export const phrasebook = compilePhrasebook(readPhrasebookDir('phrasebook').entries);
export const expectedMatches = (text: string) => phrasebook.match(text);
export const expectedEntries = (text: string) => [...new Set(phrasebook.match(text).map((m) => m.entry.id))].sort();
