/**
 * @module tests/worker/embed-sources.test
 * `GET /embed/{id}/sources`: every shown event's quotes, glosses and notes as a page, which a
 * translated embed links to from each event (and its script fetches), and the embed pages that
 * link to it.
 */
import { describe, expect, it } from 'vitest'
import { call, getJson, ORIGIN, sha256, TIMELINE } from './helpers.ts'
import { SHIPPED_CITATIONS } from '../fixtures/dataset.ts'

const SOURCES = `/embed/${TIMELINE}/sources`

const sections = (html: string) =>
  [...html.matchAll(/<section id="sources-([a-z0-9-]+)"/g)].map((m) => m[1])

describe('GET /embed/{id}/sources', { timeout: 30_000 }, () => {
  it('lists every event’s sources and notes in order, each under a link back to its event', async () => {
    const res = await call(`${SOURCES}?lang=de`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-language')).toBe('de-t-en-t0-und')
    expect(res.headers.get('cache-tag')).toContain('kind:embed-sources')
    const html = await res.text()
    const { body } = await getJson(`/v1/timelines/${TIMELINE}`)
    const ids = body.events.map((e: any) => e.id)
    expect(sections(html)).toEqual(ids)
    for (const id of ids)
      expect(html).toContain(`href="/embed/${TIMELINE}?lang=de#event-${id}" target="_self"`)
    // Quotes verbatim and tagged English, each glossed; the notes in German.
    expect(html.match(/<blockquote>/g)).toHaveLength(SHIPPED_CITATIONS)
    expect(html.match(/<p lang="en" dir="auto">“/g)).toHaveLength(SHIPPED_CITATIONS)
    expect(html.match(/<p class="gl">/g)).toHaveLength(SHIPPED_CITATIONS)
    expect(html).toContain('Zurück zur Zeitleiste')
  })

  it('lists the original’s sources without glosses, and follows the embed’s filters', async () => {
    const original = await (await call(SOURCES)).text()
    expect(original.match(/<blockquote>/g)).toHaveLength(SHIPPED_CITATIONS)
    expect(original).not.toContain('class="gl"')
    const visits = await (await call(`${SOURCES}?kind=visit&lang=fr`)).text()
    const { body } = await getJson(`/v1/timelines/${TIMELINE}/events?kind=visit&limit=500`)
    expect(sections(visits)).toEqual(body.items.map((e: any) => e.id))
  })

  it('runs only the scripts its CSP hashes, and may fetch from its own origin alone', async () => {
    const res = await call(`/embed/${TIMELINE}?lang=ru`)
    const html = await res.text()
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("connect-src 'self'")
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    // A translation carries the sources loader before the page's script; the original does not.
    expect(scripts).toHaveLength(2)
    for (const script of scripts) expect(csp).toContain(await sha256(script))
    const original = await (await call(`/embed/${TIMELINE}`)).text()
    expect(original.match(/<script>/g)).toHaveLength(1)
  })

  it('is linked from each event of a translated embed, with the embed’s options but focus', async () => {
    const html = await (
      await call(`/embed/${TIMELINE}?lang=uk&theme=dark&kind=visit&focus=wang-yi-visits-russia`)
    ).text()
    // As written in an attribute: `&` escaped.
    const href = `${ORIGIN}${SOURCES}?kind=visit&amp;lang=uk&amp;theme=dark`
    const links = [...html.matchAll(/<details data-src="([^"]+)">/g)].map((m) => m[1])
    expect(links.length).toBeGreaterThan(0)
    expect(new Set(links)).toEqual(new Set([href]))
    expect(html).toContain(`<a href="${href}#sources-wang-yi-visits-russia" target="_self">`)
  })

  it('answers an unknown timeline or a bad filter with the reader’s error page', async () => {
    const missing = await call('/embed/nope/sources?lang=de')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await missing.text()).toContain('Diese Zeitleiste gibt es nicht.')
    const bad = await call(`${SOURCES}?from=yesterday`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).not.toContain('yesterday')
  })

  it('negotiates Accept-Language without lang, and says it varies on it', async () => {
    const res = await call(SOURCES, { headers: { 'Accept-Language': 'zh-Hans-CN' } })
    expect(res.headers.get('content-language')).toBe('zh-t-en-t0-und')
    expect(res.headers.get('vary')).toMatch(/Accept-Language/)
    expect(await res.text()).toContain('返回时间线')
  })
})
