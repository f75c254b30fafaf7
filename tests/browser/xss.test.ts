/**
 * @module tests/browser/xss
 * Every payload of the XSS corpus (tests/fixtures/xss-payloads.ts) through every parameter of
 * every HTML route (the embed page and its options, the landing page, /docs, error pages) and
 * through oEmbed's `url` (its `html` then rendered on a host page of another origin), in real
 * Chromium. For each render:
 * - the sentinel `__xss()` is never called and no dialog opens;
 * - no element or attribute comes from input: the elements (tag + attribute names) are a subset
 *   of those of clean renders of the same route and parameter, no element name holds the
 *   payload's marker, and the marker never sits in an event handler, `style`, `srcdoc` or a URL
 *   attribute with a scheme other than http(s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { hostPage, startHarness, TIMELINE } from './harness.ts'
import type { Harness } from './harness.ts'
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts'
import type { XssPayload } from '../fixtures/xss-payloads.ts'

/** Pages rendering at once: 2 cores, one workerd and Chromium's own processes. */
const PARALLEL = 3

let h: Harness
let ctx: BrowserContext
const pages: Page[] = []
/** Sentinel calls and dialogs, with the URL of the page they happened on. */
const fired: string[] = []

beforeAll(async () => {
  h = await startHarness()
  ctx = await h.browser.newContext()
  await ctx.exposeBinding('__xss', ({ frame }, id: unknown) => {
    fired.push(`__xss(${String(id)}) on ${frame.url().slice(0, 200)}`)
  })
  for (let i = 0; i < PARALLEL; i++) {
    const page = await ctx.newPage()
    page.on('dialog', (dialog) => {
      fired.push(`dialog "${dialog.message()}" on ${page.url().slice(0, 200)}`)
      void dialog.dismiss()
    })
    pages.push(page)
  }
})
afterAll(async () => {
  await ctx?.close()
  await h?.close()
})

interface DomReport {
  /** `tag[attr attr …]` of every element, shadow roots included. */
  shapes: string[]
  /** Places where the marker is more than text. */
  injected: string[]
}

/** Runs in the page: the element shapes and where the marker landed outside text. */
const inspectDom = (marker: string): DomReport => {
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href']
  const shapes: string[] = []
  const injected: string[] = []
  const walk = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase()
      const names = Array.from(el.attributes).map((a) => a.name.toLowerCase())
      shapes.push(`${tag}[${names.sort().join(' ')}]`)
      if (tag.includes(marker)) injected.push(`element <${tag}>`)
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase()
        const value = attr.value.toLowerCase()
        if (name.includes(marker)) injected.push(`attribute name ${name} on <${tag}>`)
        if (name.startsWith('on') && /__xss|alert\(/.test(value)) {
          injected.push(`${name}="${value.slice(0, 80)}" on <${tag}>`)
        }
        if (!value.includes(marker)) continue
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc') {
          injected.push(`${name}="${value.slice(0, 80)}" on <${tag}>`)
        }
        if (URL_ATTRIBUTES.includes(name)) {
          let protocol = 'invalid:'
          try {
            protocol = new URL(attr.value, document.baseURI).protocol
          } catch {}
          if (protocol !== 'http:' && protocol !== 'https:') {
            injected.push(`${name}="${value.slice(0, 80)}" (${protocol}) on <${tag}>`)
          }
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot)
    }
  }
  walk(document)
  return { shapes, injected }
}

const inspect = (frame: Page | Frame, marker: string) =>
  frame.evaluate(inspectDom, marker).catch(() => ({ shapes: [], injected: [] }) as DomReport)

/** Loads a URL and reports on the top document and every frame in it. */
const render = async (page: Page, url: string, marker: string) => {
  await page.goto(url, { waitUntil: 'load' }).catch(() => {})
  // Let autofocus, onfocus and late onerror handlers run.
  await page.waitForTimeout(20)
  const top = await inspect(page, marker)
  const frames = await Promise.all(
    page
      .frames()
      .slice(1)
      .map((f) => inspect(f, marker)),
  )
  return { top, injected: [...top.injected, ...frames.flatMap((f) => f.injected)] }
}

