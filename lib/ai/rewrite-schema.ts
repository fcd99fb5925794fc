import { z } from 'zod';
import { forcedTool } from './tool';

// What Claude must answer when asked to rewrite a sentence, schema first (./tool.ts).

export const MAX_REWRITES = 3;
export const MAX_REWRITE_CHARS = 600;
export const MAX_WHY_CHARS = 200;

export const rewriteSchema = z.object({
  text: z.string().trim().min(1).max(MAX_REWRITE_CHARS).describe('The rewritten sentence, in the language of the draft, ready to send.'),
  why: z.string().trim().min(1).max(MAX_WHY_CHARS).describe('One short clause: why this lands better with this customer.'),
});
export type Rewrite = z.infer<typeof rewriteSchema>;

export const rewriteOutputSchema = z.object({
  rewrites: z.array(rewriteSchema).max(MAX_REWRITES).describe(`Up to ${MAX_REWRITES} alternatives, best first.`),
  unsure: z
    .boolean()
    .optional()
    .describe('True when the sentence is fine as it is or you cannot improve it without facts you do not have.'),
});
export type RewriteOutput = z.infer<typeof rewriteOutputSchema>;

export const REWRITE_TOOL_NAME = 'suggest_rewrites';

export const rewriteTool = forcedTool(REWRITE_TOOL_NAME, 'Give up to three rewrites of the flagged sentence of the support agent\u2019s draft.', rewriteOutputSchema);

/**
 * The rewrites complete enough to show while the answer streams in: a snapshot of partial JSON has
 * whatever strings have begun. Nothing here is trusted; the final answer goes through the schema.
 */
export function partialRewrites(snapshot: unknown): { text: string; why: string }[] {
  if (typeof snapshot !== 'object' || snapshot === null) return [];
  const list = (snapshot as { rewrites?: unknown }).rewrites;
  if (!Array.isArray(list)) return [];
  const out: { text: string; why: string }[] = [];
  for (const item of list.slice(0, MAX_REWRITES)) {
    if (typeof item !== 'object' || item === null) continue;
    const { text, why } = item as { text?: unknown; why?: unknown };
    if (typeof text !== 'string' || text.trim() === '') continue;
    out.push({ text: text.slice(0, MAX_REWRITE_CHARS), why: typeof why === 'string' ? why.slice(0, MAX_WHY_CHARS) : '' });
  }
  return out;
}
