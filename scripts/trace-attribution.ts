// How much of a page's main thread a content script takes per keystroke, read from a Chromium trace
// (used by scripts/bench-browser.ts; tested in tests/unit/trace-attribution.test.ts).

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; type?: string } };
}

/**
 * Tact's main-thread time per keystroke from a Chromium trace of the page's renderer: the time in
 * Tact's event listeners during the keystroke's own task (the rest of that task is the page
 * typing), and the whole of the tasks Tact's script runs by itself (its debounced analysis, a
 * message from the worker), with the style, layout and garbage collection they cause inside them.
 * The rendering of underlines that moved is not counted here (it is in the TaskDuration rows).
 */
export function tactTimePerKeystroke(events: TraceEvent[], scriptUrl: string): number[] {
  const isTact = (e: TraceEvent) => e.name === 'FunctionCall' && (e.args?.data?.url ?? '').startsWith(scriptUrl);
  const anchor = events.find(isTact);
  if (!anchor) return [];
  const own = events.filter((e) => e.ph === 'X' && e.pid === anchor.pid && e.tid === anchor.tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: { task: TraceEvent; inside: TraceEvent[] }[] = [];
  for (const e of own) {
    const last = tasks.at(-1);
    if (last && e.ts < last.task.ts + (last.task.dur ?? 0)) last.inside.push(e);
    else if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') tasks.push({ task: e, inside: [] });
  }
  const perKeystroke: number[] = [];
  for (const { task, inside } of tasks) {
    const typing = inside.some((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
    if (typing) perKeystroke.push(0);
    if (!perKeystroke.length) continue;
    let us = 0;
    if (typing) {
      let until = -1; // outermost calls only: a call inside a call is counted with it
      for (const e of inside) {
        if (!isTact(e) || e.ts < until) continue;
        us += e.dur ?? 0;
        until = e.ts + (e.dur ?? 0);
      }
    } else if (inside.some(isTact) || (inside.some((e) => e.name === 'Receive mojo message') && inside.some((e) => e.name === 'v8.callFunction'))) {
      us = task.dur ?? 0; // the page runs no script of its own: a message into script is Tact's port
    }
    perKeystroke[perKeystroke.length - 1]! += us / 1000;
  }
  return perKeystroke;
}
