/**
 * @module scripts/bench/phone
 * Side by side on a slow phone: Dateline's embed, TimelineJS3 (the devDependency, Knight Lab's own
 * build) rendering the same events from Dateline's `.timelinejs.json`, and a trivial page (a
 * heading and a paragraph: the floor), and the embed cut to its first screen (phone-pages.ts: the
 * floor of the design), in headless Chromium at 375 × 800 with the CPU slowed 4×;
 * and, should the embed send a COOP header again, its same bytes without it (scripts/bench/
 * phone-pages.ts says why; src/http/security.ts why the embed no longer sends one).
 *
 * Each page loads in a fresh context (nothing cached, like a first visit), in interleaved rounds so
 * a busy machine slows every page alike, after one untimed round that weighs them and warms the
 * browser (its GPU emulation compiles its shaders on first use). Each round loads each page twice:
 * once plain, for the paint times and `Performance.getMetrics`, and once traced (tracing slows a
 * page, the more so the more it does), for main-thread work and where it goes
 * (scripts/bench/trace.ts). The figures are medians, and the goals ratios from the same run.
 */
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../lib/chromium.ts'
import { capture } from './baseline.ts'
import { weighResponses } from './embed-weight.ts'
import type { PageWeight } from './embed-weight.ts'
import { median } from './load.ts'
import { startPhoneHost, TIMELINEJS_VERSION } from './phone-pages.ts'
import { breakdownTrace, TRACE_CATEGORIES } from './trace.ts'
import type { TraceBreakdown } from './trace.ts'

/** The phone: a 375 × 800 viewport, touch, and a CPU four times slower than this machine's. */
export const PHONE = { width: 375, height: 800, cpuSlowdown: 4 }
/** Dateline's first paint (after the first byte) over the trivial page's, at most. */
export const PAINT_TARGET = 1.5
/** Dateline's main-thread work over TimelineJS3's, at most. */
export const MAIN_THREAD_TARGET = 0.4
/** After the page is ready, how long to let it finish deferred work before reading the metrics. */
const SETTLE_MS = 1_000

export type PageKey = 'dateline' | 'dateline-no-coop' | 'first-screen' | 'timelinejs' | 'trivial'

/** One plain and one traced load of one page. Times in ms; paints and readiness after the first byte. */
export interface PhoneSample {
  firstPaintMs: number
  firstContentfulPaintMs: number
  /** The load event's end; TimelineJS3: its `ready` event (slides built), if later. */
  readyMs: number
  /** `Performance.getMetrics`: ScriptDuration, LayoutDuration, RecalcStyleDuration. */
  scriptMs: number
  layoutMs: number
  styleMs: number
  /** The traced load: renderer main-thread task time, and where it went. */
  mainThreadMs: number
  trace: TraceBreakdown
}

export interface PhonePage {
  key: PageKey
  label: string
  url: string
  weight: PageWeight
  samples: PhoneSample[]
  median: PhoneSample
}

export interface PhoneResult {
  runs: number
  pages: PhonePage[]
  /** Dateline's first paint ÷ the trivial page's. */
  paintRatio: number
  /** The same without the COOP process swap (the page's own cost), if the embed sends COOP. */
  paintRatioWithoutCoop?: number
  /** Dateline's main-thread work ÷ TimelineJS3's. */
  mainThreadRatio: number
  /** The embed's first screen alone (phone-pages.ts): its first paint ÷ the trivial page's. */
  firstScreenRatio: number
}

/** A fresh phone: its own context (empty cache), viewport, touch and slowed CPU. */
const openPhone = async (browser: Browser) => {
  const context = await browser.newContext({
    viewport: { width: PHONE.width, height: PHONE.height },
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown })
  await cdp.send('Performance.enable')
  return { context, page, cdp }
}

/** Navigates and waits until the page is ready (TimelineJS3: its slides are built), then idles. */
const load = async (page: Page, key: PageKey, url: string) => {
  await page.goto(url, { waitUntil: 'load' })
  if (key === 'timelinejs') await page.evaluate(() => (globalThis as any).tlReady)
  await page.waitForTimeout(SETTLE_MS)
}

