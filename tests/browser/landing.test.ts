/**
 * @module tests/browser/landing
 * The landing page in headless Chromium, against the real Worker: one live timeline, its axis
 * above the generator's controls, in at most 30 KB gzip (screenshots at 1280 and 375 px go to
 * test-results/); changing options rewrites the snippets and the live timeline; the copied script
 * snippet, pasted into a page on another origin, becomes a working, auto-sized timeline showing
 * exactly the events the options select; the page runs with its strict CSP intact (no violations)
 * and passes axe in every frame.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import {
  TIMELINE,
  artifactPath,
  hostPage,
  runAxe,
  startHarness,
  waitUntil,
  type Harness,
} from './harness.ts'

let h: Harness
let context: BrowserContext
let page: Page
const cspViolations: string[] = []

beforeAll(async () => {
  h = await startHarness()
  context = await h.browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.workerOrigin })
  page = await context.newPage()
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text())
  })
  await page.goto(`${h.workerOrigin}/`)
})

afterAll(async () => {
  await context?.close()
  await h?.close()
})

const snippet = (kind: 'iframe' | 'script' | 'oembed') =>
  page.$eval(`#snippet-${kind}`, (t) => (t as HTMLTextAreaElement).value)
const previewSrc = () => page.$eval('#preview', (f) => (f as HTMLIFrameElement).src)

/** Ids of the events the API selects for a query, as the embed's article ids. */
const expectedArticles = async (query: string) => {
  const res = await fetch(`${h.workerOrigin}/v1/timelines/${TIMELINE}/events?${query}&limit=500`)
  const body = (await res.json()) as { items: { id: string }[] }
  return body.items.map((e) => `event-${e.id}`)
}

const articleIds = (frame: Frame) => frame.$$eval('article.ev', (list) => list.map((a) => a.id))

describe('landing page generator (Chromium)', () => {
  for (const width of [1280, 375]) {
    it(`shows one live timeline, its axis before the controls, at ${width} px`, async () => {
      const shot = await h.browser.newPage({ viewport: { width, height: 800 } })
      const response = await shot.goto(`${h.workerOrigin}/`)
      expect(gzipSync(await response!.body(), { level: 6 }).length).toBeLessThanOrEqual(30 * 1024)
      expect(await shot.$$eval('iframe', (frames) => frames.length)).toBe(1)
      const live = (await (await shot.$('#preview'))!.contentFrame())!
      await live.waitForSelector('.axs svg')
      const frameTop = await shot.$eval('#preview', (f) => f.getBoundingClientRect().top)
      const axis = await live.$eval('.axs', (a) => a.getBoundingClientRect().top)
      const form = await shot.$eval('#generator', (f) => f.getBoundingClientRect().top)
      // The story first: the axis starts on the first screen, above the generator's controls.
      expect(frameTop + axis).toBeLessThan(Math.min(form, 800))
      // The timeline's title is the embed's own heading; the page does not repeat it in its text.
      const title = (await live.$eval('h1', (t) => t.textContent!.trim()))!
      const text = await shot.$$eval('h1, h2, h3, p', (list) => list.map((e) => e.textContent))
      expect(text.filter((t) => t!.includes(title))).toEqual([])
      expect(await shot.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await shot.screenshot({ path: artifactPath(`landing-${width}.png`), fullPage: true })
      await shot.close()
    })
  }

  it('browsers get the HTML landing page, with the default codes filled in', async () => {
    expect(await page.title()).toMatch(/Dateline/)
    expect(await snippet('script')).toBe(
      `<script src="${h.workerOrigin}/embed.js" async></script><div data-dateline="${TIMELINE}"></div>`,
    )
    expect(await previewSrc()).toBe(`${h.workerOrigin}/embed/${TIMELINE}`)
  })

  it('changing options updates every snippet and the preview iframe src', async () => {
    await page.selectOption('#opt-theme', 'dark')
    await page.selectOption('#opt-kind', 'visit')
    await page.fill('#opt-from', '2023-02-15')
    const url = `${h.workerOrigin}/embed/${TIMELINE}?from=2023-02-15&kind=visit&theme=dark`
    await waitUntil(async () => (await previewSrc()) === url, 'preview follows the options')
    expect(await snippet('script')).toBe(
      `<script src="${h.workerOrigin}/embed.js" async></script>` +
        `<div data-dateline="${TIMELINE}" data-from="2023-02-15" data-kind="visit" data-theme="dark"></div>`,
    )
    expect(await snippet('iframe')).toContain(`src="${url.replaceAll('&', '&amp;')}"`)
    expect(await snippet('oembed')).toBe(`${h.workerOrigin}/oembed?url=${encodeURIComponent(url)}`)
    // The page URL records the options, so the no-JS form round trip shows the same codes.
    expect(new URL(page.url()).searchParams.get('kind')).toBe('visit')
    const preview = await (await page.$('#preview'))!.contentFrame()
    await preview!.waitForSelector('article.ev', { state: 'attached' })
    expect(await articleIds(preview!)).toEqual(await expectedArticles('from=2023-02-15&kind=visit'))
  })

  it('Copy puts the snippet on the clipboard', async () => {
    await page.click('button[data-copy="snippet-script"]')
    await waitUntil(
      async () => (await page.textContent('button[data-copy="snippet-script"]')) === 'Copied',
      'button confirms the copy',
    )
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await snippet('script'))
  })

  it('the copied script snippet works on a host page of another origin', async () => {
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    const host = await context.newPage()
    await host.goto(h.host.page('/landing-snippet.html', hostPage(copied, 'Newsroom')))
    const frameHandle = await host.waitForSelector('iframe', { state: 'attached' })
    // The widget builds the same embed URL (its parameter order is its own).
    const src = new URL((await frameHandle.getAttribute('src'))!)
    expect(`${src.origin}${src.pathname}`).toBe(`${h.workerOrigin}/embed/${TIMELINE}`)
    // …plus the host page's <html lang="en">, as no data-lang was given.
    expect(Object.fromEntries([...src.searchParams].sort())).toEqual({
      from: '2023-02-15',
      kind: 'visit',
      lang: 'en',
      theme: 'dark',
    })
    const frame = (await frameHandle.contentFrame())!
    await frame.waitForSelector('article.ev', { state: 'attached' })
    expect(await articleIds(frame)).toEqual(await expectedArticles('from=2023-02-15&kind=visit'))
    // The widget sizes the iframe to its content.
    await waitUntil(
      async () => ((await frameHandle.boundingBox())?.height ?? 0) > 200,
      'the iframe is resized to the timeline',
    )
    await host.close()
  })

  it('the copied oEmbed URL answers with markup for the same embed', async () => {
    const res = await fetch(await snippet('oembed'))
    expect(res.status).toBe(200)
    const body = (await res.json()) as { type: string; html: string }
    expect(body.type).toBe('rich')
    expect(body.html).toContain(`${h.workerOrigin}/embed/${TIMELINE}?`)
    expect(body.html).toContain('kind=visit')
  })

  it('runs under its strict CSP without violations', () => {
    expect(cspViolations).toEqual([])
  })

  it.each(['/', '/docs'])('%s has no axe-core violations in any frame', async (path) => {
    const axeContext = await h.browser.newContext()
    const axePage = await axeContext.newPage()
    await axePage.goto(`${h.workerOrigin}${path}`)
    // The landing page's live timeline is tested too, with the page around it.
    expect(axePage.frames()).toHaveLength(path === '/' ? 2 : 1)
    const violations = await runAxe(axePage)
    await axeContext.close()
    expect(
      violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes[0]?.target)}`),
    ).toEqual([])
  })
})