/** Runs `task` over `items` on the shared pages, PARALLEL at a time. */
const onPages = async <T, R>(items: readonly T[], task: (page: Page, item: T) => Promise<R>) => {
  const results: R[] = []
  let next = 0
  await Promise.all(
    pages.map(async (page) => {
      while (next < items.length) {
        const index = next++
        results[index] = await task(page, items[index]!)
      }
    }),
  )
  return results
}

interface Target {
  name: string
  /** The URL that carries `value` (already percent-encoded by the target). */
  url: (value: string) => string
  /** Values whose clean renders define the allowed element shapes. */
  clean: string[]
  /**
   * Skip Chromium for a response byte-identical to one already rendered (a refusal that does not
   * echo the value, a fallback to defaults). Sound only where no script puts the URL's query into
   * the page, which holds for src/client/* (embed.ts only asks whether `from`/`to` are there);
   * fragment targets (read by embed.ts) always render.
   */
  dedupe: boolean
}

/** Clean values every target renders: absent, unknown, malformed, and a NUL (refused by limits). */
const CLEAN = ['', 'zzz', '!!', '\u0000']
/** What Chromium sends when it navigates, so Node fetches the same representation. */
const NAVIGATION_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

/** The response as Chromium would get it, reduced to what decides the DOM. */
const responseKey = async (url: string) => {
  const res = await fetch(url, { headers: { Accept: NAVIGATION_ACCEPT } })
  const h = res.headers
  return [
    res.status,
    h.get('content-type'),
    h.get('content-security-policy'),
    await res.text(),
  ].join('\n')
}

const enc = encodeURIComponent
const W = () => h.workerOrigin

/** Every option of the embed page, with a valid value for its clean render. */
const EMBED_OPTIONS: Record<string, string> = {
  from: '2023-02-18',
  to: '2023-02-22',
  actor: 'wang-yi',
  place: 'moscow',
  kind: 'visit',
  tag: 'zzz',
  status: 'happened',
  q: 'Moscow',
  sort: 'desc',
  limit: '5',
  theme: 'dark',
  lang: 'fr',
  focus: 'zzz',
  lanes: 'kind',
}
/** The landing page's generator options. */
const LANDING_OPTIONS: Record<string, string> = {
  timeline: TIMELINE,
  theme: 'dark',
  lang: 'de',
  from: '2023-02-18',
  to: '2023-02-22',
  actor: 'wang-yi',
  kind: 'visit',
  tag: 'zzz',
  q: 'Moscow',
}

const TARGETS: Target[] = [
  ...Object.entries(EMBED_OPTIONS).map(([name, valid]) => ({
    name: `/embed/{id}?${name}=`,
    url: (v: string) => `${W()}/embed/${TIMELINE}?${name}=${enc(v)}`,
    clean: [...CLEAN, valid],
    dedupe: true,
  })),
  {
    name: '/embed/{id} (error page: the id itself)',
    url: (v) => `${W()}/embed/${enc(v)}`,
    clean: [...CLEAN.slice(1), 'a b'],
    dedupe: true,
  },
  {
    name: '/embed/{id}#fragment (read by the embed script)',
    url: (v) => `${W()}/embed/${TIMELINE}#${enc(v)}`,
    clean: ['', 'zzz', 'event-zzz'],
    dedupe: false,
  },
  ...Object.entries(LANDING_OPTIONS).map(([name, valid]) => ({
    name: `/?${name}= (landing page)`,
    url: (v: string) => `${W()}/?${name}=${enc(v)}`,
    clean: [...CLEAN, valid],
    dedupe: true,
  })),
  { name: '/docs?x=', url: (v) => `${W()}/docs?x=${enc(v)}`, clean: CLEAN, dedupe: true },
  {
    name: '/docs#fragment',
    url: (v) => `${W()}/docs#${enc(v)}`,
    clean: ['', 'zzz'],
    dedupe: false,
  },
  {
    name: '/v1/timelines/{id} (problem page)',
    url: (v) => `${W()}/v1/timelines/${enc(v)}`,
    clean: CLEAN.slice(1),
    dedupe: true,
  },
]