/**
 * Navigation timings, ms after navigation start. Read after the metrics and the trace, and the
 * first paint waited for (a paint is reported when presented, which may come after `load`).
 */
const marksOf = async (page: Page) => {
  await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0, undefined, {
    polling: 100,
    timeout: 30_000,
  })
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const paint = (name: string) =>
      performance.getEntriesByType('paint').find((p) => p.name === name)?.startTime ?? NaN
    const ready = performance.getEntriesByName('timeline-ready')[0]?.startTime ?? 0
    return {
      responseStart: nav.responseStart,
      firstPaint: paint('first-paint'),
      firstContentfulPaint: paint('first-contentful-paint'),
      ready: Math.max(nav.loadEventEnd, ready),
    }
  })
}

type Metrics = { name: string; value: number }[]

/** A plain load: paint times and the renderer's own counters. */
const timedLoad = async (browser: Browser, key: PageKey, url: string) => {
  const { context, page, cdp } = await openPhone(browser)
  try {
    await load(page, key, url)
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Metrics }
    return { metrics, marks: await marksOf(page) }
  } finally {
    await context.close()
  }
}

/** A traced load: main-thread work, where it went, and every thread's share before the paint. */
const tracedLoad = async (browser: Browser, key: PageKey, url: string) => {
  const { context, page } = await openPhone(browser)
  try {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    let buffer: Buffer
    try {
      await load(page, key, url)
    } finally {
      buffer = await browser.stopTracing()
    }
    const marks = await marksOf(page)
    return breakdownTrace(JSON.parse(buffer.toString('utf8')), url, marks)
  } finally {
    await context.close()
  }
}

/** One sample: a plain load for the paints and counters, then a traced one for the main thread. */
const sample = async (browser: Browser, key: PageKey, url: string): Promise<PhoneSample> => {
  const { metrics, marks } = await timedLoad(browser, key, url)
  const trace = await tracedLoad(browser, key, url)
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000
  return {
    firstPaintMs: marks.firstPaint - marks.responseStart,
    firstContentfulPaintMs: marks.firstContentfulPaint - marks.responseStart,
    readyMs: marks.ready - marks.responseStart,
    scriptMs: ms('ScriptDuration'),
    layoutMs: ms('LayoutDuration'),
    styleMs: ms('RecalcStyleDuration'),
    mainThreadMs: trace.totalMs,
    trace,
  }
}

/** Every request of one load and their bytes: the untimed warm-up round. */
const weigh = async (browser: Browser, key: PageKey, url: string): Promise<PageWeight> => {
  const { context, page } = await openPhone(browser)
  try {
    const weight = weighResponses(page)
    await load(page, key, url)
    return await weight()
  } finally {
    await context.close()
  }
}

/** The median of each figure over the samples, and of each trace item and thread. */
const medianSample = (samples: readonly PhoneSample[]): PhoneSample => {
  const m = (pick: (s: PhoneSample) => number) => median(samples.map(pick))
  const names = new Set(samples.flatMap((s) => s.trace.items.map((i) => i.name)))
  const item = (s: PhoneSample, name: string) => s.trace.items.find((i) => i.name === name)
  const threads = new Set(samples.flatMap((s) => s.trace.threads.map((t) => t.thread)))
  return {
    firstPaintMs: m((s) => s.firstPaintMs),
    firstContentfulPaintMs: m((s) => s.firstContentfulPaintMs),
    readyMs: m((s) => s.readyMs),
    scriptMs: m((s) => s.scriptMs),
    layoutMs: m((s) => s.layoutMs),
    styleMs: m((s) => s.styleMs),
    mainThreadMs: m((s) => s.mainThreadMs),
    trace: {
      totalMs: m((s) => s.trace.totalMs),
      beforePaintMs: m((s) => s.trace.beforePaintMs),
      paintSpanMs: m((s) => s.trace.paintSpanMs),
      teardownMs: m((s) => s.trace.teardownMs),
      items: [...names]
        .map((name) => ({
          name,
          selfMs: m((s) => item(s, name)?.selfMs ?? 0),
          beforePaintMs: m((s) => item(s, name)?.beforePaintMs ?? 0),
        }))
        .sort((a, b) => b.beforePaintMs - a.beforePaintMs || b.selfMs - a.selfMs),
      threads: [...threads]
        .map((thread) => ({
          thread,
          beforePaintMs: m(
            (s) => s.trace.threads.find((t) => t.thread === thread)?.beforePaintMs ?? 0,
          ),
        }))
        .sort((a, b) => b.beforePaintMs - a.beforePaintMs),
    },
  }
}

