import { browser, type Browser } from 'wxt/browser';
import { DRAFT_PORT, draftReplySchema, type DraftReply, type DraftSnapshot } from '@/lib/protocol';

/**
 * The content script's side of DRAFT_PORT: send a snapshot (and the version of the rules it holds),
 * get the background's reply. The port is opened
 * on first use and again after the worker was stopped (which closes it); a request cut off that
 * way is sent once more on a fresh port, which wakes the worker, so no draft goes unanalysed.
 */
export function draftChannel(): (snapshot: DraftSnapshot, rules?: string, found?: string) => Promise<DraftReply | null> {
  let port: Browser.runtime.Port | null = null;
  let seq = 0;
  const pending = new Map<number, (reply: DraftReply | 'lost') => void>();

  const open = () => {
    const p = browser.runtime.connect({ name: DRAFT_PORT });
    p.onMessage.addListener((raw: unknown) => {
      const reply = draftReplySchema.safeParse(raw);
      if (!reply.success) return;
      pending.get(reply.data.seq)?.(reply.data);
      pending.delete(reply.data.seq);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      for (const resolve of pending.values()) resolve('lost');
      pending.clear();
    });
    return p;
  };

  const once = (snapshot: DraftSnapshot, rules?: string, found?: string) =>
    new Promise<DraftReply | 'lost'>((resolve) => {
      const id = ++seq;
      pending.set(id, resolve);
      try {
        (port ??= open()).postMessage({ seq: id, snapshot, rules, found });
      } catch {
        pending.delete(id);
        port = null;
        resolve('lost');
      }
    });

  return async (snapshot, rules, found) => {
    const first = await once(snapshot, rules, found);
    if (first !== 'lost') return first;
    const second = await once(snapshot, rules, found);
    return second === 'lost' ? null : second;
  };
}
