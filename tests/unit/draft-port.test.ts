import { beforeEach, expect, test, vi } from 'vitest';
import type { DraftReply, DraftSnapshot } from '../../lib/protocol';

// The content script's end of DRAFT_PORT over stand-in ports (fakeBrowser has no runtime.connect):
// which request each answer settles, what silence means, and what is sent again when the worker stops.
interface FakePort {
  name: string;
  sent: { seq: number; found?: string; snapshot: Partial<DraftSnapshot>; edit?: { at: number; cut: number; text: string } }[];
  message: ((m: unknown) => void)[];
  disconnect: (() => void)[];
  onMessage: { addListener(l: (m: unknown) => void): void };
  onDisconnect: { addListener(l: () => void): void };
  postMessage(m: FakePort['sent'][number]): void;
}
const ports: FakePort[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const port: FakePort = {
          name,
          sent: [],
          message: [],
          disconnect: [],
          onMessage: { addListener: (l) => port.message.push(l) },
          onDisconnect: { addListener: (l) => port.disconnect.push(l) },
          postMessage: (m) => void port.sent.push(JSON.parse(JSON.stringify(m))), // as the browser serialises it
        };
        ports.push(port);
        return port;
      },
    },
  },
}));
const { draftChannel } = await import('../../utils/draft-port');

const snap: DraftSnapshot = { site: 'demo', conversationId: 'T-1', url: 'http://127.0.0.1/', draft: 'Calm down.', draftLength: 10, customer: [] };
const answer = (port: FakePort, seq: number, over: Partial<DraftReply> = {}) => port.message.forEach((l) => l({ seq, findings: [], ...over }));
const settled = async <T,>(p: Promise<T>) => Promise.race([p.then((v) => ({ v })), new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 10))]);

beforeEach(() => {
  ports.length = 0;
});

test('an answer settles its own request, and earlier ones left unanswered with null', async () => {
  const send = draftChannel();
  const first = send(snap, 'v1', 'a@0');
  const second = send(snap, 'v1', 'a@0');
  const third = send(snap);
  expect(ports).toHaveLength(1);
  expect(ports[0]!.sent.map((m) => m.seq)).toEqual([1, 2, 3]);
  expect(await settled(first)).toBe('waiting'); // the worker had nothing to add: no answer yet
  answer(ports[0]!, 3, { findings: [] });
  expect(await first).toBeNull();
  expect(await second).toBeNull();
  expect(await third).toMatchObject({ seq: 3, findings: [] });
});

test('a malformed answer is ignored', async () => {
  const send = draftChannel();
  const pending = send(snap);
  ports[0]!.message.forEach((l) => l({ seq: 1, findings: 'nope' }));
  expect(await settled(pending)).toBe('waiting');
});

test('when the worker stops, only the latest request is sent again, on a new port', async () => {
  const send = draftChannel();
  const old = send(snap, 'v1', 'a@0');
  const latest = send({ ...snap, draft: 'Calm down now.' }, 'v1', 'a@0');
  ports[0]!.disconnect.forEach((l) => l());
  expect(await old).toBeNull();
  await vi.waitFor(() => expect(ports).toHaveLength(2));
  expect(ports[1]!.sent).toHaveLength(1);
  answer(ports[1]!, ports[1]!.sent[0]!.seq, { findings: [] });
  expect(await latest).toMatchObject({ findings: [] });
});

test('requests left without an answer do not pile up: past 20, the oldest is settled with null', async () => {
  const send = draftChannel();
  const all = Array.from({ length: 21 }, () => send(snap, 'v1', ''));
  expect(await all[0]).toBeNull();
  expect(await settled(all[1]!)).toBe('waiting');
});

test('after the first request, a draft goes as the edit from the one before, customer messages only when they changed', async () => {
  const send = draftChannel();
  void send({ ...snap, customer: [{ text: 'Where is my order?' }] });
  void send({ ...snap, draft: 'Calm down, please.', customer: [{ text: 'Where is my order?' }] });
  void send({ ...snap, draft: 'Calm down, please.', customer: [{ text: 'Hello?' }] });
  const [first, second, third] = ports[0]!.sent;
  expect(first!.snapshot).toMatchObject({ draft: 'Calm down.', customer: [{ text: 'Where is my order?' }] });
  expect(second!.snapshot.draft).toBeUndefined();
  expect(second!.snapshot.customer).toBeUndefined();
  expect(second!.edit).toEqual({ at: 9, cut: 0, text: ', please' });
  expect(third!.edit).toEqual({ at: 18, cut: 0, text: '' });
  expect(third!.snapshot.customer).toEqual([{ text: 'Hello?' }]);
});

test("the agent's sent chat messages go only when they changed", async () => {
  const send = draftChannel();
  void send({ ...snap, agent: ['Sorry for the wait!'] });
  void send({ ...snap, draft: 'Calm down, please.', agent: ['Sorry for the wait!'] });
  void send({ ...snap, draft: 'Calm down, please.', agent: [] });
  const [first, second, third] = ports[0]!.sent;
  expect(first!.snapshot.agent).toEqual(['Sorry for the wait!']);
  expect(second!.snapshot.agent).toBeUndefined();
  expect(third!.snapshot.agent).toEqual([]);
});

test('when the worker cannot place an edit it asks again, and gets the whole snapshot', async () => {
  const send = draftChannel();
  void send(snap);
  const second = send({ ...snap, draft: 'Calm down now.' });
  answer(ports[0]!, 2, { findings: null, resend: true });
  await vi.waitFor(() => expect(ports[0]!.sent).toHaveLength(3));
  expect(ports[0]!.sent[2]!.snapshot.draft).toBe('Calm down now.');
  answer(ports[0]!, 3, { findings: [] });
  expect(await second).toMatchObject({ seq: 3, findings: [] });
});
