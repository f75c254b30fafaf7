/**
 * @module tests/browser/deeplinks.test
 * Deep links through the iframe, in headless Chromium with the host page on another origin:
 * opening `#dateline-{timeline}={event}` scrolls the host page to the widget and the widget to
 * the event; choosing an event in the widget (a card, the keyboard, a mark of the axis) writes its
 * link into the host page's fragment without a new history entry. Hostile fragments and messages
 * (malformed ids, markup, other origins, other frames) change nothing in either direction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { hostPage, startHarness, TIMELINE, waitUntil, type Harness } from './harness.ts'
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts'

let h: Harness
let ctx: BrowserContext
let ids: string[]
const pageErrors: string[] = []

/** Every message a window receives, recorded from before its own scripts run (every frame). */
declare global {
  interface Window {
    __messages: unknown[]
    __pwned?: number
    __xss: (id: number) => void
    __xssCalls: number[]
  }
}

beforeAll(async () => {
  h = await startHarness()
  ctx = await h.browser.newContext({ viewport: { width: 800, height: 700 } })
  await ctx.addInitScript(() => {
    window.__messages = []
    addEventListener('message', (e) => window.__messages.push(e.data))
    window.__xssCalls = []
    window.__xss = (id) => window.__xssCalls.push(id)
  })
  const res = await fetch(`${h.workerOrigin}/v1/timelines/${TIMELINE}`)
  ids = ((await res.json()) as { events: { id: string }[] }).events.map((e) => e.id)
})
afterAll(async () => {
  await ctx?.close()
  await h?.close()
})

/** A long article with the widget in the middle (div or plain iframe) and a link of its own. */
const hostUrl = (mode: 'div' | 'iframe' = 'div') => {
  const w = h.workerOrigin
  const widget =
    mode === 'div'
      ? `<div data-dateline="${TIMELINE}"></div>`
      : `<iframe src="${w}/embed/${TIMELINE}" title="Timeline" width="100%" height="600"></iframe>`
  const body =
    `<p><a id="jump" href="#dateline-${TIMELINE}=${ids[3]}">The invasion, in the timeline</a></p>` +
    `<div style="height:1500px">Article text</div>${widget}` +
    `<h2 id="comments">Comments</h2><div style="height:3000px"></div>` +
    `<script async src="${w}/embed.js"></script>`
  return h.host.page(`/deeplinks-${mode}.html`, hostPage(body, 'Newsroom'))
}

const open = async (hash = '', mode: 'div' | 'iframe' = 'div') => {
  const page = await ctx.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  await page.goto(hostUrl(mode) + hash)
  const handle = await page.waitForSelector('iframe', { state: 'attached' })
  let frame: Frame | null = null
  await waitUntil(async () => {
    frame = await handle.contentFrame()
    return !!frame?.url().startsWith(`${h.workerOrigin}/embed/`)
  }, 'the embed loads')
  await frame!.waitForSelector('article.ev', { state: 'attached' })
  // The widget has sized the frame: its page is running and the widget has heard from it.
  await waitUntil(
    async () => ((await handle.boundingBox())?.height ?? 0) > 1000,
    'the widget sizes the frame',
  )
  return { page, frame: frame! as Frame }
}

/** The id of the element focused in the embed (or the body's tag). */
const focusedIn = (frame: Frame) =>
  frame.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)

/** Where a card's top is in the host page's viewport, px. */
const cardTop = async (page: Page, frame: Frame, id: string) => {
  const frameTop = await page.$eval('iframe', (f) => f.getBoundingClientRect().top)
  return frameTop + (await frame.$eval(`#event-${id}`, (a) => a.getBoundingClientRect().top))
}

const hashOf = (page: Page) => page.evaluate(() => location.hash)

describe('host page → widget', () => {
  for (const mode of ['div', 'iframe'] as const) {
    it(`opening #dateline-{timeline}={event} scrolls to the event (${mode} snippet)`, async () => {
      const id = ids[20]!
      const { page, frame } = await open(`#dateline-${TIMELINE}=${id}`, mode)
      await waitUntil(async () => (await focusedIn(frame)) === `event-${id}`, 'the card is focused')
      await waitUntil(async () => {
        const top = await cardTop(page, frame, id)
        return top >= 0 && top < 200
      }, 'the host page scrolls the card near its top')
      // Far down the page: the host page scrolled past the widget's own top.
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(2000)
      expect(await hashOf(page)).toBe(`#dateline-${TIMELINE}=${id}`)
      await page.close()
    })
  }

  it('follows a link on the host page to another event (hashchange)', async () => {
    const { page, frame } = await open()
    expect(await page.evaluate(() => scrollY)).toBe(0)
    await page.click('#jump')
    await waitUntil(
      async () => (await focusedIn(frame)) === `event-${ids[3]}`,
      'the linked card is focused',
    )
    await waitUntil(async () => {
      const top = await cardTop(page, frame, ids[3]!)
      return top >= 0 && top < 200
    }, 'the host page scrolls to the linked card')
    await page.close()
  })
})

