/**
 * @module tests/browser/embed.test
 * The embed in headless Chromium, from a host page on another origin: by plain iframe snippet, by
 * the script widget (div and custom element) and by oEmbed `html`. Every way shows every event in
 * order, grows to its content, recovers from a hidden container, works with JavaScript off, is
 * reachable by keyboard and passes axe in both themes. Screenshots go to test-results/.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import {
  artifactPath,
  hostPage,
  runAxe,
  startHarness,
  TIMELINE,
  waitUntil,
  type Harness,
} from './harness.ts'

let h: Harness
let expectedIds: string[]
let ctx: BrowserContext

beforeAll(async () => {
  h = await startHarness()
  ctx = await h.browser.newContext({ viewport: { width: 800, height: 700 } })
  const res = await fetch(`${h.workerOrigin}/v1/timelines/${TIMELINE}`)
  expectedIds = ((await res.json()) as any).events.map((e: any) => `event-${e.id}`)
})
afterAll(async () => {
  await ctx?.close()
  await h?.close()
})

/** The four ways a site embeds a timeline, as host-page markup. */
const snippets = async (options = '') => {
  const w = h.workerOrigin
  const src = `${w}/embed/${TIMELINE}${options ? `?${options}` : ''}`
  const fallback = `<noscript><iframe src="${src}" title="Timeline" width="100%" height="600"></iframe></noscript>`
  const data = options
    ? options
        .split('&')
        .map((kv) => kv.split('='))
        .map(([k, v]) => ` data-${k}="${v}"`)
        .join('')
    : ''
  const attrs = data.replaceAll(' data-', ' ')
  const oembed = (await (
    await fetch(`${w}/oembed?url=${encodeURIComponent(src)}&format=json`)
  ).json()) as { html: string }
  return {
    iframe: `<iframe src="${src}" title="Timeline" width="100%" height="600" loading="lazy"></iframe><script async src="${w}/embed.js"></script>`,
    div: `<div data-dateline="${TIMELINE}"${data}>${fallback}</div><script async src="${w}/embed.js"></script>`,
    element: `<dateline-timeline timeline="${TIMELINE}"${attrs}>${fallback}</dateline-timeline><script async src="${w}/embed.js"></script>`,
    oembed: oembed.html,
  }
}
type Mode = keyof Awaited<ReturnType<typeof snippets>>
const MODES: Mode[] = ['iframe', 'div', 'element', 'oembed']

const embedFrame = async (page: Page): Promise<Frame> => {
  await page.waitForSelector('iframe', { state: 'attached' })
  let frame: Frame | null | undefined
  await waitUntil(async () => {
    frame = await (await page.$('iframe'))?.contentFrame()
    return !!frame && frame.url().startsWith(`${h.workerOrigin}/embed/`)
  }, 'the embed iframe loads')
  await frame!.waitForSelector('article.ev', { state: 'attached' })
  return frame!
}

const articleIds = (frame: Frame) => frame.$$eval('article.ev', (list) => list.map((a) => a.id))

/** Host-side iframe height and the embed's own scroll height. */
const heights = async (page: Page, frame: Frame) => ({
  iframe: await page.$eval('iframe', (f) => f.getBoundingClientRect().height),
  content: await frame.evaluate(() => document.documentElement.scrollHeight),
})

const expectGrown = async (page: Page, frame: Frame) => {
  await waitUntil(async () => {
    const { iframe, content } = await heights(page, frame)
    return iframe >= content && iframe > 1000
  }, 'the iframe grows to its content')
  const { iframe, content } = await heights(page, frame)
  expect(iframe).toBeGreaterThanOrEqual(content)
  expect(content).toBeGreaterThan(1000)
}

