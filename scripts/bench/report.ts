/**
 * @module scripts/bench/report
 * The benchmark's results as Markdown tables (pasted as-is into the README). Every ratio compares
 * numbers from the same run; absolute numbers are there for context only.
 */
import type { Comparison } from './load.ts'
import { median } from './load.ts'
import type { PageWeight } from './embed-weight.ts'
import { TIMELINEJS_GZIP_KB } from './embed-weight.ts'
import type { MemoryComparison, MemoryResult } from './memory.ts'
import type { ProfileShare } from './profile.ts'
import { MAIN_THREAD_TARGET, PAINT_TARGET, PHONE } from './phone.ts'
import type { PhoneResult } from './phone.ts'

export interface RouteRow {
  dataset: string
  route: string
  /** Minimum req/s ratio, if the route has a target. */
  target?: number
  comparison?: Comparison
  /** Why the route was not measured. */
  skipped?: string
}

export interface SizeRow {
  dataset: string
  rawBytes: number
  gzipBytes: number
  startupMs?: number
  startupRuns?: number[]
  /** Miniflare `ready` for a workerd holding just this Worker, ms (spawn included). */
  readyMs?: number
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')

/**
 * Time Dateline adds to each request over the floor: workerd serves one request at a time per
 * isolate, so under saturating load 1/throughput is the time per request, and the difference is
 * what Dateline's code costs (the number to hold against a 10 ms CPU budget).
 */
const extraMicros = (appRps: number, baseRps: number): string =>
  appRps > 0 && baseRps > 0 ? String(Math.round(1e6 / appRps - 1e6 / baseRps)) : 'n/a'

/**
 * The throughput/latency table.
 * @example console.log(routeTable(rows))
 */
export const routeTable = (rows: readonly RouteRow[]): string => {
  const lines = [
    '| Dataset | Route | Dateline req/s | Baseline req/s | **req/s ratio** (D÷B, ≥ target) | Target | Extra µs/request | p50 ratio (D÷B, ≤1 best) | p99 ratio (D÷B) | Body | Met |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
  ]
  for (const row of rows) {
    const c = row.comparison
    if (!c) {
      lines.push(
        `| ${row.dataset} | ${row.route} | — | — | — | — | — | — | — | skipped: ${row.skipped} |`,
      )
      continue
    }
    const app = median(c.app.map((r) => r.rps))
    const base = median(c.base.map((r) => r.rps))
    const body = median(c.app.map((r) => r.bytesPerResponse))
    const failures = c.app.concat(c.base).reduce((n, r) => n + r.failures, 0)
    const met = row.target === undefined ? '—' : c.ratio.rps >= row.target ? '✓' : '✗'
    lines.push(
      `| ${row.dataset} | ${row.route} | ${Math.round(app)} | ${Math.round(base)} | **${fixed(c.ratio.rps)}** | ` +
        `${row.target === undefined ? '—' : `≥ ${fixed(row.target)}`} | ${extraMicros(app, base)} | ${fixed(c.ratio.p50)} | ` +
        `${fixed(c.ratio.p99)} | ${kb(body)} | ${met}${failures ? ` (${failures} failed)` : ''} |`,
    )
  }
  return lines.join('\n')
}

/**
 * The bundle size and start-up table.
 * @example console.log(sizeTable(rows))
 */
export const sizeTable = (rows: readonly SizeRow[]): string => {
  const lines = [
    '| Dataset | Bundle raw | Bundle gzip (≤ 100 KB) | Start-up CPU, least of runs, ms (< 20 ms) | Runs (ms) | workerd ready (ms) |',
    '| --- | ---: | ---: | ---: | --- | ---: |',
  ]
  for (const row of rows) {
    lines.push(
      `| ${row.dataset} | ${kb(row.rawBytes)} | ${kb(row.gzipBytes)} | ` +
        `${row.startupMs === undefined ? '—' : row.startupMs < 1 ? '< 1 (below sampling)' : fixed(row.startupMs, 1)} | ` +
        `${row.startupRuns?.map((r) => fixed(r, 1)).join(', ') ?? '—'} | ` +
        `${row.readyMs === undefined ? '—' : Math.round(row.readyMs)} |`,
    )
  }
  return lines.join('\n')
}

/**
 * The embed page's weight beside TimelineJS3's documented figure.
 * @example console.log(embedTable(weight))
 */
export const embedTable = (weight: PageWeight | undefined, note?: string): string => {
  if (!weight) return `Embed page: not measured (${note ?? 'Chromium not found'}).`
  const lines = [
    '| Page | Requests | Raw | gzip |',
    '| --- | ---: | ---: | ---: |',
    `| Dateline \`/embed/{id}\` (measured, headless Chromium) | ${weight.requests} | ${kb(weight.rawBytes)} | ${kb(weight.gzipBytes)} |`,
    `| TimelineJS3 script + style, before fonts (documented reference, not measured) | 2+ | — | ~${TIMELINEJS_GZIP_KB} KB |`,
    '',
    'Requests: ' +
      weight.resources.map((r) => `\`${r.path}\` (${r.type}, ${kb(r.gzipBytes)} gzip)`).join(', '),
  ]
  return lines.join('\n')
}

/**
 * Top modules of a workerd CPU profile.
 * @example console.log(profileTable('cached single event', shares))
 */
export const profileTable = (title: string, shares: readonly ProfileShare[], top = 8): string =>
  [
    `**${title}** — share of busy CPU time by source module:`,
    '',
    shares
      .slice(0, top)
      .map((s) => `${(s.share * 100).toFixed(1)}% ${s.module}`)
      .join(' · '),
  ].join('\n')

/** Growth of workerd's resident memory under distinct large queries, against the floor. */
export const memoryTable = ({ app, floor }: MemoryComparison, maxGrowthMb: number): string => {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const row = (name: string, m: MemoryResult) =>
    `| ${name} | ${m.queries} | ${mb(m.servedBytes)} | ${mb(m.beforeBytes)} | ${mb(m.afterGcBytes)} | ${mb(m.afterGcBytes - m.beforeBytes)} | ${mb(m.heapUsedBytes)} |`
  const own = app.afterGcBytes - app.beforeBytes - (floor.afterGcBytes - floor.beforeBytes)
  const held = Math.max(own, app.heapUsedBytes)
  return [
    '| Worker | distinct queries | served | RSS before | RSS after (full GC) | RSS growth | V8 heap in use after GC |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('Dateline (production bundle)', app),
    row('floor: constant bodies of the same mean size', floor),
    '',
    `Dateline's own growth: ${mb(own)} over the floor; V8 heap held after GC: ${mb(app.heapUsedBytes)}. ` +
      `Target ≤ ${maxGrowthMb} MB: ${held <= maxGrowthMb * 1024 * 1024 ? 'met' : 'missed'}. ` +
      `Statuses: ${JSON.stringify(app.statuses)}.`,
  ].join('\n')
}

/**
 * The slow-phone comparison: each page's medians, the two goals as ratios, and where the embed's
 * time goes (trace medians beside the trivial page's).
 * @example console.log(phoneTable(await measurePhone(appUrl, id, { runs: 5 })))
 */
export const phoneTable = (result: PhoneResult, top = 12): string => {
  const ms = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : 'n/a')
  const range = (values: number[]) =>
    values.length > 1 ? ` (${ms(Math.min(...values))}–${ms(Math.max(...values))})` : ''
  const of = (key: string) => result.pages.find((p) => p.key === key)!
  const met = (ratio: number, target: number) => (ratio <= target ? '✓' : '✗')
  const [dateline, timelinejs, trivial] = [of('dateline'), of('timelinejs'), of('trivial')]
  const lines = [
    `Chromium at ${PHONE.width} × ${PHONE.height} (touch), CPU slowed ${PHONE.cpuSlowdown}× ` +
      `(\`Emulation.setCPUThrottlingRate\`), a fresh context per load; medians ` +
      `of ${result.runs} interleaved loads (min–max). Paints and readiness in ms after the ` +
      "document's first byte; main thread: the renderer main thread's tasks from navigation " +
      'start until the page is ready and 1 s idle; script, layout and style: ' +
      '`Performance.getMetrics` (plain loads); main thread and its breakdown from a traced load ' +
      'per round.',
    '',
    '| Page | Requests | gzip | First paint | First contentful paint | Ready | Main thread | Script | Layout | Style |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const p of result.pages) {
    const m = p.median
    const all = (pick: (s: (typeof p.samples)[number]) => number) => p.samples.map(pick)
    lines.push(
      `| ${p.label} | ${p.weight.requests} | ${kb(p.weight.gzipBytes)} | ` +
        `${ms(m.firstPaintMs)}${range(all((s) => s.firstPaintMs))} | ${ms(m.firstContentfulPaintMs)} | ` +
        `${ms(m.readyMs)} | ${ms(m.mainThreadMs)}${range(all((s) => s.mainThreadMs))} | ` +
        `${ms(m.scriptMs)} | ${ms(m.layoutMs)} | ${ms(m.styleMs)} |`,
    )
  }
  const ratio = (a: number, b: number) => fixed(a / b)
  lines.push(
    '',
    '| Ratio (same run) | Value | Target | Met |',
    '| --- | ---: | ---: | :---: |',
    `| Dateline first paint ÷ trivial page's | **${fixed(result.paintRatio)}** | ≤ ${fixed(PAINT_TARGET)} | ${met(result.paintRatio, PAINT_TARGET)} |`,
    `| Dateline main thread ÷ TimelineJS3's | **${fixed(result.mainThreadRatio)}** | ≤ ${fixed(MAIN_THREAD_TARGET)} | ${met(result.mainThreadRatio, MAIN_THREAD_TARGET)} |`,
    ...(result.paintRatioWithoutCoop === undefined
      ? []
      : [
          `| Dateline first paint without the COOP process swap ÷ trivial page's | ${fixed(result.paintRatioWithoutCoop)} | — | — |`,
        ]),
    `| Dateline's first screen alone (no script, two cards) ÷ trivial page's: the design's floor | ${fixed(result.firstScreenRatio)} | — | — |`,
    `| Dateline main thread ÷ trivial page's | ${ratio(dateline.median.mainThreadMs, trivial.median.mainThreadMs)} | — | — |`,
    `| Dateline first paint ÷ TimelineJS3's | ${ratio(dateline.median.firstPaintMs, timelinejs.median.firstPaintMs)} | — | — |`,
    `| Dateline script ÷ TimelineJS3's | ${ratio(dateline.median.scriptMs, timelinejs.median.scriptMs)} | — | — |`,
    `| Dateline gzip bytes ÷ TimelineJS3's | ${ratio(dateline.weight.gzipBytes, timelinejs.weight.gzipBytes)} | — | — |`,
    '',
    'Requests: ' +
      result.pages
        .map((p) => `${p.key}: ${p.weight.resources.map((r) => `\`${r.path}\``).join(', ')}`)
        .join('; ') +
      '. Left out of main thread: the teardown of the about:blank compositor every new tab ' +
      `starts with (median ${result.pages.map((p) => `${p.key} ${ms(p.median.trace.teardownMs)} ms`).join(', ')}).`,
  )
  const d = dateline.median.trace
  const t = trivial.median.trace
  const trivialItem = (name: string) => t.items.find((i) => i.name === name)?.beforePaintMs ?? 0
  const thread = (name: string) => t.threads.find((x) => x.thread === name)?.beforePaintMs ?? 0
  lines.push(
    '',
    `**Where the embed's time goes** (trace medians). First byte → first paint: ${ms(d.paintSpanMs)} ms ` +
      `(trivial page: ${ms(t.paintSpanMs)} ms), of which main-thread tasks ${ms(d.beforePaintMs)} ms ` +
      `(trivial: ${ms(t.beforePaintMs)} ms). Busiest threads in that span, ms: ` +
      d.threads
        .slice(0, 5)
        .map((x) => `${x.thread} ${ms(x.beforePaintMs)} (trivial ${ms(thread(x.thread))})`)
        .join(', ') +
      '.',
    '',
    '| Main-thread trace event (self time) | Embed, first byte → first paint (ms) | Trivial page, same span (ms) | Embed, whole load (ms) |',
    '| --- | ---: | ---: | ---: |',
    ...d.items
      .slice(0, top)
      .map(
        (i) =>
          `| ${i.name} | ${fixed(i.beforePaintMs, 1)} | ${fixed(trivialItem(i.name), 1)} | ${fixed(i.selfMs, 1)} |`,
      ),
  )
  return lines.join('\n')
}
