/**
 * @module tests/browser/axis.test
 * The time axis measured where readers see it: the embed page and `events.svg` in headless
 * Chromium. Geometry from bounding boxes: every event has a mark, marks stand in chronological
 * order, spans are as long as they last (within 1 px or 5 %), the breaks are drawn, the 9-day
 * tour takes at least a quarter of the axis at 1280 px, and no two marks or labels overlap. Then
 * the page as a whole at 320, 375 and 1280 px, light and dark, with JavaScript on and off: no
 * sideways scroll, the first card on a phone's first screen. Then what the script adds (marks ↔
 * cards, the card in view, brushing with a mouse, the keyboard and, on a touch screen, a finger
 * along the strip of dates, while a swipe elsewhere still scrolls the axis) and printing.
 * Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { artifactPath, launchBrowser, startWorker, TIMELINE, waitUntil } from './harness.ts'
import type { WorkerHandle } from './harness.ts'
import { dayAfter, firstDay } from '../fixtures/format-checks.ts'

let worker: WorkerHandle
let browser: Browser
/** Each event's id and days [first, last + 1), in the timeline's (chronological) order. */
let events: { id: string; first: number; end: number }[]

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

beforeAll(async () => {
  ;[worker, browser] = await Promise.all([startWorker(), launchBrowser()])
  const timeline = (await (await fetch(`${worker.origin}/v1/timelines/${TIMELINE}`)).json()) as any
  events = timeline.events.map((e: any) => ({
    id: e.id,
    first: day(firstDay(e.date.start)),
    end: day(dayAfter(e.date.end ?? e.date.start)),
  }))
})
afterAll(async () => {
  await browser?.close()
  await worker?.dispose()
})

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}
interface Geometry {
  marks: (Box & { id: string; shape: string })[]
  texts: (Box & { text: string; owner: string | null })[]
  breaks: Box[]
  axis: Box
}