describe('widget → host page', () => {
  it('choosing a card, a key or a mark writes the link with replaceState', async () => {
    const { page, frame } = await open()
    const length = await page.evaluate(() => history.length)
    await frame.click(`#event-${ids[5]} h2`)
    await waitUntil(
      async () => (await hashOf(page)) === `#dateline-${TIMELINE}=${ids[5]}`,
      'a clicked card is written into the fragment',
    )
    await frame.press(`#event-${ids[5]}`, 'j')
    await waitUntil(
      async () => (await hashOf(page)) === `#dateline-${TIMELINE}=${ids[6]}`,
      'the next card by keyboard',
    )
    const mark = frame.locator(`.axs a[href="#event-${ids[12]}"]`)
    await mark.click()
    await waitUntil(
      async () => (await hashOf(page)) === `#dateline-${TIMELINE}=${ids[12]}`,
      'a mark of the axis',
    )
    expect(await focusedIn(frame)).toBe(`event-${ids[12]}`)
    await waitUntil(async () => {
      const top = await cardTop(page, frame, ids[12]!)
      return top >= 0 && top < 200
    }, 'the host page scrolls to the card of the mark')
    // No entry was added: not by replaceState, not by a fragment navigation inside the frame.
    expect(await page.evaluate(() => history.length)).toBe(length)
    expect(frame.url()).not.toContain('#')
    // The written link opens the same event.
    const again = await open(await hashOf(page))
    await waitUntil(
      async () => (await focusedIn(again.frame)) === `event-${ids[12]}`,
      'the written link opens the event',
    )
    await again.page.close()
    await page.close()
  })
})

