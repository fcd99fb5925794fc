import * as z from 'zod/mini';
import { FLAG_REASONS } from './flag-reasons';
import type { Verdict } from './classify/verdict';
import { CATEGORIES, CHANNELS, CUSTOMER_TYPES, LOCALES, SEVERITIES, TONES } from './phrasebook/vocabulary';

// Every message between content script, background and side panel is declared here, once.
// Schemas use zod/mini so the content script stays small; receivers validate with them.

export const customerMessageSchema = z.object({
  text: z.string(),
  author: z.optional(z.string()),
  time: z.optional(z.string()),
});
export type CustomerMessage = z.infer<typeof customerMessageSchema>;

/** What the content script reads off the page each time the draft settles. */
export const draftSnapshotSchema = z.object({
  site: z.string(),
  conversationId: z.string(),
  url: z.string(),
  channel: z.optional(z.enum(['chat', 'email'])),
  /** At most MAX_ANALYSED_DRAFT characters of the draft. */
  draft: z.string(),
  /** The draft's full length, so the panel can say when only part of it was analysed. */
  draftLength: z.number(),
  customer: z.array(customerMessageSchema),
});
export type DraftSnapshot = z.infer<typeof draftSnapshotSchema>;

export const findingSchema = z.object({
  /** Stable within one draft: entry id and start offset. */
  key: z.string(),
  entryId: z.string(),
  start: z.number(),
  end: z.number(),
  /** The draft's text in [start, end), to check before replacing. */
  text: z.string(),
  suggestions: z.array(z.string()),
  why: z.string(),
  category: z.string(),
  severity: z.enum(['hint', 'warning', 'risk']),
  locale: z.string(),
  source: z.enum(['phrasebook', 'ai']),
});
export type Finding = z.infer<typeof findingSchema>;

