import type { CDPSession, Page } from 'playwright-core';

// Reads the content script's timing log (see perfMark in entrypoints/content/index.ts). The log
// lives in the content script's isolated world, which page scripts (and page.evaluate) cannot see:
// it is read over CDP, in the execution context Chromium made for the extension in the main frame.

export interface PerfEntry {
  name: 'tact:analyse' | 'tact:findings' | 'tact:underlined';
  at: number;
  /** On tact:findings: matched in the page ('local') or answered by the worker ('background'). */
  source?: 'local' | 'background';
}

interface Reader {
  cdp: CDPSession;
  contexts: Map<number, { name: string; frameId?: string; isolated: boolean }>;
}
const readers = new WeakMap<Page, Promise<Reader>>();

function readerFor(page: Page): Promise<Reader> {
  let reader = readers.get(page);
  if (!reader) {
    reader = (async () => {
      const cdp = await page.context().newCDPSession(page);
      const contexts: Reader['contexts'] = new Map();
      type Created = { context: { id: number; name: string; auxData?: { type?: string; frameId?: string } } };
      cdp.on('Runtime.executionContextCreated', ({ context }: Created) =>
        contexts.set(context.id, { name: context.name, frameId: context.auxData?.frameId, isolated: context.auxData?.type === 'isolated' }),
      );
      cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => contexts.delete(executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
      await cdp.send('Runtime.enable'); // reports the contexts that exist already
      return { cdp, contexts };
    })();
    readers.set(page, reader);
  }
  return reader;
}

/** Tact's timing log in `page`'s main frame, oldest first; empty before the content script logs. */
export async function tactPerf(page: Page): Promise<PerfEntry[]> {
  const { cdp, contexts } = await readerFor(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  for (const [id, c] of contexts) {
    if (!c.isolated || c.name !== 'Tact' || c.frameId !== frameTree.frame.id) continue;
    const { result } = (await cdp.send('Runtime.evaluate', { contextId: id, expression: 'JSON.stringify(globalThis.__tactPerf ?? [])', returnByValue: true }).catch(
      () => ({ result: { value: '[]' } }),
    )) as { result: { value?: string } };
    return JSON.parse(result.value ?? '[]') as PerfEntry[];
  }
  return [];
}

/** How many entries of `name` the log holds. */
export const perfCount = async (page: Page, name: PerfEntry['name']) => (await tactPerf(page)).filter((e) => e.name === name).length;