/** Runs in the page: boxes of the axis's marks, texts, breaks and axis line. */
const measure = (): Geometry => {
  const svg = document.querySelector('svg.ax:not([width="16"])')!
  const box = (el: Element) => {
    const r = el.getBoundingClientRect()
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
  }
  const marks = [...svg.querySelectorAll('.mk a')].map((a) => {
    const shape = a.querySelector('circle,rect')!
    return {
      id: a.getAttribute('href')!.replace(/^.*#event-/, ''),
      shape: `${shape.tagName}.${shape.getAttribute('class')}`,
      ...box(shape),
    }
  })
  const texts = [...svg.querySelectorAll('text')]
    .filter((t) => t.textContent)
    .map((t) => ({
      text: t.textContent!,
      owner:
        t
          .closest('a')
          ?.getAttribute('href')
          ?.replace(/^.*#event-/, '') ?? null,
      ...box(t),
    }))
  const breaks = [...svg.querySelectorAll('.bk > g > rect')].map(box)
  return { marks, texts, breaks, axis: box(svg.querySelector('.tk line')!) }
}

const overlap = (a: Box, b: Box, slack = 0.5) =>
  a.left < b.right - slack &&
  b.left < a.right - slack &&
  a.top < b.bottom - slack &&
  b.top < a.bottom - slack

/** The geometry checks every rendering of the axis must pass. */
const checkGeometry = (g: Geometry, label: string) => {
  // Every event has a mark.
  expect(g.marks.map((m) => m.id).sort(), label).toEqual(events.map((e) => e.id).sort())
  const byId = new Map(events.map((e) => [e.id, e]))
  // Chronological: a later start never stands further left (a point's centre, a span's start).
  const anchor = (m: Geometry['marks'][number]) =>
    m.shape.startsWith('circle') ? (m.left + m.right) / 2 : m.left
  for (const a of g.marks) {
    for (const b of g.marks) {
      if (byId.get(a.id)!.first < byId.get(b.id)!.first) {
        expect(anchor(a), `${label}: ${a.id} before ${b.id}`).toBeLessThanOrEqual(anchor(b) + 0.5)
      }
    }
  }
  // Proportional: spans on unbroken time share one px-per-day, within 1 px or 5 %.
  const spans = g.marks
    .filter((m) => m.shape.startsWith('rect'))
    .filter((m) => !g.breaks.some((b) => m.left < b.right && b.left < m.right))
    .map((m) => ({ m, days: byId.get(m.id)!.end - byId.get(m.id)!.first }))
  expect(spans.length, label).toBeGreaterThanOrEqual(5)
  const scales = spans.map((s) => (s.m.right - s.m.left) / s.days).sort((a, b) => a - b)
  const scale = scales[scales.length >> 1]!
  for (const { m, days } of spans) {
    const expected = days * scale
    const error = Math.abs(m.right - m.left - expected)
    expect(error <= 1 || error <= 0.05 * expected, `${label}: ${m.id} ${days} d`).toBe(true)
  }
  // The breaks are drawn, wide enough to see, between the year before and the tour.
  expect(g.breaks.length, label).toBe(3)
  for (const b of g.breaks) expect(b.right - b.left).toBeGreaterThan(8)
  const invasion = g.marks.find((m) => m.id === 'russia-invades-ukraine')!
  const call = g.marks.find((m) => m.id === 'xi-putin-year-end-call')!
  expect(g.breaks[0]!.left).toBeGreaterThan(invasion.right)
  expect(g.breaks[0]!.right).toBeLessThan(call.left)
  // No two marks overlap; no two texts overlap; a text meets a mark only inside its own link.
  for (let i = 0; i < g.marks.length; i++) {
    for (let j = i + 1; j < g.marks.length; j++) {
      const [a, b] = [g.marks[i]!, g.marks[j]!]
      expect(overlap(a, b), `${label}: marks ${a.id} / ${b.id}`).toBe(false)
    }
  }
  for (let i = 0; i < g.texts.length; i++) {
    for (let j = i + 1; j < g.texts.length; j++) {
      const [a, b] = [g.texts[i]!, g.texts[j]!]
      expect(overlap(a, b), `${label}: labels "${a.text}" / "${b.text}"`).toBe(false)
    }
    const t = g.texts[i]!
    for (const m of g.marks) {
      if (t.owner === m.id) continue
      expect(overlap(t, m), `${label}: label "${t.text}" / mark ${m.id}`).toBe(false)
    }
  }
}

/** The events a page's list shows now (hidden ones left out), by id. */
const visibleEvents = (page: Page) =>
  page.$$eval('article.ev', (list) =>
    list.filter((a) => !a.parentElement!.hidden).map((a) => a.id.slice(6)),
  )

/**
 * After a brush over the Hungary leg (19–20 Feb 2023): `from`/`to` in the URL, and the list shows
 * what the API answers for that range, with the range named.
 */
const expectBrushedToHungary = async (page: Page) => {
  const url = new URL(page.url())
  expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([
    '2023-02-19',
    '2023-02-20',
  ])
  const api = (await (
    await fetch(`${worker.origin}/v1/timelines/${TIMELINE}/events?from=2023-02-19&to=2023-02-20`)
  ).json()) as any
  expect((await visibleEvents(page)).sort()).toEqual(api.items.map((e: any) => e.id).sort())
  expect(await page.textContent('.brs span')).toBe('Showing Feb 19, 2023 – Feb 20, 2023.')
}

const embedUrl = (query = '') => `${worker.origin}/embed/${TIMELINE}${query}`

const open = async (
  width: number,
  options: { theme?: string; js?: boolean; url?: string; height?: number } = {},
) => {
  const context = await browser.newContext({
    viewport: { width, height: options.height ?? 800 },
    javaScriptEnabled: options.js ?? true,
  })
  const page = await context.newPage()
  await page.goto(options.url ?? embedUrl(`?theme=${options.theme ?? 'light'}`))
  return { page, close: () => context.close() }
}

describe('the axis on the embed page', () => {
  for (const width of [1280, 375]) {
    it(`has a mark per event, in order, in proportion, with breaks and no overlaps at ${width} px`, async () => {
      const { page, close } = await open(width)
      checkGeometry(await page.evaluate(measure), `embed ${width}`)
      await close()
    })
  }

  it('gives the 9-day tour at least a quarter of the axis at 1280 px', async () => {
    const { page, close } = await open(1280)
    const g = await page.evaluate(measure)
    const tour = g.marks.find((m) => m.id === 'wang-yi-european-tour')!
    const share = (tour.right - tour.left) / (g.axis.right - g.axis.left)
    console.log(`tour: ${(share * 100).toFixed(1)} % of the axis at 1280 px`)
    expect(share).toBeGreaterThanOrEqual(0.25)
    await close()
  })

  for (const width of [320, 375, 1280]) {
    for (const theme of ['light', 'dark']) {
      for (const js of [true, false]) {
        it(`${width} px, ${theme}, JavaScript ${js ? 'on' : 'off'}: no sideways page scroll; first card on the first screen`, async () => {
          const { page, close } = await open(width, { theme, js })
          const m = await page.evaluate(() => {
            const box = document.querySelector('.axs')!
            return {
              page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              axis: box.scrollWidth - box.clientWidth,
              firstCard: document.querySelector('article.ev')!.getBoundingClientRect().top,
            }
          })
          expect(m.page).toBeLessThanOrEqual(0)
          // Narrower than the axis's layout width, the axis scrolls inside its own box.
          if (width < 640) expect(m.axis).toBeGreaterThan(0)
          else expect(m.axis).toBeLessThanOrEqual(0)
          if (width === 375) expect(m.firstCard).toBeLessThan(640)
          if (width < 640) expect(m.firstCard).toBeLessThan(800)
          await page.screenshot({
            path: artifactPath(`axis-embed-${width}-${theme}-js-${js ? 'on' : 'off'}.png`),
          })
          await close()
        })
      }
    }
  }
})

describe('what the script adds to the axis', () => {
  let page: Page
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ page, close } = await open(1280, { height: 900 }))
  })
  afterAll(() => close())

  const hasClass = (selector: string, name: string) =>
    page.$eval(selector, (el, n) => el.classList.contains(n), name)
  const mark = (id: string) => `.mk a[href="#event-${id}"]`
  const visible = () => visibleEvents(page)

  it('highlights the card of a hovered or focused mark, and the mark of a focused card', async () => {
    await page.hover(`${mark('biden-visits-kyiv')} circle`)
    expect(await hasClass('#event-biden-visits-kyiv', 'hl')).toBe(true)
    await page.mouse.move(0, 0)
    expect(await hasClass('#event-biden-visits-kyiv', 'hl')).toBe(false)
    await page.focus(mark('wang-yi-meets-macron'))
    expect(await hasClass('#event-wang-yi-meets-macron', 'hl')).toBe(true)
    await page.focus('#event-wang-yi-visits-italy')
    expect(await hasClass(mark('wang-yi-visits-italy'), 'on')).toBe(true)
    expect(await hasClass('#event-wang-yi-meets-macron', 'hl')).toBe(false)
  })

  it('marks the card in view on the axis as the reader scrolls', async () => {
    await page.evaluate(() =>
      document.getElementById('event-biden-visits-kyiv')!.scrollIntoView({ block: 'start' }),
    )
    await waitUntil(() => hasClass(mark('biden-visits-kyiv'), 'cur'), 'the card in view')
    expect(await page.$$eval('.mk a.cur', (l) => l.length)).toBe(1)
    await page.evaluate(() => scrollTo(0, 0))
  })

  it('narrows the list to a brushed stretch, writes from/to, and offers the way back', async () => {
    await page.evaluate(() => scrollTo(0, 0))
    const g = await page.evaluate(measure)
    const hungary = g.marks.find((m) => m.id === 'wang-yi-visits-hungary')!
    const y = g.axis.bottom + 2
    await page.mouse.move(hungary.left + 2, y)
    await page.mouse.down()
    await page.mouse.move(hungary.right - 2, y, { steps: 5 })
    await page.mouse.up()
    // What the server would show for the same from/to, the list now shows.
    expect(await page.isVisible('.brs')).toBe(true)
    await expectBrushedToHungary(page)
    expect(await hasClass(mark('russia-invades-ukraine'), 'off')).toBe(true)
    await page.screenshot({ path: artifactPath('axis-brushed-1280.png') })
    await page.click('.brs button')
    expect(await visible()).toHaveLength(events.length)
    expect(new URL(page.url()).searchParams.has('from')).toBe(false)
    expect(await page.isVisible('.brs')).toBe(false)
  })

  it('brushes with the keyboard: Shift+arrows between marks, Escape to clear', async () => {
    await page.focus(mark('wang-yi-visits-italy'))
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    const shown = await visible()
    expect(shown).toContain('wang-yi-visits-italy')
    expect(shown).not.toContain('russia-invades-ukraine')
    expect(shown.length).toBeLessThan(events.length)
    expect(new URL(page.url()).searchParams.get('from')).toBe('2023-02-16')
    await page.keyboard.press('Escape')
    expect(await visible()).toHaveLength(events.length)
  })
})

