/** @module tests/worker/oembed.test */
import { describe, expect, it } from 'vitest'
import { call, getJson, ORIGIN, TIMELINE } from './helpers.ts'

const EMBED = `${ORIGIN}/embed/${TIMELINE}`
const oembed = (url: string, extra = '') =>
  getJson(`/oembed?url=${encodeURIComponent(url)}${extra}`)

/** The iframe src inside an oEmbed `html`, HTML-unescaped. */
const iframeSrc = (html: string) => {
  const src = /<iframe src="([^"]*)"/.exec(html)?.[1]
  return src?.replaceAll('&amp;', '&')
}

describe('GET /oembed', { timeout: 30_000 }, () => {
  it('answers an embed URL with an oEmbed 1.0 rich response', async () => {
    const { res, body } = await oembed(EMBED, '&format=json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('etag')).toBeTruthy()
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'Dateline',
      provider_url: `${ORIGIN}/`,
      cache_age: 86400,
    })
    expect(body.title).toContain('Wang Yi')
    expect(body.width).toBeGreaterThan(0)
    expect(body.height).toBeGreaterThan(0)
    // The snippet names the language: one URL per language for caches.
    expect(iframeSrc(body.html)).toBe(`${EMBED}?lang=en`)
    expect(body.html).toContain(`title="${body.title}"`)
    expect(body.html).toContain(`<script async src="${ORIGIN}/embed.js"></script>`)
    expect(body.html).toContain('loading="lazy"')
  })

  it('keeps valid embed options, rebuilt in canonical order, and drops everything else', async () => {
    const url = `${EMBED}?utm_source=x&theme=dark&kind=meeting,visit&lang=DE&focus=biden-visits-kyiv&junk="><b>`
    const { res, body } = await oembed(url)
    expect(res.status).toBe(200)
    expect(iframeSrc(body.html)).toBe(
      `${EMBED}?focus=biden-visits-kyiv&kind=meeting%2Cvisit&lang=de&theme=dark`,
    )
    expect(body.html).not.toContain('<b>')
    expect(body.html).not.toContain('utm_source')
  })

  it('accepts the timeline API URL and an event URL (focused on that event)', async () => {
    const timeline = await oembed(`${ORIGIN}/v1/timelines/${TIMELINE}`)
    expect(timeline.res.status).toBe(200)
    expect(iframeSrc(timeline.body.html)).toBe(`${EMBED}?lang=en`)
    const event = await oembed(`${ORIGIN}/v1/timelines/${TIMELINE}/events/biden-visits-kyiv`)
    expect(event.res.status).toBe(200)
    expect(iframeSrc(event.body.html)).toBe(`${EMBED}?focus=biden-visits-kyiv&lang=en`)
    const fragment = await oembed(`${EMBED}#event-wang-yi-meets-lavrov`)
    expect(iframeSrc(fragment.body.html)).toBe(`${EMBED}?focus=wang-yi-meets-lavrov&lang=en`)
  })

  it('answers in the language of the embed URL, title included', async () => {
    const { body } = await oembed(`${EMBED}?lang=uk`)
    expect(iframeSrc(body.html)).toBe(`${EMBED}?lang=uk`)
    expect(body.title).toContain('Ван І')
  })

  it('keeps width and height within maxwidth and maxheight', async () => {
    for (const [w, h] of [
      [300, 200],
      [1, 1],
      [5000, 9000],
      [640, 800],
    ]) {
      const { res, body } = await oembed(EMBED, `&maxwidth=${w}&maxheight=${h}`)
      expect(res.status).toBe(200)
      expect(body.width).toBeLessThanOrEqual(w!)
      expect(body.height).toBeLessThanOrEqual(h!)
      expect(body.html).toContain(`width="${body.width}" height="${body.height}"`)
    }
  })

  const HOSTILE = [
    'https://evil.example/embed/wang-yi-moscow-2023',
    `http://dateline.test/embed/${TIMELINE}`,
    `https://dateline.test:8443/embed/${TIMELINE}`,
    `https://dateline.test.evil.example/embed/${TIMELINE}`,
    `https://evil.example/?u=${EMBED}`,
    `https://user:pass@dateline.test/embed/${TIMELINE}`,
    `https://dateline.test@evil.example/embed/${TIMELINE}`,
    `https://evil.example\\@dateline.test/embed/${TIMELINE}`,
    `https:\\\\evil.example\\embed\\${TIMELINE}`,
    `//dateline.test/embed/${TIMELINE}`,
    `/embed/${TIMELINE}`,
    `embed/${TIMELINE}`,
    'javascript:alert(document.domain)//https://dateline.test/embed/x',
    `javascript://dateline.test/embed/${TIMELINE}%0aalert(1)`,
    `data:text/html,<script>alert(1)</script>`,
    `https://dateline.test/embed/../v1/timelines/${TIMELINE}`,
    `https://dateline.test/embed/%2e%2e/v1/timelines/${TIMELINE}`,
    `https://dateline.test/v1/timelines/x/../${TIMELINE}`,
    `https://dateline.test/embed/${TIMELINE}%2F..%2Fx`,
    `https://dateline.test/embed/wang-yi-moscow-2023%00`,
    `https://dateline.test/embed/no-such-timeline`,
    `https://dateline.test/embed/`,
    `https://dateline.test/embed/${TIMELINE}/extra`,
    `https://dateline.test/v1/timelines/${TIMELINE}/events/no-such-event`,
    `https://dateline.test/v1/actors/wang-yi`,
    `https://dateline.test/oembed?url=${EMBED}`,
    `https://dateline.test/`,
    `ftp://dateline.test/embed/${TIMELINE}`,
    `https://xn--dateline-.test/embed/${TIMELINE}`,
    `https://dateline.test./embed/${TIMELINE}`,
    ' ',
  ]
  for (const url of HOSTILE) {
    it(`refuses ${JSON.stringify(url).slice(0, 70)} with a 404 problem`, async () => {
      const { res, body } = await oembed(url)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(JSON.stringify(body)).not.toContain('<script')
    })
  }

  it('refuses very long URLs without a 500', async () => {
    const long = await oembed(`${EMBED}?q=${'a'.repeat(3000)}`)
    expect([400, 414]).toContain(long.res.status)
    const longish = await oembed(`${EMBED}?q=${'a'.repeat(1000)}`)
    expect(longish.res.status).toBe(400)
    expect(longish.body.parameter).toBe('url')
  })

  it('answers an embed URL with invalid options with a 400 naming url', async () => {
    const { res, body } = await oembed(`${EMBED}?kind=<script>`)
    expect(res.status).toBe(400)
    expect(body.detail).toContain('"kind"')
    expect(body.detail).not.toContain('<script')
  })

  it('implements JSON only: format=xml is a 501', async () => {
    expect((await oembed(EMBED, '&format=xml')).res.status).toBe(501)
    expect((await oembed(EMBED, '&format=yaml')).res.status).toBe(501)
  })

  for (const [name, value] of [
    ['maxwidth', 'abc'],
    ['maxwidth', '0'],
    ['maxwidth', '-5'],
    ['maxwidth', '1.5'],
    ['maxwidth', '1e3'],
    ['maxwidth', '99999999'],
    ['maxheight', '%3Cscript%3E'],
    ['maxheight', ''],
    ['maxwidth', '10&maxwidth=20'],
  ] as const) {
    it(`answers ${name}=${value} with a 400 problem`, async () => {
      const { res, body } = await oembed(EMBED, `&${name}=${value}`)
      expect(res.status).toBe(400)
      expect(body.parameter).toBe(name)
      expect(JSON.stringify(body)).not.toContain('<script')
    })
  }

  it('requires url, once', async () => {
    const missing = await getJson('/oembed')
    expect(missing.res.status).toBe(400)
    expect(missing.body.parameter).toBe('url')
    const twice = await call(
      `/oembed?url=${encodeURIComponent(EMBED)}&url=${encodeURIComponent(EMBED)}`,
    )
    expect(twice.status).toBe(400)
  })
})
