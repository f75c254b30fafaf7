/**
 * @module tests/worker/card
 * `GET /v1/timelines/{id}/card.png` in workerd: the PNG that scripts/build-cards.ts rendered,
 * 1200 × 630 by its own header, sent with a strong ETag (a 304 for it), the long cache life of a
 * build-time file, the data routes' security headers, and the one problem path for errors; and
 * the link-preview tags (Open Graph, `twitter:card`) of the embed and landing pages pointing at it.
 */
import { describe, expect, it } from 'vitest'
import { call, ORIGIN, TIMELINE } from './helpers.ts'
import { DATA } from '../fixtures/dataset.ts'
import { BUILD_ASSET_CACHE_CONTROL } from '../../src/http/send.ts'
import { API_CSP } from '../../src/http/security.ts'
import { cardPath, embedPath } from '../../src/urls.ts'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
const pngSize = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

describe('GET card.png', () => {
  it('is a 1200 × 630 PNG with a strong ETag and a long cache life', async () => {
    const res = await call(cardPath(TIMELINE))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe(BUILD_ASSET_CACHE_CONTROL)
    expect(res.headers.get('content-security-policy')).toBe(API_CSP)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
    expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('IHDR')
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 })
    expect(Number(res.headers.get('content-length') ?? bytes.length)).toBe(bytes.length)
    // Big enough to be a picture, small enough for a feed (and the cache budget).
    expect(bytes.length).toBeGreaterThan(10_000)
    expect(bytes.length).toBeLessThan(300_000)

    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"[^"]+"$/)
    const again = await call(cardPath(TIMELINE), { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    const head = await call(cardPath(TIMELINE), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('answers an unknown timeline with 404 and a query with 400, as problems', async () => {
    const missing = await call(cardPath('nope'))
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const query = await call(`${cardPath(TIMELINE)}?size=small`)
    expect(query.status).toBe(400)
    expect(query.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })
})

/** The `og:*` and `twitter:*` tags of an HTML response, read with workerd's HTMLRewriter. */
const previewTags = async (res: Response): Promise<Record<string, string>> => {
  const tags: Record<string, string> = {}
  await new HTMLRewriter()
    .on('meta', {
      element(el) {
        const key = el.getAttribute('property') ?? el.getAttribute('name') ?? ''
        // HTMLRewriter hands attributes over as written: undo the escaping hono/jsx does.
        const content = (el.getAttribute('content') ?? '').replace(
          /&(amp|quot|lt|gt|#39);/g,
          (_, e: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[e]!,
        )
        if (/^(og|twitter):/.test(key)) tags[key] = content
      },
    })
    .transform(res)
    .text()
  return tags
}

describe('link previews', () => {
  const expectCard = async (tags: Record<string, string>) => {
    expect(tags['og:image']).toBe(`${ORIGIN}${cardPath(TIMELINE)}`)
    expect(tags['og:image:width']).toBe('1200')
    expect(tags['og:image:height']).toBe('630')
    expect(tags['og:image:alt']).toMatch(/\S/)
    expect(tags['twitter:card']).toBe('summary_large_image')
    expect(tags['og:type']).toBe('website')
    const image = await call(new URL(tags['og:image']!).pathname)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    await image.arrayBuffer()
  }

  it('the embed page names its title, description, canonical URL and card', async () => {
    const timeline = DATA.timelines.get(TIMELINE)!.meta
    // Options in any order and spelling: og:url is the canonical embed URL, in an explicit language.
    const res = await call(`/embed/${TIMELINE}?theme=dark&kind=visit`)
    const tags = await previewTags(res)
    expect(tags['og:title']).toBe(timeline.title)
    expect(tags['og:description']).toBe(timeline.description)
    expect(tags['og:url']).toBe(
      `${ORIGIN}${embedPath(TIMELINE, { kind: ['visit'], theme: 'dark', lang: 'en' })}`,
    )
    await expectCard(tags)
  })

  it('the landing page previews as the featured timeline’s card', async () => {
    const res = await call('/?theme=dark', { headers: { Accept: 'text/html' } })
    const tags = await previewTags(res)
    expect(tags['og:title']).toMatch(/^Dateline/)
    expect(tags['og:description']).toMatch(/\S/)
    expect(tags['og:url']).toBe(`${ORIGIN}/`)
    await expectCard(tags)
  })
})
