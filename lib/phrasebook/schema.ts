import { z } from 'zod';
import { CATEGORIES, CHANNELS, CUSTOMER_TYPES, LOCALES, SEVERITIES, TONES, type Category, type Locale } from './vocabulary';

// The phrasebook's file format. Schema first, types derived: the same schema validates the
// shipped files, QA leads' imports and the JSON Schema that editors use (scripts/gen-phrasebook.ts).

export * from './vocabulary';
export const localeSchema = z.enum(LOCALES);
export const categorySchema = z.enum(CATEGORIES);
export const severitySchema = z.enum(SEVERITIES);
export const toneSchema = z.enum(TONES);
export const customerTypeSchema = z.enum(CUSTOMER_TYPES);
export const channelSchema = z.enum(CHANNELS);

const text = z.string().trim().min(1);

/**
 * Patterns are a small safe language, never raw regular expressions (see lib/phrasebook/pattern.ts):
 *   word          a word, folded for case, width, diacritics, curly/straight apostrophes and
 *                 contractions ("don't" = "do not" = "dont")
 *   (a|b c)       alternatives, each a sequence
 *   [a b]         optional words
 *   *             exactly one word, any
 *   ...N          a gap of 0 to N words (N <= 6)
 *   {name}        one word, captured, for use as {name} in `prefer`
 * Chinese is matched character by character, so patterns match inside running text.
 */
export const patternSchema = text.max(200);

export const entrySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens'),
    avoid: z.array(patternSchema).min(1),
    prefer: z.array(text.max(500)).min(1, 'an entry needs at least one alternative'),
    why: text.max(200),
    severity: severitySchema.default('warning'),
    /**
     * Patterns (same language as `avoid`, no {captures}) that excuse the sentence: the entry does
     * not fire in a sentence where one of them is found. "We'll get back to you soon, by 3 pm
     * today" already names a time: the built-in `@time` stands for any stated time (lib/stated-time.ts,
     * the same the reply checklist counts).
     */
    unless: z.array(patternSchema).min(1).optional(),
    when: z
      .object({
        tones: z.array(toneSchema).min(1).optional(),
        types: z.array(customerTypeSchema).min(1).optional(),
        channel: channelSchema.optional(),
      })
      .strict()
      .optional(),
    source: text,
    tests: z
      .object({
        match: z.array(text).default([]),
        noMatch: z.array(text).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();
export type EntryInput = z.input<typeof entrySchema>;

/** One file of the phrasebook: a locale and a category, entries sorted by id. */
export const phrasebookFileSchema = z
  .object({
    $schema: z.string().optional(),
    locale: localeSchema,
    category: categorySchema,
    entries: z.array(entrySchema).min(1),
  })
  .strict();
export type PhrasebookFile = z.infer<typeof phrasebookFileSchema>;

/** An entry as the engine sees it: the file's locale and category carried onto it. */
export type Entry = z.infer<typeof entrySchema> & { locale: Locale; category: Category };

export function entriesOf(file: PhrasebookFile): Entry[] {
  return file.entries.map((e) => ({ ...e, locale: file.locale, category: file.category }));
}