describe('embedding from another origin', () => {
  for (const mode of MODES) {
    it(`${mode}: shows every event in order and grows to its content`, async () => {
      const page = await ctx.newPage()
      await page.goto(h.host.page(`/${mode}.html`, hostPage((await snippets())[mode])))
      const frame = await embedFrame(page)
      expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin)
      expect(await articleIds(frame)).toEqual(expectedIds)
      await expectGrown(page, frame)
      expect(await page.$eval('iframe', (f) => f.title.length)).toBeGreaterThan(5)
      await page.close()
    })

    it(`${mode}: recovers when first shown in a hidden container`, async () => {
      const page = await ctx.newPage()
      const body = `<button id="show">Show</button><section id="tab" hidden>${(await snippets('theme=dark'))[mode]}</section>`
      await page.goto(h.host.page(`/${mode}-hidden.html`, hostPage(body)))
      await page.waitForTimeout(300)
      await page.click('#show').catch(() => undefined)
      await page.evaluate(() => (document.getElementById('tab')!.hidden = false))
      const frame = await embedFrame(page)
      expect(await articleIds(frame)).toEqual(expectedIds)
      await expectGrown(page, frame)
      await page.close()
    })

    it(`${mode}: still shows every event with JavaScript off`, async () => {
      const noJs = await h.browser.newContext({ javaScriptEnabled: false })
      const page = await noJs.newPage()
      await page.goto(h.host.page(`/${mode}-nojs.html`, hostPage((await snippets())[mode])))
      const frame = await embedFrame(page)
      expect(await articleIds(frame)).toEqual(expectedIds)
      // Without the script the toolbar stays hidden and the details still open natively.
      expect(await frame.$eval('.tools', (t) => (t as HTMLElement).hidden)).toBe(true)
      await frame.click('article.ev details summary')
      expect(await frame.$eval('article.ev details', (d) => (d as HTMLDetailsElement).open)).toBe(
        true,
      )
      await noJs.close()
    })
  }

  it('adds no axe violations to a host page with landmarks of its own (axe in every frame)', async () => {
    const page = await ctx.newPage()
    const { div } = await snippets()
    const missing = `<iframe src="${h.workerOrigin}/embed/no-such-timeline" title="Missing timeline" width="100%" height="300"></iframe>`
    const html =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsroom</title></head>` +
      `<body><header><a href="/">Newsroom</a></header><main><h1>Story</h1>${div}${missing}</main>` +
      `<footer>© Newsroom</footer></body></html>`
    await page.goto(h.host.page('/landmarks.html', html))
    await embedFrame(page)
    await waitUntil(async () => page.frames().length === 3, 'both embeds load')
    await page.waitForLoadState('load')
    // Both embeds (the timeline and an error page) are loaded, so axe tests them with the page.
    expect(page.frames().map((f) => new URL(f.url()).pathname)).toEqual(
      expect.arrayContaining(['/landmarks.html', `/embed/${TIMELINE}`, '/embed/no-such-timeline']),
    )
    const violations = await runAxe(page)
    expect(
      violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`),
    ).toEqual([])
    await page.close()
  })

  it('passes options through the widget and focuses an event on the host page', async () => {
    const page = await ctx.newPage()
    const body = `<div style="height:2000px">Article text</div>${(await snippets('theme=dark&lang=de&focus=biden-visits-kyiv'))['div']}`
    await page.goto(h.host.page('/focus.html', hostPage(body)))
    const frame = await embedFrame(page)
    const url = new URL(frame.url())
    expect(url.searchParams.get('lang')).toBe('de')
    expect(await frame.$eval('html', (e) => e.dataset.theme)).toBe('dark')
    expect(await frame.$eval('article[aria-current]', (a) => a.id)).toBe('event-biden-visits-kyiv')
    await waitUntil(
      async () => (await page.evaluate(() => scrollY)) > 2000,
      'host scrolls to focus',
    )
    await page.close()
  })
})