describe('brushing by touch on a phone', () => {
  let context: BrowserContext
  let page: Page
  let cdp: CDPSession
  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      hasTouch: true,
      isMobile: true,
    })
    page = await context.newPage()
    cdp = await context.newCDPSession(page)
    await page.goto(embedUrl('?theme=light'))
  })
  afterAll(() => context.close())

  type Point = { x: number; y: number }
  /** One finger from `a` to `b`, in steps, through the DevTools protocol as a touch screen would. */
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: Point) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [at] : [] })
  const slide = async (a: Point, b: Point, steps = 10) => {
    await touch('touchStart', a)
    for (let i = 1; i <= steps; i++) {
      await touch('touchMove', {
        x: a.x + ((b.x - a.x) * i) / steps,
        y: a.y + ((b.y - a.y) * i) / steps,
      })
    }
  }
  const scrollLeft = () => page.$eval('.axs', (box) => box.scrollLeft)
  /** Waits until a swipe's fling has stopped: the same scroll offsets three polls running. */
  const settled = async () => {
    const offsets = () => page.$eval('.axs', (box) => `${box.scrollLeft},${scrollY}`)
    let last = ''
    let same = 0
    await waitUntil(async () => {
      const now = await offsets()
      same = now === last ? same + 1 : 0
      last = now
      return same >= 2
    }, 'the scrolling settles')
  }
  const visible = () => visibleEvents(page)
  const rect = (selector: string) =>
    page.$eval(selector, (el) => {
      const r = el.getBoundingClientRect()
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    })

  it('a sideways swipe across the marks scrolls the axis and brushes nothing', async () => {
    await page.$eval('.axs', (box) => (box.scrollLeft = 0))
    const box = await rect('.axs')
    const strip = await rect('.bst')
    // The strip covers the tick labels, down to the axis line.
    const g = await page.evaluate(measure)
    expect(Math.abs(strip.bottom - (g.axis.top + g.axis.bottom) / 2)).toBeLessThanOrEqual(1)
    expect(Math.max(...g.texts.filter((t) => !t.owner).map((t) => t.top))).toBeGreaterThan(
      strip.top,
    )
    // In the lanes, below the strip of dates.
    const y = strip.bottom + 40
    expect(y).toBeLessThan(box.bottom)
    await slide({ x: box.right - 20, y }, { x: box.left + 60, y })
    await touch('touchEnd')
    await waitUntil(async () => (await scrollLeft()) > 100, 'the axis scrolls under the finger')
    await settled()
    expect(new URL(page.url()).searchParams.has('from')).toBe(false)
    expect(await visible()).toHaveLength(events.length)
    expect(await page.isVisible('.brs')).toBe(false)
  })

  it('a sideways drag along the strip of dates brushes: the list narrows, from/to in the URL', async () => {
    // The tour in view, then a finger across Hungary's two days on the strip above them.
    await page.$eval('.axs', (box) => {
      const mark = box.querySelector('a[href="#event-wang-yi-visits-hungary"]')!
      const [m, b] = [mark.getBoundingClientRect(), box.getBoundingClientRect()]
      box.scrollLeft += m.left - b.left - b.width / 2
    })
    const before = await scrollLeft()
    const hungary = (await page.evaluate(measure)).marks.find(
      (m) => m.id === 'wang-yi-visits-hungary',
    )!
    const strip = await rect('.bst')
    const y = (strip.top + strip.bottom) / 2
    await slide({ x: hungary.left + 2, y }, { x: hungary.right - 2, y })
    // Mid-drag: the finger draws the brush, and the axis stays put.
    expect(await page.isVisible('.bru')).toBe(true)
    expect(await scrollLeft()).toBe(before)
    await touch('touchEnd')
    await waitUntil(async () => new URL(page.url()).searchParams.has('from'), 'from/to written')
    await expectBrushedToHungary(page)
    await page.screenshot({ path: artifactPath('axis-brushed-touch-375.png') })
    // Tapping "Show all dates" brings every event back.
    await page.tap('.brs button')
    expect(await visible()).toHaveLength(events.length)
    expect(new URL(page.url()).searchParams.has('from')).toBe(false)
  })

  it('a vertical swipe on the strip scrolls the page and leaves the brush alone', async () => {
    await page.evaluate(() => scrollTo(0, 0))
    const strip = await rect('.bst')
    const x = (strip.left + Math.min(strip.right, 375)) / 2
    const y = (strip.top + strip.bottom) / 2
    expect(y).toBeGreaterThan(80)
    await slide({ x, y }, { x, y: 5 })
    await touch('touchEnd')
    await waitUntil(() => page.evaluate(() => scrollY > 50), 'the page scrolls')
    await settled()
    expect(new URL(page.url()).searchParams.has('from')).toBe(false)
    expect(await page.isVisible('.bru')).toBe(false)
  })
})