/**
 * Loads the pages `runs` times each on the slow phone (after one untimed round that weighs
 * them) and compares them.
 * @example const result = await measurePhone(appUrl, 'wang-yi-moscow-2023', { runs: 5 })
 */
export const measurePhone = async (
  dateline: URL,
  timelineId: string,
  options: { runs: number },
): Promise<PhoneResult> => {
  const dataUrl = new URL(`/v1/timelines/${timelineId}/events.timelinejs.json`, dateline).href
  const embedUrl = new URL(`/embed/${timelineId}`, dateline)
  const embed = await capture(embedUrl, embedUrl.pathname)
  if (embed.status !== 200) throw new Error(`${embedUrl.href} answered ${embed.status}`)
  const host = await startPhoneHost(dataUrl, embed)
  const sendsCoop = embed.headers.some(([name]) => name === 'cross-origin-opener-policy')
  const browser = await launchChromium()
  try {
    const pages: Omit<PhonePage, 'weight' | 'samples' | 'median'>[] = [
      { key: 'dateline', label: 'Dateline `/embed/{id}`', url: embedUrl.href },
      ...(sendsCoop
        ? [
            {
              key: 'dateline-no-coop' as const,
              label: 'Dateline embed, same bytes without COOP',
              url: `${host.origin}/embed-without-coop.html`,
            },
          ]
        : []),
      {
        key: 'first-screen',
        label: 'Dateline’s first screen alone (header, axis, two cards; no script)',
        url: `${host.origin}/first-screen.html`,
      },
      {
        key: 'timelinejs',
        label: `TimelineJS3 ${TIMELINEJS_VERSION}, same events`,
        url: `${host.origin}/timelinejs.html`,
      },
      {
        key: 'trivial',
        label: 'Trivial page (heading + paragraph)',
        url: `${host.origin}/trivial.html`,
      },
    ]
    const weights = new Map<PageKey, PageWeight>()
    for (const p of pages) weights.set(p.key, await weigh(browser, p.key, p.url))
    const samples = new Map<PageKey, PhoneSample[]>(pages.map((p) => [p.key, []]))
    for (let round = 0; round < options.runs; round++) {
      for (const p of pages) samples.get(p.key)!.push(await sample(browser, p.key, p.url))
    }
    const done: PhonePage[] = pages.map((p) => ({
      ...p,
      weight: weights.get(p.key)!,
      samples: samples.get(p.key)!,
      median: medianSample(samples.get(p.key)!),
    }))
    const of = (key: PageKey) => done.find((p) => p.key === key)!.median
    return {
      runs: options.runs,
      pages: done,
      paintRatio: of('dateline').firstPaintMs / of('trivial').firstPaintMs,
      paintRatioWithoutCoop: sendsCoop
        ? of('dateline-no-coop').firstPaintMs / of('trivial').firstPaintMs
        : undefined,
      mainThreadRatio: of('dateline').mainThreadMs / of('timelinejs').mainThreadMs,
      firstScreenRatio: of('first-screen').firstPaintMs / of('trivial').firstPaintMs,
    }
  } finally {
    await Promise.allSettled([browser.close(), host.close()])
  }
}
