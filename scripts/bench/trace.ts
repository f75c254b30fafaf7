/**
 * @module scripts/bench/trace
 * Where a page's main-thread time goes, from a Chromium trace (`browser.startTracing`): the
 * renderer main thread that loaded the page, its trace events nested by time, and each event
 * name's *self* time (its duration minus its children's), from navigation start on and between
 * the document's first byte and its first paint; and how busy every thread of the browser was in
 * that span (the first paint waits on raster and the GPU as well as on the main thread).
 *
 * One task is left out: the teardown of the compositor of the about:blank document every new tab
 * starts with (`WidgetBase::Shutdown`, run one second after the real page commits). It belongs to
 * no page measured, yet waits on the compositor thread, so it takes whatever that thread is busy
 * with: 0.1 s beside a trivial page, 0.5–10 s beside TimelineJS3 on a busy machine.
 *
 * Hand-written because the only libraries that read Chromium traces are DevTools' own front end
 * and Lighthouse, both far too large to pull into a bench script for a stack walk.
 */

/** One Chromium trace event, as far as this module reads it. */
interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  /** Microseconds. */
  ts: number
  dur?: number
  args?: {
    name?: string
    src_file?: string
    src_func?: string
    data?: { documentLoaderURL?: string }
  }
}

/** A name's self time, in ms, over the whole load and within the first-byte → first-paint span. */
export interface TraceItem {
  name: string
  selfMs: number
  beforePaintMs: number
}

export interface TraceBreakdown {
  /** The main thread's tasks from navigation start on, ms (the about:blank teardown left out). */
  totalMs: number
  /** Main-thread task time between the first byte and the first paint, ms. */
  beforePaintMs: number
  /** First byte → first paint, wall clock, ms. */
  paintSpanMs: number
  /** The about:blank compositor teardown, left out of the figures above, ms. */
  teardownMs: number
  /** Event names by self time, largest first. */
  items: TraceItem[]
  /** Every thread's busy time between the first byte and the first paint, busiest first. */
  threads: { thread: string; beforePaintMs: number }[]
}

/** Page-side timings, ms after navigation start (as `performance` reports them). */
export interface PageMarks {
  responseStart: number
  firstPaint: number
}

/** Containers whose self time is the scheduler's, not the page's: named as such in the output. */
const CONTAINERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask'])

/** The previous (about:blank) document's compositor, torn down late: see the module comment. */
const isTeardown = (e: TraceEvent) =>
  e.args?.src_func === 'Shutdown' && (e.args.src_file ?? '').endsWith('widget_base.cc')

/** Time of [start, end) that falls inside [from, to). */
const overlap = (start: number, end: number, from: number, to: number) =>
  Math.max(0, Math.min(end, to) - Math.max(start, from))

/**
 * The renderer main thread that navigated to `url`: the `CrRendererMain` whose `navigationStart`
 * names it (a new page starts on about:blank, possibly in another process).
 */
const mainThreadOf = (events: TraceEvent[], url: string) => {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const start = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      e.args?.data?.documentLoaderURL === url &&
      mains.has(`${e.pid}:${e.tid}`),
  )
  if (!start) throw new Error(`no navigationStart for ${url} on a renderer main thread`)
  return { pid: start.pid, tid: start.tid, navigationStart: start.ts }
}

/** Per thread, the time its top-level events cover within [from, to), ms, busiest first. */
const busyThreads = (all: TraceEvent[], from: number, to: number) => {
  const label = new Map<string, string>()
  const processes = new Map<number, string>()
  for (const e of all) {
    if (e.ph !== 'M' || !e.args?.name) continue
    if (e.name === 'thread_name') label.set(`${e.pid}:${e.tid}`, e.args.name)
    if (e.name === 'process_name') processes.set(e.pid, e.args.name)
  }
  const spans = new Map<string, [number, number][]>()
  for (const e of all) {
    if (e.ph !== 'X' || e.dur === undefined || e.ts >= to || e.ts + e.dur <= from) continue
    const key = `${e.pid}:${e.tid}`
    spans.set(key, [...(spans.get(key) ?? []), [e.ts, e.ts + e.dur]])
  }
  const busy: { thread: string; beforePaintMs: number }[] = []
  for (const [key, list] of spans) {
    list.sort((a, b) => a[0] - b[0])
    let covered = 0
    let reach = from
    for (const [start, end] of list) {
      covered += Math.max(0, Math.min(end, to) - Math.max(start, reach))
      reach = Math.max(reach, Math.min(end, to))
    }
    const pid = Number(key.split(':')[0])
    const name = `${processes.get(pid) ?? pid} ${label.get(key) ?? key}`
    const same = busy.find((b) => b.thread === name)
    if (same) same.beforePaintMs += covered / 1000
    else busy.push({ thread: name, beforePaintMs: covered / 1000 })
  }
  return busy.sort((a, b) => b.beforePaintMs - a.beforePaintMs)
}

