/**
 * @module tests/browser/print
 * The embed and the landing page as printed, in headless Chromium emulating print media against
 * the real Worker: the axis, then every event with its sources and notes visible, no button,
 * form control or iframe, outside links followed by their address, and dark text on white paper
 * whatever the theme. Full-page screenshots go to test-results/print-*.png.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { TIMELINE, artifactPath, launchBrowser, startWorker, type WorkerHandle } from './harness.ts'
import { SHIPPED_CITATIONS } from '../fixtures/dataset.ts'

let worker: WorkerHandle
let browser: Browser
let eventIds: string[]

beforeAll(async () => {
  ;[worker, browser] = await Promise.all([startWorker(), launchBrowser()])
  const res = await fetch(`${worker.origin}/v1/timelines/${TIMELINE}/events?limit=500`)
  eventIds = ((await res.json()) as { items: { id: string }[] }).items.map((e) => e.id)
})

afterAll(async () => {
  await browser?.close()
  await worker?.dispose()
})

/** Opens a page at 800 px (about a sheet of paper) and switches it to print media. */
const printed = async (path: string, options: { javaScript?: boolean } = {}) => {
  const context = await browser.newContext({
    viewport: { width: 800, height: 1000 },
    javaScriptEnabled: options.javaScript ?? true,
  })
  const page = await context.newPage()
  await page.goto(`${worker.origin}${path}`)
  await page.emulateMedia({ media: 'print' })
  return { page, close: () => context.close() }
}

/** What a printout of `scope` shows, measured in the page. */
const inspect = (page: Page, scope: string) =>
  page.evaluate((scope) => {
    const root = document.querySelector(scope)!
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    }
    const controls = [
      ...document.querySelectorAll('button, input, select, textarea, summary, iframe, .tools'),
    ]
    const articles = [...root.querySelectorAll('article.ev')]
    const link = root.querySelector('.ev a[href^="http"]')!
    const axis = root.querySelector('.axs svg')!
    return {
      axis: visible(axis) ? axis.getBoundingClientRect() : null,
      firstEventTop: articles[0]!.getBoundingClientRect().top,
      articles: articles.filter(visible).map((a) => a.id.replace(/^event-/, '')),
      quotes: [...root.querySelectorAll('.ev blockquote')].map(visible),
      notes: [...root.querySelectorAll('.ev .nt')].map(visible),
      visibleControls: controls.filter(visible).map((el) => el.outerHTML.slice(0, 80)),
      linkAfter: getComputedStyle(link, '::after').content,
      href: link.getAttribute('href'),
      text: getComputedStyle(root.querySelector('.ev h2')!).color,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }
  }, scope)

const expectPrintable = (result: Awaited<ReturnType<typeof inspect>>) => {
  // The axis first, as wide as the page allows, then every event.
  expect(result.axis).not.toBeNull()
  expect(result.axis!.width).toBeGreaterThan(500)
  expect(result.axis!.bottom).toBeLessThanOrEqual(result.firstEventTop)
  expect(result.articles).toEqual(eventIds)
  // Every source and note is on paper, and nothing to press or fill in.
  expect(result.quotes.length).toBeGreaterThanOrEqual(eventIds.length)
  expect(result.quotes.every(Boolean)).toBe(true)
  expect(result.notes.length).toBeGreaterThan(0)
  expect(result.notes.every(Boolean)).toBe(true)
  expect(result.visibleControls).toEqual([])
  // Outside links are followed by their address.
  expect(result.linkAfter).toContain(result.href!)
  // Dark ink, whatever the screen theme.
  expect(result.text).toBe('rgb(27, 29, 33)')
  expect(result.pageOverflow).toBeLessThanOrEqual(0)
}

