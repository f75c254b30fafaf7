/**
 * @module tests/unit/formats-timelinejs.test
 * The TimelineJS3 format in Knight Lab's own TimelineJS, in headless Chromium: a page on another
 * origin hands the plain `.timelinejs.json` URL to `new TL.Timeline()`, unchanged, and every event
 * must become a slide with its headline, in order, without errors.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostPage, startHarness, TIMELINE, waitUntil, type Harness } from '../browser/harness.ts'

const TIMELINEJS_DIST = join(
  dirname(createRequire(import.meta.url).resolve('@knight-lab/timelinejs/package.json')),
  'dist',
)

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

describe('GET …/events.timelinejs.json in TimelineJS3', () => {
  it.each(['', '?kind=visit&sort=desc'])(
    'renders every event as a slide (query "%s")',
    async (query) => {
      const url = `${h.workerOrigin}/v1/timelines/${TIMELINE}/events.timelinejs.json${query}`
      const json = (await (
        await fetch(`${h.workerOrigin}/v1/timelines/${TIMELINE}/events${query}`)
      ).json()) as any
      const script = readFileSync(join(TIMELINEJS_DIST, 'js/timeline.js'), 'utf8').replaceAll(
        '</script',
        '<\\/script',
      )
      const css = readFileSync(join(TIMELINEJS_DIST, 'css/timeline.css'), 'utf8')
      const page = await h.browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      try {
        await page.goto(
          h.host.page(
            `/timelinejs${query ? '-filtered' : ''}.html`,
            hostPage(
              `<style>${css}</style><div id="tl" style="width:900px;height:600px"></div>` +
                `<script>${script}</script>` +
                `<script>window.tl = new TL.Timeline('tl', ${JSON.stringify(url)})</script>`,
              'TimelineJS',
            ),
          ),
        )
        const expected = json.items.length + 1 // the title slide comes first
        await waitUntil(
          async () => (await page.locator('.tl-slide').count()) >= expected,
          'TimelineJS built its slides',
          20_000,
        )
        expect(await page.locator('.tl-slide').count()).toBe(expected)
        const ids = await page.evaluate(() =>
          (window as any).tl.config.events.map((e: any) => e.unique_id),
        )
        // TimelineJS orders slides by date itself; every event must be there, once.
        expect([...ids].sort()).toEqual(json.items.map((e: any) => e.id).sort())
        const headlines = await page.locator('.tl-slide .tl-headline').allTextContents()
        for (const item of json.items) expect(headlines).toContain(item.title)
        expect(errors).toEqual([])
      } finally {
        await page.close()
      }
    },
  )
})