/**
 * Self time by event name on the main thread that loaded `url`. `marks` place the first byte and
 * the first paint on the trace's clock (both are relative to `navigationStart`).
 * @example breakdownTrace(JSON.parse(String(await browser.stopTracing())), url, marks)
 */
export const breakdownTrace = (
  trace: { traceEvents: TraceEvent[] } | TraceEvent[],
  url: string,
  marks: PageMarks,
): TraceBreakdown => {
  const all = Array.isArray(trace) ? trace : trace.traceEvents
  const main = mainThreadOf(all, url)
  const from = main.navigationStart + marks.responseStart * 1000
  const to = main.navigationStart + marks.firstPaint * 1000
  // Complete events only ('X'); begin/end pairs are paired into them first.
  const spans: { name: string; start: number; end: number; teardown: boolean }[] = []
  const open: TraceEvent[] = []
  for (const e of all) {
    if (e.pid !== main.pid || e.tid !== main.tid) continue
    const teardown = isTeardown(e)
    if (e.ph === 'X' && e.dur !== undefined)
      spans.push({ name: e.name, start: e.ts, end: e.ts + e.dur, teardown })
    else if (e.ph === 'B') open.push(e)
    else if (e.ph === 'E') {
      const begin = open.pop()
      if (begin) spans.push({ name: begin.name, start: begin.ts, end: e.ts, teardown })
    }
  }
  // Parents before children: earlier start first, longer first on a tie.
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const self = new Map<string, { all: number; before: number }>()
  const add = (name: string, all: number, before: number) => {
    const entry = self.get(name) ?? { all: 0, before: 0 }
    entry.all += all
    entry.before += before
    self.set(name, entry)
  }
  /** [time from navigation start on, time within first byte → first paint] of a span, µs. */
  const times = (start: number, end: number) =>
    [overlap(start, end, main.navigationStart, Infinity), overlap(start, end, from, to)] as const
  const stack: { name: string; end: number; skip: boolean }[] = []
  let totalUs = 0
  let beforeUs = 0
  let teardownUs = 0
  for (const span of spans) {
    while (stack.length && stack[stack.length - 1]!.end <= span.start) stack.pop()
    const parent = stack[stack.length - 1]
    // A child's time is its parent's no longer: move it (clipped to the parent) to the child.
    const end = parent ? Math.min(span.end, parent.end) : span.end
    const [all, before] = times(span.start, end)
    const skip = (parent?.skip ?? false) || span.teardown
    if (span.teardown && !parent?.skip) {
      teardownUs += all
      totalUs -= all
      beforeUs -= before
    }
    if (parent && !parent.skip) add(parent.name, -all, -before)
    if (!parent) {
      totalUs += all
      beforeUs += before
    }
    if (!skip) add(span.name, all, before)
    stack.push({ name: span.name, end, skip })
  }
  const items = [...self]
    .map(([name, t]) => ({
      name: CONTAINERS.has(name) ? `${name} (self: scheduling, GC, unlabelled)` : name,
      selfMs: t.all / 1000,
      beforePaintMs: t.before / 1000,
    }))
    .filter((i) => i.selfMs >= 0.05)
    .sort((a, b) => b.selfMs - a.selfMs)
  return {
    totalMs: totalUs / 1000,
    beforePaintMs: beforeUs / 1000,
    paintSpanMs: (to - from) / 1000,
    teardownMs: teardownUs / 1000,
    items,
    threads: busyThreads(all, from, to),
  }
}

/** Trace categories: DevTools' Performance panel's, which name layout, style, paint and script. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'loading',
  'blink.user_timing',
  'v8.execute',
  'gpu',
]
