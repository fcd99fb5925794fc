import { z } from 'zod';
import { phrasebookFileSchema } from './schema';

/** The JSON Schema editors use for phrasebook files, derived from the zod schema so both agree. */
export function phrasebookJsonSchema(): string {
  const schema = z.toJSONSchema(phrasebookFileSchema, { io: 'input' });
  return JSON.stringify({ ...schema, title: 'Tact phrasebook file' }, null, 2) + '\n';
}
