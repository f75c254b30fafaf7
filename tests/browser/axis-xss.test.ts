/**
 * @module tests/browser/axis-xss.test
 * Hostile titles drawn in the time axis, rendered by Chromium: every payload of the XSS corpus
 * becomes an event title (and the drawing's title), drawn inline in an HTML page (the embed's
 * fluid SVG) and as a standalone `image/svg+xml` document (the `events.svg` drawing). The sentinel
 * never fires, no dialog opens, and the documents hold only the elements and attributes of a
 * drawing: no handler, no script, no foreign element, the marker only ever in text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from './harness.ts'
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts'
import { FIXTURE_EVENTS } from '../fixtures/formats-fixture.ts'
import { axisSvg } from '../../src/timeline-svg/render.ts'
import { AXIS_SVG_CSS } from '../../src/generated/client-assets.ts'
import { inspectDom } from '../fixtures/dom-inspect.ts'

let browser: Browser
let ctx: BrowserContext
const fired: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  ctx = await browser.newContext()
  await ctx.exposeBinding('__xss', (_source, id: unknown) => void fired.push(`__xss(${id})`))
})
afterAll(async () => {
  await ctx?.close()
  await browser?.close()
})

/** One event per payload, spread over the fixture's dates and statuses. */
const hostileEvents = () =>
  XSS_PAYLOADS.map((p, i) => ({
    ...FIXTURE_EVENTS[i % FIXTURE_EVENTS.length]!,
    id: `e${p.id}`,
    title: p.text,
  }))

const drawing = (mode: 'fluid' | 'fixed') =>
  axisSvg(hostileEvents(), {
    locale: 'en',
    lanes: 'kind',
    width: mode === 'fixed' ? 1200 : 640,
    labels: mode === 'fixed' ? 'beside' : 'inside',
    mode,
    legend: mode === 'fixed',
    name: (e) => `${e.date.start}: ${e.title}`,
    href: (id) => `#event-${id}`,
    title: XSS_PAYLOADS.map((p) => p.text).join(' '),
    ...(mode === 'fixed' ? { style: AXIS_SVG_CSS } : {}),
  }).svg

const render = async (page: Page, url: string, body: string, contentType: string) => {
  await page.route(url, (route) => route.fulfill({ body, contentType }))
  await page.goto(url)
  await page.waitForTimeout(50)
  return page.evaluate(inspectDom)
}

/** Elements a drawing is made of (SVG tag names keep their case; HTML's are upper case). */
const SVG_TAGS = /^(svg|title|desc|style|defs|linearGradient|stop|rect|g|line|circle|text|a)\[/

describe('hostile titles in the time axis', () => {
  it(`keeps all ${XSS_PAYLOADS.length} payloads inert inline in an HTML page`, async () => {
    const page = await ctx.newPage()
    page.on('dialog', (d) => void (fired.push(`dialog ${d.message()}`), d.dismiss()))
    const html = `<!doctype html><html lang="en"><head><title>t</title></head><body>${drawing('fluid')}</body></html>`
    const { shapes, bad, links } = await render(
      page,
      'http://axis.test/page.html',
      html,
      'text/html',
    )
    expect(fired).toEqual([])
    expect(bad).toEqual([])
    expect(links).toBe(XSS_PAYLOADS.length)
    const foreign = shapes.filter((s) => !/^(HTML|HEAD|TITLE|BODY)\[/.test(s) && !SVG_TAGS.test(s))
    expect(foreign).toEqual([])
    await page.close()
  })

  it(`keeps all ${XSS_PAYLOADS.length} payloads inert in a standalone SVG document`, async () => {
    const page = await ctx.newPage()
    page.on('dialog', (d) => void (fired.push(`dialog ${d.message()}`), d.dismiss()))
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${drawing('fixed')}`
    const { shapes, bad, links } = await render(
      page,
      'http://axis.test/axis.svg',
      svg,
      'image/svg+xml',
    )
    expect(fired).toEqual([])
    expect(bad).toEqual([])
    expect(links).toBe(XSS_PAYLOADS.length)
    expect(shapes.filter((s) => !SVG_TAGS.test(s))).toEqual([])
    await page.close()
  })
})