describe('the embed page itself', () => {
  const url = () => `${h.workerOrigin}/embed/${TIMELINE}`

  it('is one request under 15 KB gzip: HTML with inline CSS and JS, no fonts', async () => {
    const page = await ctx.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(url())
    await page.waitForLoadState('load')
    expect(requests).toEqual([url()])
    const html = await (await fetch(url())).text()
    const gzip = gzipSync(html, { level: 6 }).length
    console.log(`embed page: ${html.length} B raw, ${gzip} B gzip (HTML+CSS+JS)`)
    expect(gzip).toBeLessThanOrEqual(15 * 1024)
    await page.close()
  })

  it('skips cards off screen until the first frame (the hold), or for good without JavaScript', async () => {
    /** Whether the list is held, and which cards' contents layout skips (content-visibility). */
    const skipped = (page: Page | Frame) =>
      page.evaluate(() => ({
        held: !!document.querySelector('.tl.hold'),
        cards: [...document.querySelectorAll('article.ev')]
          .filter((a) => !a.checkVisibility({ contentVisibilityAuto: true }))
          .map((a) => a.id),
      }))
    // Without the script the hold stays: the first cards are rendered, those far below are not
    // until they near the screen.
    const noJs = await h.browser.newContext({ javaScriptEnabled: false })
    const still = await noJs.newPage()
    await still.goto(url())
    // Which cards are on screen is settled by the first rendering update after load: until then
    // every held card counts as skipped, so wait for the first one to render.
    await waitUntil(
      async () => !(await skipped(still)).cards.includes(expectedIds[0]!),
      'the first card renders',
    )
    const off = await skipped(still)
    expect(off.held).toBe(true)
    expect(off.cards).toContain(expectedIds.at(-1))
    await still.evaluate((id) => document.getElementById(id)!.scrollIntoView(), expectedIds.at(-1)!)
    await waitUntil(
      async () => !(await skipped(still)).cards.includes(expectedIds.at(-1)!),
      'the last card renders on screen',
    )
    await noJs.close()
    // With it, the hold is lifted once the first frame is out, and every card is laid out.
    const page = await ctx.newPage()
    await page.goto(url())
    await waitUntil(async () => !(await skipped(page)).held, 'the hold is lifted')
    expect((await skipped(page)).cards).toEqual([])
    await page.close()
    // A card to scroll to (?focus=) lifts it before the first paint: the jump lands on real heights.
    const focused = await ctx.newPage()
    await focused.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        ;(window as any).heldAtLoad = !!document.querySelector('.tl.hold')
      }),
    )
    await focused.goto(`${url()}?focus=${expectedIds.at(-2)!.slice(6)}`)
    expect(await focused.evaluate(() => (window as any).heldAtLoad)).toBe(false)
    await focused.close()
  })

  it('tells the host page the real height from its first message, not a held estimate', async () => {
    const page = await ctx.newPage()
    await page.addInitScript(() => {
      const heights: number[] = ((window as any).heights = [])
      addEventListener('message', (e) => {
        if (e.data?.type === 'dateline:resize') heights.push(e.data.height)
      })
    })
    await page.goto(
      h.host.page(
        '/heights.html',
        hostPage(`<iframe src="${url()}" title="Timeline" width="800" height="600"></iframe>`),
      ),
    )
    const frame = await embedFrame(page)
    await waitUntil(() => page.evaluate(() => (window as any).heights.length > 0), 'a height')
    await waitUntil(() => frame.evaluate(() => !document.querySelector('.hold')), 'no hold')
    const first = await page.evaluate(() => (window as any).heights[0] as number)
    const real = await frame.evaluate(() =>
      Math.ceil(document.documentElement.getBoundingClientRect().height),
    )
    expect(first).toBe(real)
    await page.close()
  })

  it('reaches every event by keyboard alone, with Tab and with the arrow keys', async () => {
    const page = await ctx.newPage()
    await page.goto(url())
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('article.ev')?.id ?? null)
    const byTab: string[] = []
    for (let i = 0; i < 200 && byTab.length < expectedIds.length; i++) {
      await page.keyboard.press('Tab')
      const isArticle = await page.evaluate(() => document.activeElement?.matches('article.ev'))
      const id = await focused()
      if (isArticle && id) byTab.push(id)
    }
    expect(byTab).toEqual(expectedIds)
    await page.focus(`#${expectedIds[0]}`)
    const byArrow = [await focused()]
    for (let i = 1; i < expectedIds.length; i++) {
      await page.keyboard.press(i % 2 ? 'ArrowDown' : 'j')
      byArrow.push(await focused())
    }
    expect(byArrow).toEqual(expectedIds)
    await page.keyboard.press('k')
    expect(await focused()).toBe(expectedIds.at(-2))
    await page.keyboard.press('Home')
    expect(await focused()).toBe(expectedIds[0])
    await page.close()
  })

  it('filters by kind and expands everything with the toolbar', async () => {
    const page = await ctx.newPage()
    await page.goto(url())
    // The toolbar is folded into one disclosure, so phones see the first event sooner.
    await page.click('.tools summary')
    await page.click('button[data-kind="visit"]')
    const visible = await page.$$eval('article.ev', (list) =>
      list.filter((a) => !a.parentElement!.hidden).map((a) => a.dataset.kind),
    )
    expect(visible.length).toBeGreaterThan(0)
    expect(new Set(visible)).toEqual(new Set(['visit']))
    await page.click('button[data-act="open"]')
    expect(await page.$$eval('details', (d) => d.every((x) => (x as any).open))).toBe(true)
    await page.close()
  })

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${theme} theme, closed and expanded`, async () => {
      const axeCtx = await h.browser.newContext({ colorScheme: theme })
      const page = await axeCtx.newPage()
      await page.goto(`${url()}?theme=${theme}&focus=biden-visits-kyiv`)
      expect(await runAxe(page)).toEqual([])
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      )
      expect(await runAxe(page)).toEqual([])
      await axeCtx.close()
    })
  }

  it('has no axe violations with theme=auto under a dark colour scheme', async () => {
    const axeCtx = await h.browser.newContext({ colorScheme: 'dark' })
    const page = await axeCtx.newPage()
    await page.goto(`${url()}?lang=uk`)
    expect(await runAxe(page)).toEqual([])
    await axeCtx.close()
  })

  for (const width of [320, 1200]) {
    it(`is readable at ${width} px (screenshots in test-results/)`, async () => {
      for (const theme of ['light', 'dark']) {
        const page = await h.browser.newPage({ viewport: { width, height: 900 } })
        await page.goto(`${url()}?theme=${theme}&focus=wang-yi-visits-france`)
        // Nothing sticks out sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        )
        await page.screenshot({
          path: artifactPath(`embed-${width}-${theme}.png`),
          fullPage: false,
        })
        await page.close()
      }
    })
  }
})