/** Everything the side panel shows for one tab. */
export const tabStateSchema = z.object({
  tabId: z.number(),
  site: z.string(),
  conversationId: z.string(),
  url: z.string(),
  draft: z.string(),
  draftLength: z.number(),
  customer: z.array(customerMessageSchema),
  findings: z.array(findingSchema),
  /** The customer's tone and type, made and validated by the background's classifier. */
  verdict: z.nullable(z.custom<Verdict>((v) => typeof v === 'object')),
  /** The draft's language, set only when it has no findings (the panel tells "unsupported" from "nothing risky"). */
  draftLanguage: z.optional(z.nullable(z.string())),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const replaceRequestSchema = z.object({
  start: z.number(),
  end: z.number(),
  expected: z.string(),
  replacement: z.string(),
});
export type ReplaceRequest = z.infer<typeof replaceRequestSchema>;

export const replaceResultSchema = z.object({
  ok: z.boolean(),
  message: z.optional(z.string()),
});
export type ReplaceResult = z.infer<typeof replaceResultSchema>;

export const applyRequestSchema = z.object({
  tabId: z.number(),
  ...replaceRequestSchema.shape,
});
export type ApplyRequest = z.infer<typeof applyRequestSchema>;

/** What the agent did with a finding; the background fills in the context and stores it. */
export const feedbackRequestSchema = z.object({
  /** Given by the panel; a content script's own tab is known from the sender. */
  tabId: z.optional(z.number()),
  /** The finding as the requester showed it: the draft may already have moved on (after an apply). */
  finding: findingSchema,
  /** The draft's sentence around the finding, as the requester saw it. */
  sentence: z.string(),
  kind: z.enum(['flag', 'dismiss', 'apply']),
  suggestion: z.optional(z.string()),
  reason: z.optional(z.enum(FLAG_REASONS)),
  note: z.optional(z.string()),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const feedbackResultSchema = z.object({
  ok: z.boolean(),
  id: z.optional(z.number()),
  message: z.optional(z.string()),
});
export type FeedbackResult = z.infer<typeof feedbackResultSchema>;

export const undoFeedbackSchema = z.object({ tabId: z.optional(z.number()), id: z.number() });
export type UndoFeedback = z.infer<typeof undoFeedbackSchema>;

/** Request/response messages (sent with @webext-core/messaging). */
export interface ProtocolMap {
  /** panel -> background: replace a span in the tab's draft. */
  applySuggestion(data: ApplyRequest): ReplaceResult;
  /** background -> content: replace a span in the draft, through the page's editor. */
  replaceSpan(data: ReplaceRequest): ReplaceResult;
  /** background -> content: the findings to underline changed without a new draft (e.g. a dismissal). */
  showFindings(data: Finding[]): void;
  /** panel or content -> background: store an apply, dismissal or flag of a finding. */
  recordFeedback(data: FeedbackRequest): FeedbackResult;
  /** panel or content -> background: take back a dismissal or an apply's record. */
  undoFeedback(data: UndoFeedback): FeedbackResult;
}

/**
 * The content script sends each settled draft over a long-lived port of this name and gets its
 * findings back on it: a port skips the per-message channel setup of runtime.sendMessage.
 */
export const DRAFT_PORT = 'tact-draft';

/**
 * `rules`: the version of the rules the content script matches with locally, if any; `found`: the
 * keys of the findings it found itself for this snapshot (findingKeys), if it did.
 */
export const draftRequestSchema = z.object({
  seq: z.number(),
  /** Without `draft`, the draft is the previous request's on this port with `edit` made; without `customer`, its customer messages. */
  snapshot: z.extend(draftSnapshotSchema, { draft: z.optional(z.string()), customer: z.optional(z.array(customerMessageSchema)) }),
  edit: z.optional(z.object({ at: z.number(), cut: z.number(), text: z.string() })),
  rules: z.optional(z.string()),
  found: z.optional(z.string()),
});
export type DraftRequest = z.infer<typeof draftRequestSchema>;

/** What decides a draft's findings besides its text (lib/draft-analysis.ts). */
export const draftContextSchema = z.object({
  channel: z.nullable(z.enum(CHANNELS)),
  tones: z.array(z.enum(TONES)),
  type: z.nullable(z.enum(CUSTOMER_TYPES)),
  minSeverity: z.enum(SEVERITIES),
  dismissed: z.array(z.string()),
});

/** A phrasebook entry without its inline tests: what the content script compiles to match locally. */
export const ruleEntrySchema = z.object({
  id: z.string(),
  avoid: z.array(z.string()),
  prefer: z.array(z.string()),
  why: z.string(),
  severity: z.enum(SEVERITIES),
  unless: z.optional(z.array(z.string())),
  when: z.optional(
    z.object({ tones: z.optional(z.array(z.enum(TONES))), types: z.optional(z.array(z.enum(CUSTOMER_TYPES))), channel: z.optional(z.enum(CHANNELS)) }),
  ),
  source: z.string(),
  locale: z.enum(LOCALES),
  category: z.enum(CATEGORIES),
});

/**
 * `findings` is null when the background could not analyse the draft; `resend` asks for the whole
 * snapshot again (an edit it could not place). `context` is what it used,
 * for the content script to match the next drafts of the same conversation itself; `rules` come
 * when the content script's version differs from the background's.
 */
export const draftReplySchema = z.object({
  seq: z.number(),
  findings: z.nullable(z.array(findingSchema)),
  /** The findings are those the content script said it found: they are not sent again (`findings` is empty). */
  unchanged: z.optional(z.boolean()),
  resend: z.optional(z.boolean()),
  context: z.optional(draftContextSchema),
  rules: z.optional(z.object({ version: z.string(), entries: z.array(ruleEntrySchema) })),
});
export type DraftReply = z.infer<typeof draftReplySchema>;

/** What a list of findings underlines, as one string: equal strings, equal underlines. */
export const findingKeys = (findings: readonly Pick<Finding, 'key'>[]) => findings.map((f) => f.key).join(',');

/** The side panel subscribes to one tab over a long-lived port of this name. */
export const PANEL_PORT = 'tact-panel';

export const panelToBackgroundSchema = z.object({ type: z.literal('subscribe'), tabId: z.number() });
export type PanelToBackground = z.infer<typeof panelToBackgroundSchema>;

export const backgroundToPanelSchema = z.object({
  type: z.literal('state'),
  tabId: z.number(),
  state: z.nullable(tabStateSchema),
});
export type BackgroundToPanel = z.infer<typeof backgroundToPanelSchema>;

// ---------------------------------------------------------------------------------------------
// Phrasebook studio (entrypoints/studio). Kept in its own block; the interface below merges into
// ProtocolMap above (TypeScript declaration merging), so the map itself is not edited here.

/** What the worker compiled after the studio changed the team phrasebook. */
export interface PhrasebookReloaded {
  /** The rules version content scripts will be sent (lib/draft-analysis.ts rulesVersion). */
  version: string;
  /** Entries compiled. */
  entries: number;
  /** Entries left out, with why (should be none: the studio validates every change). */
  problems: string[];
}

export interface ProtocolMap {
  /** studio -> background: the team edits in IndexedDB changed; recompile and re-analyse open drafts. */
  phrasebookChanged(data: { reason: string }): PhrasebookReloaded;
}
