/**
 * @module tests/browser/translation-xss.test
 * The XSS corpus through translated fields: every payload becomes, in a copy of the shipped data,
 * a German event title, summary, note, quote gloss, date wording, place and actor name, tag label
 * and the translator's name. The embed page and its sources page are rendered from it (localize → index → view → JSX)
 * and loaded in Chromium: the sentinel never fires, no dialog opens, no element or attribute comes
 * from a payload (the page has only the element shapes of the clean German page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from './harness.ts'
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts'
import { DATASET } from '../fixtures/dataset.ts'
import type { CompiledDataset } from '../../src/model/types.ts'
import { EmbedPage } from '../../src/views/embed/embed-page.tsx'
import { SourcesPage } from '../../src/views/embed/sources.tsx'
import { inspectDom } from '../fixtures/dom-inspect.ts'
import { renderEmbed } from '../fixtures/render-embed.ts'

let browser: Browser
let ctx: BrowserContext
const fired: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  ctx = await browser.newContext({ bypassCSP: true })
  await ctx.exposeBinding('__xss', (_source, id: unknown) => void fired.push(`__xss(${id})`))
})
afterAll(async () => {
  await ctx?.close()
  await browser?.close()
})

/** The shipped data with payloads in every German translated text, cycling through the corpus. */
const hostileData = (): CompiledDataset => {
  const data = structuredClone(DATASET)
  let i = 0
  const next = () => XSS_PAYLOADS[i++ % XSS_PAYLOADS.length]!.text
  const de = data.translations.timelines.find((t) => t.language === 'de')!
  de.title = next()
  de.provenance.translator = next()
  for (const e of Object.values(de.events)) {
    e.title = next()
    e.summary = next()
    if (e.display) e.display = next()
    e.notes = e.notes?.map(next)
    e.glosses = e.glosses.map(next)
  }
  const shared = data.translations.shared.find((s) => s.language === 'de')!
  for (const a of Object.values(shared.actors)) a.name = next()
  for (const p of Object.values(shared.places)) p.name = next()
  for (const t of Object.keys(shared.tags)) shared.tags[t] = next()
  return data
}

const page = (data: CompiledDataset, Page: typeof EmbedPage = EmbedPage) =>
  renderEmbed({ lang: 'de', data, Page })

const render = async (p: Page, url: string, html: string) => {
  await p.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }))
  await p.goto(url)
  await p.waitForTimeout(100)
  return p.evaluate(inspectDom)
}

describe('hostile translated texts and glosses', () => {
  // The glosses and notes are on the sources page, which the German embed loads on demand.
  for (const [name, Page] of [
    ['embed page', EmbedPage],
    ['sources page', SourcesPage],
  ] as const) {
    it(`keep the corpus inert in the German ${name}`, async () => {
      const p = await ctx.newPage()
      p.on('dialog', (d) => void (fired.push(`dialog ${d.message()}`), d.dismiss()))
      const clean = await render(p, 'http://x.test/clean', page(DATASET, Page))
      const hostile = await render(p, 'http://x.test/hostile', page(hostileData(), Page))
      expect(fired).toEqual([])
      expect(hostile.bad).toEqual([])
      expect(hostile.shapes.filter((s) => !clean.shapes.includes(s))).toEqual([])
      await p.close()
    })
  }
})
