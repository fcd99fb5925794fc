// Writes the files generated from the phrasebook: phrasebook/phrasebook.schema.json (for editors)
// and phrasebook/rules.md (for people). `npx tsx scripts/gen-phrasebook.ts`
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPhrasebookDir } from '../lib/phrasebook/read-dir';
import { phrasebookJsonSchema } from '../lib/phrasebook/json-schema';
import { renderRulesMarkdown } from '../lib/phrasebook/rules-md';

const dir = fileURLToPath(new URL('../phrasebook/', import.meta.url));
writeFileSync(dir + 'phrasebook.schema.json', phrasebookJsonSchema());
const { entries, errors } = readPhrasebookDir(dir);
writeFileSync(dir + 'rules.md', renderRulesMarkdown(entries));
for (const e of errors) process.stderr.write(`${e.file}${e.entryId ? `: ${e.entryId}` : ''}: ${e.message}\n`);
process.stdout.write(`wrote phrasebook/phrasebook.schema.json and phrasebook/rules.md (${entries.length} entries)\n`);
process.exitCode = errors.length ? 1 : 0;
