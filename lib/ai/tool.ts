import { z } from 'zod';

// Claude answers through one tool it is forced to call: the tool's input is the answer. Its
// input_schema is derived from the zod schema that validates the answer again in code (the API
// moves limits like maxItems into descriptions rather than enforcing them).

export interface ForcedTool {
  name: string;
  description: string;
  input_schema: { type: 'object'; [k: string]: unknown };
}

export const forcedTool = (name: string, description: string, schema: z.ZodType): ForcedTool => ({
  name,
  description,
  input_schema: z.toJSONSchema(schema, { target: 'draft-07' }) as ForcedTool['input_schema'],
});