describe('printing the embed page', () => {
  it('shows the axis and every source and note, hides the controls, prints link targets', async () => {
    const { page, close } = await open(1280)
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => {
      const shown = (el: Element | null) => !!el && getComputedStyle(el).display !== 'none'
      const quote = document.querySelector('.ev details blockquote')!
      const link = document.querySelector('.ev details a[href^="http"]')!
      return {
        axis: shown(document.querySelector('.axs svg')),
        tools: shown(document.querySelector('.tools')),
        summary: shown(document.querySelector('.ev summary')),
        quote: quote.getBoundingClientRect().height > 0,
        after: getComputedStyle(link, '::after').content,
      }
    })
    expect(printed).toMatchObject({ axis: true, tools: false, summary: false, quote: true })
    expect(printed.after).toContain('https://')
    await page.screenshot({ path: artifactPath('axis-embed-print.png'), fullPage: true })
    await close()
  })
})

describe('events.svg in the browser', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`draws every event, in order, without overlaps (${scheme})`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1200, height: 700 },
        colorScheme: scheme,
      })
      const page = await context.newPage()
      const res = await page.goto(`${worker.origin}/v1/timelines/${TIMELINE}/events.svg`)
      expect(res!.headers()['content-type']).toBe('image/svg+xml; charset=utf-8')
      checkGeometry(await page.evaluate(measure), `events.svg ${scheme}`)
      const background = await page.$eval('svg > rect.bg', (r) => getComputedStyle(r).fill)
      expect(background).toBe(scheme === 'dark' ? 'rgb(18, 20, 23)' : 'rgb(255, 255, 255)')
      await page.screenshot({ path: artifactPath(`axis-events-svg-${scheme}.png`) })
      await context.close()
    })
  }
})
