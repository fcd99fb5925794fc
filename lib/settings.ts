import { z } from 'zod';

/** User settings, stored in storage.local under SETTINGS_KEY; parsed on every read. */
export const settingsSchema = z.object({
  /** Origins (e.g. "https://support.example.com") where the generic adapter may run. */
  enabledOrigins: z.array(z.string().url()).default([]),
  /** Origins where the agent paused Tact: it reads and underlines nothing there until resumed. */
  pausedOrigins: z.array(z.string().url()).default([]),
  /** AI rewrite cues switched off, as `${locale}:${cue id}` (lib/ai/risky-sentences.ts): their sentences are not offered. */
  aiCuesOff: z.array(z.string()).default([]),
  /** Minimum severity shown in the panel and underlined in the draft. */
  minSeverity: z.enum(['hint', 'warning', 'risk']).default('hint'),
});
export type Settings = z.infer<typeof settingsSchema>;
export const SETTINGS_KEY = 'settings';

/** Reads settings, falling back to defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

/** The settings with Tact paused, or resumed, on `origin`. */
export function withPause(settings: Settings, origin: string, paused: boolean): Settings {
  const rest = settings.pausedOrigins.filter((o) => o !== origin);
  return { ...settings, pausedOrigins: paused ? [...rest, origin] : rest };
}
