/**
 * @module tests/browser/i18n.test
 * The embed in each of its seven content languages, in headless Chromium: no axe violations
 * (closed, and with every citation and note open: a translation fetches them on opening), nor on
 * the sources page, no page-level horizontal scroll at 320 px, the
 * right direction, and screenshots in test-results/ (every language at 320 px; ar, zh and uk at
 * 375 px as well, ar expanded so its glosses and provenance line show).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactPath,
  hostPage,
  runAxe,
  startHarness,
  TIMELINE,
  waitUntil,
  type Harness,
} from './harness.ts'
import { SHIPPED_CITATIONS } from '../fixtures/dataset.ts'

const LANGS = ['en', 'de', 'fr', 'ru', 'uk', 'zh', 'ar'] as const

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const url = (lang: string) => `${h.workerOrigin}/embed/${TIMELINE}?lang=${lang}`

describe('the embed in each language', () => {
  for (const lang of LANGS) {
    it(`${lang}: no axe violations, no horizontal scroll at 320 px, right direction`, async () => {
      const ctx = await h.browser.newContext({
        bypassCSP: true,
        viewport: { width: 320, height: 900 },
      })
      const page = await ctx.newPage()
      await page.goto(url(lang))
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(
        lang === 'ar' ? 'rtl' : '',
      )
      expect(await runAxe(page)).toEqual([])
      // A translation links its sources and notes, and fetches them once a details opens.
      const onDemand = await page.$$eval('.ev details[data-src]', (d) => d.length)
      expect(onDemand > 0).toBe(lang !== 'en')
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      )
      await page.waitForFunction(() => !document.querySelector('.ev details[data-src]'))
      expect(await page.$$eval('.ev details blockquote', (q) => q.length)).toBe(SHIPPED_CITATIONS)
      if (lang !== 'en')
        expect(await page.$$eval('.ev details .gl', (g) => g.length)).toBe(SHIPPED_CITATIONS)
      expect(await runAxe(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      )
      await page.screenshot({ path: artifactPath(`embed-i18n-${lang}-320.png`) })
      // The page the sources come from, which a reader without JavaScript opens.
      await page.goto(`${h.workerOrigin}/embed/${TIMELINE}/sources?lang=${lang}`)
      expect(await runAxe(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      )
      await ctx.close()
    })
  }

  for (const lang of ['ar', 'zh', 'uk'] as const) {
    it(`${lang}: screenshot at 375 px, with the first event's sources open`, async () => {
      const page = await h.browser.newPage({ viewport: { width: 375, height: 812 } })
      await page.goto(url(lang))
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      )
      await page.screenshot({ path: artifactPath(`embed-i18n-${lang}-375.png`) })
      await page.evaluate(() => {
        const first = document.querySelector('details:not(.tools)') as HTMLDetailsElement
        first.open = true
        first.scrollIntoView()
      })
      await page.waitForSelector('.ev details[open] blockquote')
      await page.screenshot({ path: artifactPath(`embed-i18n-${lang}-375-sources.png`) })
      await page.close()
    })
  }
})

describe('the widget', () => {
  it('uses the host page’s <html lang> when no data-lang is given', async () => {
    const page = await h.browser.newPage()
    h.host.page(
      '/de.html',
      hostPage(
        `<div data-dateline="${TIMELINE}"></div><script async src="${h.workerOrigin}/embed.js"></script>`,
      ).replace('<html lang="en">', '<html lang="de">'),
    )
    await page.goto(`${h.hostOrigin}/de.html`)
    await waitUntil(async () => (await page.$('iframe')) !== null, 'the widget mounts')
    const src = await page.$eval('iframe', (f) => (f as HTMLIFrameElement).src)
    expect(new URL(src).searchParams.get('lang')).toBe('de')
    const frame = (await (await page.$('iframe'))!.contentFrame())!
    await frame.waitForSelector('h1')
    expect(await frame.$eval('html', (el) => el.lang)).toBe('de-t-en-t0-und')
    await page.close()
  })
})
