// Where the agent paused Tact. Kept apart from ./settings.ts, which parses with zod: the content
// script reads this from the raw stored settings and must stay small.

/** The origin of a page's address, or null for one that is not a web address. */
export function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Is Tact paused on this page: its origin is in `pausedOrigins`. Takes raw settings (the content script carries no zod). */
export function pausedOn(settings: unknown, url: string): boolean {
  const list = (settings as { pausedOrigins?: unknown } | undefined)?.pausedOrigins;
  const origin = originOf(url);
  return origin !== null && Array.isArray(list) && list.includes(origin);
}