describe.each(TARGETS.map((t) => [t.name, t] as const))('%s', (_name, target) => {
  it(`renders all ${XSS_PAYLOADS.length} payloads inert`, async () => {
    const allowed = new Set<string>()
    const rendered = new Set<string>()
    for (const value of target.clean) {
      const { top } = await render(pages[0]!, target.url(value), 'no-marker')
      for (const shape of top.shapes) allowed.add(shape)
      if (target.dedupe) rendered.add(await responseKey(target.url(value)))
    }
    expect(allowed.size).toBeGreaterThan(0)
    const before = fired.length
    let skipped = 0
    const problems = await onPages(XSS_PAYLOADS, async (page, payload: XssPayload) => {
      if (target.dedupe) {
        const key = await responseKey(target.url(payload.text))
        if (rendered.has(key)) {
          skipped++
          return []
        }
        rendered.add(key)
      }
      const { top, injected } = await render(page, target.url(payload.text), payload.marker)
      const foreign = [...new Set(top.shapes.filter((s) => !allowed.has(s)))]
      return [...injected, ...foreign.map((s) => `new element ${s}`)].map(
        (p) =>
          `#${payload.id} (${payload.context}) ${JSON.stringify(payload.text).slice(0, 80)}: ${p}`,
      )
    })
    expect(fired.slice(before)).toEqual([])
    expect(problems.flat()).toEqual([])
    console.log(`${target.name}: ${XSS_PAYLOADS.length - skipped} distinct responses rendered`)
  })
})

describe('oEmbed url → html rendered on a host page', () => {
  it.each(Object.keys(EMBED_OPTIONS))(`?%s= inside url: all payloads inert`, async (name) => {
    const snippet = async (value: string) => {
      const url = `${W()}/embed/${TIMELINE}?${name}=${enc(value)}`
      const res = await fetch(`${W()}/oembed?url=${enc(url)}`)
      const body = (await res.json()) as { html?: string; status?: number }
      return { status: res.status, html: body.html }
    }
    const host = (key: string, html: string) =>
      h.host.page(`/xss-${name}-${key}.html`, hostPage(`<div id="embed">${html}</div>`))
    const allowed = new Set<string>()
    // The same `html` renders the same DOM: render each distinct snippet once.
    const seen = new Set<string>()
    for (const value of ['', EMBED_OPTIONS[name]!]) {
      const { html } = await snippet(value)
      if (!html) continue
      seen.add(html)
      const { top } = await render(pages[0]!, host(`clean-${enc(value)}`, html), 'no-marker')
      for (const shape of top.shapes) allowed.add(shape)
    }
    expect(allowed.size).toBeGreaterThan(0)
    const before = fired.length
    let rendered = 0
    const problems = await onPages(XSS_PAYLOADS, async (page, payload: XssPayload) => {
      const { status, html } = await snippet(payload.text)
      // A refused url is a 400/404 problem: nothing to paste, nothing to render.
      if (status !== 200) return status < 500 ? [] : [`#${payload.id}: status ${status}`]
      if (seen.has(html!)) return []
      seen.add(html!)
      rendered++
      const { top, injected } = await render(page, host(String(payload.id), html!), payload.marker)
      const foreign = [...new Set(top.shapes.filter((s) => !allowed.has(s)))]
      return [...injected, ...foreign.map((s) => `new element ${s}`)].map(
        (p) => `#${payload.id} ${JSON.stringify(payload.text).slice(0, 80)}: ${p}`,
      )
    })
    expect(fired.slice(before)).toEqual([])
    expect(problems.flat()).toEqual([])
    console.log(
      `oEmbed ?${name}=: ${rendered} of ${XSS_PAYLOADS.length} payloads gave a new snippet, rendered`,
    )
  })
})

it('the corpus has 100+ payloads over every context, and the detector catches a real injection', async () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100)
  expect(new Set(XSS_PAYLOADS.map((p) => p.context)).size).toBe(6)
  // A host page that does echo its input (what the Worker must never do) trips every check.
  const payload = XSS_PAYLOADS.find((p) => p.text.startsWith('<img src=x onerror="'))!
  const url = h.host.page('/xss-control.html', hostPage(`<p>${payload.text}</p>`))
  const before = fired.length
  const { top, injected } = await render(pages[0]!, url, payload.marker)
  expect(fired.length - before).toBe(1)
  expect(injected.join()).toContain('onerror')
  expect(top.shapes).toContain('img[alt onerror src]')
  const clean = await render(
    pages[0]!,
    h.host.page('/xss-clean.html', hostPage('<p>x</p>')),
    'none',
  )
  expect(clean.top.shapes).not.toContain('img[alt onerror src]')
})