describe('hostile fragments and messages', () => {
  const id = () => ids[10]!
  const HOSTILE = () => [
    `#dateline-${TIMELINE}=<img src=x onerror=window.__pwned=1>`,
    `#dateline-${TIMELINE}=${id()}"><svg onload=window.__pwned=1>`,
    `#dateline-${TIMELINE}=../../v1/timelines`,
    `#dateline-${TIMELINE}=${id()}&focus=x`,
    `#dateline-${TIMELINE}=${id()}=${id()}`,
    `#dateline-${TIMELINE}=${id()}%00`,
    `#dateline-${TIMELINE}=${id().toUpperCase()}`,
    `#dateline-${TIMELINE}=${id()}#comments`,
    `#dateline-${TIMELINE}=__proto__`,
    `#dateline-${TIMELINE}=${'a-'.repeat(5000)}!`,
    `#dateline-${TIMELINE}=`,
    `#dateline-../embed/${TIMELINE}=${id()}`,
    `#dateline-%77ang-yi-moscow-2023=${id()}`,
    `#dateline-other-timeline=${id()}`,
    `#DATELINE-${TIMELINE}=${id()}`,
  ]

  it('opening a malformed or foreign link does nothing', async () => {
    for (const hash of HOSTILE()) {
      const { page, frame } = await open(hash)
      await page.waitForTimeout(300)
      expect(await page.evaluate(() => scrollY), hash).toBe(0)
      expect(await focusedIn(frame), hash).toBe('BODY')
      const asked = await frame.evaluate(() =>
        window.__messages.filter((m: any) => m?.type === 'dateline:focus'),
      )
      expect(asked, hash).toEqual([])
      expect(await page.evaluate(() => window.__pwned), hash).toBeUndefined()
      expect(await frame.evaluate(() => window.__pwned), hash).toBeUndefined()
      expect(await page.$$eval('iframe', (f) => f.length), hash).toBe(1)
      await page.close()
    }
    expect(pageErrors).toEqual([])
  })

  it('the XSS corpus in either part of the link, followed on the page, does nothing', async () => {
    const { page, frame } = await open()
    const dialogs: string[] = []
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()))
    let last = ''
    for (const { text } of XSS_PAYLOADS) {
      for (const hash of [
        `#dateline-${TIMELINE}=${text}`,
        `#dateline-${text}=${id()}`,
        `#dateline-${text}`,
      ]) {
        last = await page.evaluate((h) => ((location.hash = h), location.hash), hash)
      }
    }
    await page.waitForTimeout(300)
    expect(await hashOf(page)).toBe(last)
    expect(await page.evaluate(() => scrollY)).toBe(0)
    expect(await focusedIn(frame)).toBe('BODY')
    expect(
      await frame.evaluate(() =>
        window.__messages.filter((m: any) => m?.type === 'dateline:focus'),
      ),
    ).toEqual([])
    expect(await page.evaluate(() => window.__xssCalls)).toEqual([])
    expect(await frame.evaluate(() => window.__xssCalls)).toEqual([])
    expect(dialogs).toEqual([])
    await page.close()
  })

  it('a well-formed link to an event the timeline lacks only reaches the widget', async () => {
    const { page, frame } = await open(`#dateline-${TIMELINE}=no-such-event`)
    await waitUntil(async () => (await page.evaluate(() => scrollY)) > 1000, 'scrolls to widget')
    await page.waitForTimeout(300)
    expect(await focusedIn(frame)).toBe('BODY')
    expect(pageErrors).toEqual([])
    await page.close()
  })

  it('the widget takes event choices only from its own frame, and only well-formed ids', async () => {
    const { page, frame } = await open()
    const select = (event: unknown) => ({ type: 'dateline:select', id: TIMELINE, event })
    // The host page itself, and a sandboxed frame (origin "null"), pretending to be the embed.
    await page.evaluate((m) => postMessage(m, '*'), select(id()))
    await page.evaluate((m) => {
      const f = document.createElement('iframe')
      f.setAttribute('sandbox', 'allow-scripts')
      f.srcdoc = `<script>parent.postMessage(${JSON.stringify(m)}, '*')</script>`
      document.body.appendChild(f)
    }, select(id()))
    // A second, real embed of the right origin that the widget did not adopt (added later).
    await page.evaluate((src) => {
      const f = document.createElement('iframe')
      f.id = 'stranger'
      f.title = 'Another timeline'
      f.src = src
      document.body.appendChild(f)
    }, `${h.workerOrigin}/embed/${TIMELINE}`)
    const stranger = (await (await page.waitForSelector('#stranger')).contentFrame())!
    await stranger.waitForSelector('article.ev')
    await stranger.click(`#event-${id()} h2`)
    // The widget's own frame, with malformed ids.
    for (const bad of ['<img src=x onerror=window.__pwned=1>', 'a=b', 'A', '', ['x'], { id: 1 }]) {
      await frame.evaluate((m) => parent.postMessage(m, '*'), select(bad))
    }
    await page.waitForTimeout(300)
    expect(await hashOf(page)).toBe('')
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined()
    // The control: the same message from the widget's own frame is taken.
    await frame.evaluate((m) => parent.postMessage(m, '*'), select(id()))
    await waitUntil(
      async () => (await hashOf(page)) === `#dateline-${TIMELINE}=${id()}`,
      'the own frame is heard',
    )
    await page.close()
  })

  it('the embed takes focus requests only from its parent, and only well-formed ids', async () => {
    const { page, frame } = await open()
    const focus = (event: unknown) => ({ type: 'dateline:focus', event })
    const toFrame = (m: unknown) =>
      page.$eval('iframe', (f, m) => (f as HTMLIFrameElement).contentWindow!.postMessage(m, '*'), m)
    for (const bad of [
      '<img src=x onerror=window.__pwned=1>',
      `${id()}"]`,
      'list',
      '__proto__',
      ['x'],
      null,
    ]) {
      await toFrame(focus(bad))
    }
    // Not the parent: the frame itself.
    await frame.evaluate((m) => postMessage(m, '*'), focus(id()))
    await page.waitForTimeout(300)
    expect(await focusedIn(frame)).toBe('BODY')
    expect(await frame.evaluate(() => window.__pwned)).toBeUndefined()
    expect(await page.evaluate(() => scrollY)).toBe(0)
    // The control: the parent asking for a real event is heard.
    await toFrame(focus(id()))
    await waitUntil(async () => (await focusedIn(frame)) === `event-${id()}`, 'parent is heard')
    await page.close()
  })
})
