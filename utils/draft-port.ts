import { browser, type Browser } from 'wxt/browser';
import { DRAFT_PORT, draftReplySchema, type CustomerMessage, type DraftReply, type DraftSnapshot } from '@/lib/protocol';
import { editBetween } from '@/lib/draft-edit';

const sameTexts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const sameCustomer = (a: readonly CustomerMessage[], b: readonly CustomerMessage[]) =>
  a.length === b.length && a.every((m, i) => m.text === b[i]!.text && m.author === b[i]!.author && m.time === b[i]!.time);

/**
 * The content script's side of DRAFT_PORT: send a snapshot (with the version of the rules it holds
 * and the findings it found itself), get the background's reply. The background does not answer
 * when the page already found what it finds and holds the current context: then the request is
 * settled, with null, by the next answer or when later requests pile up.
 *
 * After the first, each request carries the edit from the one before, and the customer messages
 * only when they changed (lib/draft-edit.ts); the worker asks for the whole snapshot if it cannot
 * place an edit.
 *
 * The port is opened on first use and again after the worker was stopped (which closes it); the
 * latest request cut off that way is sent once more on a fresh port, which wakes the worker, so no
 * draft goes unanalysed.
 */
export function draftChannel(): (snapshot: DraftSnapshot, rules?: string, found?: string) => Promise<DraftReply | null> {
  let port: Browser.runtime.Port | null = null;
  let seq = 0;
  const pending = new Map<number, (reply: DraftReply | null | 'lost') => void>();
  /** Requests left waiting for an answer that may never come: at most this many. */
  const WAITING = 20;

  /** The last snapshot sent on the open port: the next request is the edit from it. */
  let sent: DraftSnapshot | null = null;

  const open = () => {
    const p = browser.runtime.connect({ name: DRAFT_PORT });
    sent = null;
    p.onMessage.addListener((raw: unknown) => {
      const reply = draftReplySchema.safeParse(raw);
      if (!reply.success) return;
      if (reply.data.resend) sent = null;
      // Answers come in order: earlier requests still waiting were answered by silence.
      for (const [id, resolve] of pending) {
        if (id > reply.data.seq) break;
        resolve(id !== reply.data.seq ? null : reply.data.resend ? 'lost' : reply.data);
        pending.delete(id);
      }
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      const latest = Math.max(...pending.keys());
      for (const [id, resolve] of pending) resolve(id === latest ? 'lost' : null);
      pending.clear();
    });
    return p;
  };

  const once = (snapshot: DraftSnapshot, rules?: string, found?: string) =>
    new Promise<DraftReply | null | 'lost'>((resolve) => {
      const id = ++seq;
      pending.set(id, resolve);
      if (pending.size > WAITING) {
        const [oldest, settle] = pending.entries().next().value!;
        pending.delete(oldest);
        settle(null);
      }
      try {
        port ??= open();
        const before = sent;
        const wire = before
          ? {
              ...snapshot,
              draft: undefined,
              customer: sameCustomer(before.customer, snapshot.customer) ? undefined : snapshot.customer,
              agent: sameTexts(before.agent ?? [], snapshot.agent ?? []) ? undefined : (snapshot.agent ?? []),
            }
          : snapshot;
        port.postMessage({ seq: id, snapshot: wire, edit: before ? editBetween(before.draft, snapshot.draft) : undefined, rules, found });
        sent = snapshot;
      } catch {
        pending.delete(id);
        port = null;
        sent = null;
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
