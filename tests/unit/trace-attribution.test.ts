import { expect, test } from 'vitest';
import { tactTimePerKeystroke, type TraceEvent } from '../../scripts/trace-attribution';

const URL = 'chrome-extension://abc/content-scripts/';
const main = { pid: 1, tid: 1, ph: 'X' };
const task = (ts: number, dur: number): TraceEvent => ({ ...main, name: 'ThreadControllerImpl::RunTask', ts, dur });
const call = (ts: number, dur: number, url = `${URL}content.js`): TraceEvent => ({ ...main, name: 'FunctionCall', ts, dur, args: { data: { url } } });
const event = (ts: number, dur: number, type: string): TraceEvent => ({ ...main, name: 'EventDispatch', ts, dur, args: { data: { type } } });

test("Tact's time per keystroke: its listeners in the typing task, its own tasks whole, nothing of the page's", () => {
  const events: TraceEvent[] = [
    // before the first keystroke: not counted
    task(0, 900),
    call(10, 800),
    // keystroke 1: 5 ms of typing, of which Tact's keydown listener 300 µs (with a nested call 100 µs)
    task(1_000, 5_000),
    event(1_010, 400, 'keydown'),
    call(1_020, 300),
    call(1_050, 100),
    event(1_500, 3_000, 'keypress'),
    // the page's own script in another task: not Tact's
    task(7_000, 2_000),
    call(7_010, 1_500, 'http://127.0.0.1/app.js'),
    // Tact's debounced analysis: the whole task, 1.2 ms
    task(10_000, 1_200),
    call(10_010, 1_100),
    // a message from the worker into the page's script: the whole task
    task(12_000, 600),
    { ...main, name: 'Receive mojo message', ts: 12_010, dur: 580 },
    { ...main, name: 'v8.callFunction', ts: 12_020, dur: 500 },
    // keystroke 2: no Tact listener ran
    task(20_000, 4_000),
    event(20_010, 300, 'keydown'),
    // another process: ignored
    { ...call(20_100, 9_000), pid: 2 },
  ];
  const [first, second] = tactTimePerKeystroke(events, URL);
  expect(first).toBeCloseTo(0.3 + 1.2 + 0.6, 6);
  expect(second).toBe(0);
});

test('a trace without Tact gives nothing to report', () => {
  expect(tactTimePerKeystroke([task(0, 100), event(1, 50, 'keydown')], URL)).toEqual([]);
});