describe('printing the embed page', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`prints the axis, then every event with sources and notes (${theme} theme)`, async () => {
      const { page, close } = await printed(`/embed/${TIMELINE}?theme=${theme}`)
      expectPrintable(await inspect(page, 'body'))
      await page.screenshot({ path: artifactPath(`print-embed-${theme}.png`), fullPage: true })
      await close()
    })
  }

  it('prints the same with JavaScript off (closed details are shown by CSS alone)', async () => {
    const { page, close } = await printed(`/embed/${TIMELINE}`, { javaScript: false })
    expectPrintable(await inspect(page, 'body'))
    await close()
  })

  it('prints a translation whole: printing fetches its sources and notes first', async () => {
    const { page, close } = await printed(`/embed/${TIMELINE}?lang=de`)
    await page.emulateMedia({ media: 'screen' })
    expect(await page.$$eval('.ev details[data-src]', (d) => d.length)).toBe(eventIds.length)
    // A real print job (`beforeprint`, then `afterprint`), as Ctrl+P starts one.
    await page.pdf()
    expect(await page.$$eval('.ev details[data-src]', (d) => d.length)).toBe(0)
    await page.emulateMedia({ media: 'print' })
    expectPrintable(await inspect(page, 'body'))
    expect(await page.$$eval('.ev .gl', (g) => g.length)).toBe(SHIPPED_CITATIONS)
    await page.screenshot({ path: artifactPath('print-embed-de.png'), fullPage: true })
    await close()
  })

  it('prints a translation without JavaScript with the address of its sources', async () => {
    const { page, close } = await printed(`/embed/${TIMELINE}?lang=de`, { javaScript: false })
    const links = await page.$$eval('.ev .so a', (as) =>
      as.map((a) => ({
        href: a.getAttribute('href')!,
        after: getComputedStyle(a, '::after').content,
      })),
    )
    expect(links).toHaveLength(eventIds.length)
    for (const [i, link] of links.entries()) {
      expect(link.href).toBe(
        `${worker.origin}/embed/${TIMELINE}/sources?lang=de#sources-${eventIds[i]}`,
      )
      expect(link.after).toContain(link.href)
    }
    await close()
  })
})

describe('printing the sources page', () => {
  it('prints every event’s quotes, glosses and notes', async () => {
    const { page, close } = await printed(`/embed/${TIMELINE}/sources?lang=de`, {
      javaScript: false,
    })
    const result = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('section[id^="sources-"]')].map((s) => s.id.slice(8)),
      quotes: document.querySelectorAll('blockquote').length,
      glosses: document.querySelectorAll('.gl').length,
      hidden: [...document.querySelectorAll('blockquote, .nt')].filter(
        (el) => el.getBoundingClientRect().height === 0,
      ).length,
    }))
    expect(result.sections).toEqual(eventIds)
    expect(result.quotes).toBe(SHIPPED_CITATIONS)
    expect(result.glosses).toBe(SHIPPED_CITATIONS)
    expect(result.hidden).toBe(0)
    await page.screenshot({ path: artifactPath('print-sources-de.png'), fullPage: true })
    await close()
  })
})

describe('printing the landing page', () => {
  it('prints the intro, the axis and every event, without the generator or iframes', async () => {
    const { page, close } = await printed('/')
    expectPrintable(await inspect(page, '.pv'))
    const page1 = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('header.site nav')!).display,
      generator: getComputedStyle(document.querySelector('.gen')!).display,
      intro: document.querySelector('main h1')!.getBoundingClientRect().top,
      copy: document.querySelector('.pv')!.getBoundingClientRect().top,
    }))
    expect(page1.nav).toBe('none')
    expect(page1.generator).toBe('none')
    expect(page1.intro).toBeLessThan(page1.copy)
    await page.screenshot({ path: artifactPath('print-landing.png'), fullPage: true })
    await close()
  })

  it('stays within 30 KB gzip with its printed copy', async () => {
    const res = await fetch(`${worker.origin}/`, { headers: { Accept: 'text/html' } })
    const html = Buffer.from(await res.arrayBuffer())
    const gzip = gzipSync(html, { level: 6 }).length
    console.log(`landing page: ${html.length} B raw, ${gzip} B gzip`)
    expect(gzip).toBeLessThanOrEqual(30 * 1024)
  })

  it('shows the printed copy to nobody on screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${worker.origin}/`)
    expect(await page.isVisible('.pv')).toBe(false)
    expect(await page.isVisible('#generator')).toBe(true)
    await context.close()
  })
})
