/**
 * @module tests/unit/bench-trace
 * The slow-phone bench's trace reading (scripts/bench/trace.ts) on a small hand-made Chromium
 * trace: it finds the renderer main thread that loaded the page, nests events into self times,
 * splits them at the first byte and the first paint, leaves out the about:blank compositor
 * teardown, and measures every thread's busy time before the paint.
 */
import { describe, expect, it } from 'vitest'
import { breakdownTrace } from '../../scripts/bench/trace.ts'

const URL_ = 'http://127.0.0.1:1/embed/x'
const MAIN = { pid: 2, tid: 20 }
const GPU = { pid: 1, tid: 11 }
/** µs on the trace clock; navigation starts at 1,000,000. */
const T0 = 1_000_000
const ms = (n: number) => T0 + n * 1000

const x = (
  at: { pid: number; tid: number },
  name: string,
  start: number,
  dur: number,
  args?: { src_file: string; src_func: string },
) => ({ ...at, ph: 'X', name, ts: ms(start), dur: dur * 1000, ...(args ? { args } : {}) })

const trace = [
  { ...MAIN, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrRendererMain' } },
  { ...GPU, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrGpuMain' } },
  { pid: 1, tid: 0, ph: 'M', name: 'process_name', ts: 0, args: { name: 'Browser' } },
  { pid: 2, tid: 0, ph: 'M', name: 'process_name', ts: 0, args: { name: 'Renderer' } },
  // Another renderer main thread saw a different document: ignored.
  { pid: 3, tid: 30, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrRendererMain' } },
  {
    pid: 3,
    tid: 30,
    ph: 'I',
    name: 'navigationStart',
    ts: ms(0),
    args: { data: { documentLoaderURL: 'about:blank' } },
  },
  x({ pid: 3, tid: 30 }, 'RunTask', 10, 500),
  {
    ...MAIN,
    ph: 'I',
    name: 'navigationStart',
    ts: ms(0),
    args: { data: { documentLoaderURL: URL_ } },
  },
  // Before navigation start: not the page's.
  x(MAIN, 'RunTask', -50, 20),
  // Parse (10 ms of which 4 ms script), then layout and paint: 40 ms, all before the paint.
  x(MAIN, 'RunTask', 20, 10),
  x(MAIN, 'ParseHTML', 20, 10),
  x(MAIN, 'EvaluateScript', 25, 4),
  x(MAIN, 'RunTask', 40, 30),
  x(MAIN, 'Layout', 41, 20),
  x(MAIN, 'Paint', 62, 5),
  // After the paint (at 100 ms): 15 ms of layout.
  x(MAIN, 'RunTask', 150, 15),
  x(MAIN, 'Layout', 150, 15),
  // The about:blank compositor's teardown, a second after commit: left out.
  x(MAIN, 'RunTask', 1100, 400),
  x(MAIN, 'ThreadControllerImpl::RunTask', 1100, 400, {
    src_file: 'third_party/blink/renderer/platform/widget/widget_base.cc',
    src_func: 'Shutdown',
  }),
  x(MAIN, 'LayerTreeHost::~LayerTreeHost', 1100, 399),
  // The GPU thread rasters partly inside the first-byte → first-paint span (5–100 ms).
  x(GPU, 'RunTask', 80, 40),
]

describe('breakdownTrace', () => {
  const b = breakdownTrace(trace, URL_, { responseStart: 5, firstPaint: 100 })
  const item = (name: string) => b.items.find((i) => i.name === name)

  it('sums the main thread from navigation start, without the about:blank teardown', () => {
    expect(b.totalMs).toBeCloseTo(10 + 30 + 15)
    expect(b.teardownMs).toBeCloseTo(400)
    expect(b.beforePaintMs).toBeCloseTo(10 + 30)
    expect(b.paintSpanMs).toBeCloseTo(95)
    expect(item('LayerTreeHost::~LayerTreeHost')).toBeUndefined()
  })

  it('gives self times, split at the first paint', () => {
    expect(item('ParseHTML')).toMatchObject({ selfMs: 6, beforePaintMs: 6 })
    expect(item('EvaluateScript')).toMatchObject({ selfMs: 4, beforePaintMs: 4 })
    expect(item('Layout')!.selfMs).toBeCloseTo(35)
    expect(item('Layout')!.beforePaintMs).toBeCloseTo(20)
    expect(item('Paint')!.selfMs).toBeCloseTo(5)
    // The task around layout and paint keeps only its own 5 ms.
    const runTask = b.items.find((i) => i.name.startsWith('RunTask'))!
    expect(runTask.selfMs).toBeCloseTo(5)
    expect(b.items[0]!.name).toBe('Layout')
  })

  it("measures every thread's busy time before the paint", () => {
    expect(b.threads).toEqual([
      { thread: '3 CrRendererMain', beforePaintMs: 90 },
      { thread: 'Renderer CrRendererMain', beforePaintMs: 40 },
      { thread: 'Browser CrGpuMain', beforePaintMs: 20 },
    ])
  })

  it('refuses a trace without the navigation', () => {
    expect(() =>
      breakdownTrace(trace, 'http://elsewhere/', { responseStart: 0, firstPaint: 1 }),
    ).toThrow(/no navigationStart/)
  })
})
