/**
 * @module tests/worker/card
 * `GET /v1/timelines/{id}/card.png` in workerd: the PNG that scripts/build-cards.ts rendered,
 * 1200 × 630 by its own header, sent with a strong ETag (a 304 for it), the long cache life of a
 * build-time file, the data routes' security headers, and the one problem path for errors.
 */
import { describe, expect, it } from 'vitest'
import { call, TIMELINE } from './helpers.ts'
import { BUILD_ASSET_CACHE_CONTROL } from '../../src/http/send.ts'
import { API_CSP } from '../../src/http/security.ts'
import { cardPath } from '../../src/urls.ts'

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
