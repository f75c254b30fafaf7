/**
 * @module scripts/bench/embed-weight
 * What the embed page costs a site that frames it: every request a real browser (headless
 * Chromium) makes to show it, and their bytes raw and gzip-compressed, as an edge would send them.
 */
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { launchChromium } from '../lib/chromium.ts'

/**
 * TimelineJS3's script and style, gzip, before fonts: the documented reference figure (about
 * 77 KB), not measured here.
 */
export const TIMELINEJS_GZIP_KB = 77

export interface PageWeight {
  requests: number
  rawBytes: number
  gzipBytes: number
  /** Each request's path, type and sizes. */
  resources: { path: string; type: string; rawBytes: number; gzipBytes: number }[]
}

/**
 * Starts weighing every response `page` receives from now on; the returned function resolves to
 * their total once the page is done.
 * @example const weigh = weighResponses(page); await page.goto(url); const w = await weigh()
 */
export const weighResponses = (page: Page): (() => Promise<PageWeight>) => {
  const pending: Promise<PageWeight['resources'][number] | undefined>[] = []
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => ({
          path: new URL(response.url()).pathname,
          type: response.request().resourceType(),
          rawBytes: body.length,
          gzipBytes: gzipSync(body).length,
        }),
        () => undefined,
      ),
    )
  })
  return async () => {
    const resources = (await Promise.all(pending)).filter((r) => r !== undefined)
    return {
      requests: resources.length,
      rawBytes: resources.reduce((n, r) => n + r.rawBytes, 0),
      gzipBytes: resources.reduce((n, r) => n + r.gzipBytes, 0),
      resources,
    }
  }
}

/**
 * Loads `url` in headless Chromium and weighs everything it fetched.
 * @example const w = await embedWeight(new URL('/embed/wang-yi-moscow-2023', appUrl))
 */
export const embedWeight = async (url: URL): Promise<PageWeight> => {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    const weigh = weighResponses(page)
    await page.goto(url.href, { waitUntil: 'networkidle' })
    return await weigh()
  } finally {
    await browser.close()
  }
}
