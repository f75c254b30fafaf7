/**
 * @module tests/browser/html-validity
 * Every HTML page the Worker serves is valid HTML, in every option value the tests render
 * (tests/fixtures/html-pages.ts): the real Worker (wrangler, workerd) answers, and html-validate
 * checks each distinct page against the repository's `.htmlvalidate.mjs`. html-validate runs on
 * Node alone, so `npm test` needs no Java (the W3C's Nu checker does).
 *
 * Lives beside the browser tests because it drives the same running Worker; it opens no browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate'
import { join } from 'node:path'
import { hostPage, ROOT, startWorker, TIMELINE } from './harness.ts'
import type { WorkerHandle } from './harness.ts'
import { htmlPages } from '../fixtures/html-pages.ts'
import type { HtmlPage, TimelineJson } from '../fixtures/html-pages.ts'

/** Requests in flight at once: two cores, shared with workerd. */
const PARALLEL = 4

let worker: WorkerHandle
beforeAll(async () => {
  worker = await startWorker()
})
afterAll(() => worker?.dispose())

interface Rendered {
  page: HtmlPage
  status: number
  /** The markup to validate, or `undefined` when the answer is not HTML. */
  html?: string
}

/** The page as a browser would get it; oEmbed's markup on a host page. */
const render = async (page: HtmlPage): Promise<Rendered> => {
  const res = await fetch(worker.origin + page.path, { headers: page.headers })
  if (page.oembed) {
    const { html = '' } = (await res.json()) as { html?: string }
    // Waived for the snippet alone: its widget script changes with every deploy, so a host page
    // cannot pin its hash (a pinned snippet pasted into a CMS would break at the next one), and its
    // iframe carries its few styles inline because the host page has none of Dateline's.
    const waiver =
      '<!-- [html-validate-disable-block require-sri, no-inline-style: a snippet for any page] -->'
    return { page, status: res.status, html: hostPage(waiver + html, 'oEmbed host') }
  }
  const isHtml = res.headers.get('content-type')?.startsWith('text/html')
  const body = await res.text()
  return { page, status: res.status, html: isHtml ? body : undefined }
}

/** Runs `task` over `items`, PARALLEL at a time, keeping their order. */
const pooled = async <T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = []
  let next = 0
  const run = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, run))
  return results
}

describe('HTML validity (html-validate, .htmlvalidate.mjs)', () => {
  it('every page in every option is valid HTML', async () => {
    const timeline = (await (
      await fetch(`${worker.origin}/v1/timelines/${TIMELINE}`)
    ).json()) as TimelineJson
    const pages = htmlPages(timeline, worker.origin)
    const rendered = await pooled(pages, render)

    // Every page has its status and is HTML; the URL limits may refuse a payload (problem+json).
    const wrong = rendered.filter(
      (r) => (r.page.status ?? r.status) !== r.status || (r.html === undefined && !r.page.hostile),
    )
    expect(wrong.map((r) => `${r.status} ${r.page.path}`)).toEqual([])

    // One validation per distinct body: most refusals do not echo the value they refuse.
    const distinct = new Map<string, string>()
    for (const r of rendered) if (r.html && !distinct.has(r.html)) distinct.set(r.html, r.page.path)
    // Ids, kinds, languages and errors render apart: far fewer would mean options went unread.
    expect(distinct.size).toBeGreaterThan(150)

    const validator = new HtmlValidate(new FileSystemConfigLoader())
    // A file name in the repository root, so the loader finds .htmlvalidate.mjs there.
    const filename = join(ROOT, 'page.html')
    // One line per rule and message: where it first occurs, and how often in all.
    const problems = new Map<string, { first: string; count: number }>()
    for (const [html, path] of distinct) {
      const report = await validator.validateString(html, filename)
      for (const m of report.results.flatMap((result) => result.messages)) {
        const key = `${m.ruleId}: ${m.message}`
        const seen = problems.get(key)
        if (seen) seen.count++
        else
          problems.set(key, {
            first: `${path} ${m.line}:${m.column} ${m.selector ?? ''}`,
            count: 1,
          })
      }
    }
    console.log(`html-validate: ${distinct.size} distinct pages from ${pages.length} requests`)
    expect([...problems].map(([k, v]) => `${k} at ${v.first} (${v.count} times)`)).toEqual([])
  }, 300_000)
})
