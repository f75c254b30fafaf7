/** @module tests/worker/embed.test */
import { describe, expect, it } from 'vitest'
import { call, getJson, ORIGIN, sha256, TIMELINE } from './helpers.ts'

const PAGE = `/embed/${TIMELINE}`

const page = async (query = '') => {
  const res = await call(`${PAGE}${query}`)
  return { res, html: await res.text() }
}
const articles = (html: string) =>
  [...html.matchAll(/<article id="event-([a-z0-9-]+)"/g)].map((m) => m[1])
const article = (html: string, id: string) => {
  const start = html.indexOf(`<article id="event-${id}"`)
  return html.slice(start, html.indexOf('</article>', start))
}

describe('GET /embed/{id}', { timeout: 30_000 }, () => {
  it('serves the whole timeline as HTML, every event an article in chronological order', async () => {
    const { res, html } = await page()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const { body } = await getJson(`/v1/timelines/${TIMELINE}`)
    expect(articles(html)).toEqual(body.events.map((e: any) => e.id))
    expect(html).toMatch(/^<!doctype html><html lang="en" data-theme="auto"/)
    expect(html).toContain('tabindex="0"')
  })

  it('may be framed by anyone, under a strict CSP that hashes its one style and one script', async () => {
    const { res, html } = await page()
    const csp = res.headers.get('content-security-policy')!
    expect(res.headers.get('x-frame-options')).toBeNull()
    expect(csp).toContain('frame-ancestors *')
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("form-action 'self'")
    expect(csp).toContain("img-src 'self' data:")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
    expect(scripts).toHaveLength(1)
    expect(styles).toHaveLength(1)
    expect(csp).toContain(`script-src ${await sha256(scripts[0]!)}`)
    expect(csp).toContain(`style-src ${await sha256(styles[0]!)}`)
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*stylesheet|style="| on[a-z]+="/)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
  })

  it('shows dates at their precision, spans, approximate dates, places, people and status', async () => {
    const { html } = await page()
    expect(article(html, 'wang-yi-appointed-foreign-policy-chief')).toContain(
      '<time datetime="2023-01">January 2023</time>',
    )
    expect(article(html, 'russia-invades-ukraine')).toContain('>Feb 24, 2022</time>')
    expect(article(html, 'wang-yi-european-tour')).toMatch(/>Feb 14 – 22, 2023<\/time>/)
    // Approximate dates use the data's own wording in its language…
    expect(article(html, 'wang-yi-visits-france')).toContain('Around 14–15 February 2023')
    const putin = article(html, 'putin-meets-wang-yi')
    expect(putin).toContain('<span class="st">Possible</span>')
    expect(putin).toContain('Moscow')
    expect(putin).toContain('Vladimir Putin')
    expect(article(html, 'biden-visits-kyiv')).not.toContain('class="st"')
    const speech = article(html, 'wang-yi-msc-speech')
    expect(speech).toContain('<details><summary>Sources and notes (4)</summary>')
    expect(speech).toMatch(/CNN, <cite><a href="https:\/\/www\.cnn\.com\/[^"]+" target="_blank"/)
    expect(speech).toContain('<b>Correction:</b>')
    expect(article(html, 'russia-invades-ukraine')).toContain('<b>Context:</b>')
  })

  it('formats dates and interface words in the requested language', async () => {
    const de = (await page('?lang=de')).html
    expect(article(de, 'wang-yi-appointed-foreign-policy-chief')).toContain('Januar 2023')
    // The content is German too (data/translations), so its own date wording is used…
    expect(article(de, 'wang-yi-visits-france')).toMatch(/>Um den 14\.–15\. Februar 2023</)
    expect(de).toContain('<dt>Orte</dt>')
    expect(de).toContain('<html lang="de-t-en-t0-und"')
    // …and "ca." plus a formatted range where the content is not in the asked language.
    const at = (await page('?lang=de-AT')).html
    expect(article(at, 'russia-invades-ukraine')).toContain('24. Feb. 2022')
    for (const [lang, word] of [
      ['fr', 'Lieux'],
      ['ru', 'Места'],
      ['uk', 'Місця'],
      ['zh-Hans-CN', '地点'],
    ]) {
      expect((await page(`?lang=${lang}`)).html).toContain(word)
    }
    // A language without strings gets its dates and English words.
    const pt = (await page('?lang=pt-BR')).html
    expect(pt).toContain('<dt>Places</dt>')
    expect(article(pt, 'wang-yi-appointed-foreign-policy-chief')).toContain('janeiro de 2023')
  })

  it('applies the API filters, sort and limit', async () => {
    const visits = articles((await page('?kind=visit')).html)
    expect(visits.length).toBeGreaterThan(3)
    const { body } = await getJson(`/v1/timelines/${TIMELINE}/events?kind=visit`)
    expect(visits).toEqual(body.items.map((e: any) => e.id))
    const filtered = articles((await page('?from=2023-02-20&to=2023-02-20&actor=wang-yi')).html)
    const api = await getJson(
      `/v1/timelines/${TIMELINE}/events?from=2023-02-20&to=2023-02-20&actor=wang-yi`,
    )
    expect(filtered).toEqual(api.body.items.map((e: any) => e.id))
    expect(articles((await page('?q=munich&tag=diplomacy')).html).length).toBeGreaterThan(0)
    const all = articles((await page()).html)
    expect(articles((await page('?sort=desc')).html)).toEqual(all.toReversed())
    const limited = await page('?sort=desc&limit=3')
    expect(articles(limited.html)).toEqual(all.toReversed().slice(0, 3))
    expect(limited.html).toContain(`Showing 3 of ${all.length} events.`)
    // Links name the language explicitly, so each language is its own URL.
    expect(limited.html).toContain(`href="/embed/${TIMELINE}?lang=en&amp;sort=desc"`)
  })

  it('marks the focused event and ignores focus on an unknown one', async () => {
    const { html } = await page('?focus=biden-visits-kyiv')
    expect(article(html, 'biden-visits-kyiv')).toContain('aria-current="true"')
    expect(html.match(/aria-current="true"/g)).toHaveLength(1)
    const unknown = await page('?focus=no-such-event')
    expect(unknown.res.status).toBe(200)
    expect(unknown.html).not.toContain('aria-current="true"')
  })

  it('sets the theme on <html>, falling back to auto', async () => {
    expect((await page('?theme=dark')).html).toContain('data-theme="dark"')
    expect((await page('?theme=light')).html).toContain('data-theme="light"')
    expect((await page('?theme=neon')).html).toContain('data-theme="auto"')
  })

  it('advertises its oEmbed endpoint', async () => {
    const { html } = await page('?theme=dark')
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(
      html,
    )?.[1]
    expect(href).toBeDefined()
    const url = new URL(href!.replaceAll('&amp;', '&'))
    expect(url.origin + url.pathname).toBe(`${ORIGIN}/oembed`)
    expect(url.searchParams.get('url')).toBe(`${ORIGIN}${PAGE}?lang=en&theme=dark`)
    const { res, body } = await getJson(url.pathname + url.search)
    expect(res.status).toBe(200)
    expect(body.type).toBe('rich')
  })

  it('answers If-None-Match with 304 and ignores parameters it does not know', async () => {
    const first = await call(`${PAGE}?theme=dark`)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"/)
    const again = await call(`${PAGE}?theme=dark&utm_source=news`, {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('answers an unknown timeline with a 404 HTML page under the same CSP', async () => {
    const res = await call('/embed/no-such-timeline?lang=de')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(await res.text()).toContain('Diese Zeitleiste gibt es nicht.')
  })
})

describe('GET /embed/{id} with bad option values', () => {
  const PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
  const enc = encodeURIComponent(PAYLOAD)
  /** Selection options: a 400 page naming the option. */
  const BAD_SELECTION: [string, string][] = [
    ['from', '2023-13-01'],
    ['from', '2023-02-30'],
    ['from', enc],
    ['to', 'yesterday'],
    ['to', enc],
    ['actor', 'Wang Yi'],
    ['actor', enc],
    ['place', enc],
    ['kind', 'party'],
    ['kind', enc],
    ['tag', 'BAD!'],
    ['status', 'rumoured'],
    ['sort', 'sideways'],
    ['sort', enc],
    ['limit', '0'],
    ['limit', '-1'],
    ['limit', '1e3'],
    ['limit', '99999'],
    ['limit', enc],
    ['q', 'x'.repeat(300)],
    ['q', `${enc}&q=twice`],
    ['kind', ','],
  ]
  for (const [name, value] of BAD_SELECTION) {
    it(`${name}=${value.slice(0, 30)} → 400 HTML naming "${name}", nothing reflected`, async () => {
      const res = await call(`${PAGE}?${name}=${value}&theme=dark`)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'sha256-/)
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *')
      const html = await res.text()
      expect(html).toContain(`&quot;${name}&quot;`)
      expect(html).toContain('data-theme="dark"')
      expect(html).not.toContain('alert(')
      expect(html).not.toContain('<img')
      expect(html).not.toContain('xxxxxxxxxx')
    })
  }

  /** Presentation options: the default, never an error. */
  const BAD_PRESENTATION: [string, string, string][] = [
    ['theme', enc, 'data-theme="auto"'],
    ['theme', 'dark&theme=light', 'data-theme="auto"'],
    ['lang', enc, '<dt>Places</dt>'],
    ['lang', 'x'.repeat(100), '<dt>Places</dt>'],
    ['lang', 'en-', '<dt>Places</dt>'],
    ['lang', '%E0%A4%A', '<dt>Places</dt>'],
    ['focus', enc, 'data-tl='],
    ['focus', '../../etc', 'data-tl='],
  ]
  for (const [name, value, marker] of BAD_PRESENTATION) {
    it(`${name}=${value.slice(0, 30)} → the default, nothing reflected`, async () => {
      const res = await call(`${PAGE}?${name}=${value}`)
      expect(res.status).toBeLessThan(500)
      const html = await res.text()
      expect(html).not.toContain('alert(')
      expect(html).not.toContain('<img')
      if (res.status === 200) {
        expect(html).toContain(marker)
        expect(html).not.toContain('aria-current="true"')
      }
    })
  }
})

describe('GET /embed.js', () => {
  it('is cacheable JavaScript any origin may load', async () => {
    const res = await call('/embed.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cache-control')).toMatch(
      /public, max-age=86400, stale-while-revalidate=\d+/,
    )
    const body = await res.text()
    expect(body).toContain('dateline:resize')
    expect(body).toContain('dateline-timeline')
    const etag = res.headers.get('etag')!
    expect((await call('/embed.js', { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })
})
