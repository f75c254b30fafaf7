/**
 * @module tests/worker/http.test
 * HTTP semantics shared by every JSON resource: ETags and conditional requests, caching, CORS,
 * HEAD, 404 and 405.
 */
import { describe, expect, it } from 'vitest'
import { call, TIMELINE } from './helpers.ts'

const RESOURCES = [
  '/v1',
  '/v1/timelines',
  `/v1/timelines/${TIMELINE}`,
  `/v1/timelines/${TIMELINE}/events?kind=visit`,
  `/v1/timelines/${TIMELINE}/events/biden-visits-kyiv`,
  '/v1/actors',
  '/v1/actors/wang-yi',
  '/v1/places',
  '/v1/places/moscow',
]

describe('ETag and If-None-Match', () => {
  it.each(RESOURCES)('%s has a strong ETag, stable across requests', async (path) => {
    const a = await call(path)
    const b = await call(path)
    expect(a.status).toBe(200)
    const etag = a.headers.get('ETag')!
    expect(etag).toMatch(/^"[^"]+"$/)
    expect(b.headers.get('ETag')).toBe(etag)
    expect(a.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/)
  })

  it('differs between different bodies', async () => {
    const tags = await Promise.all(RESOURCES.map(async (p) => (await call(p)).headers.get('ETag')))
    expect(new Set(tags).size).toBe(RESOURCES.length)
  })

  it('answers a matching tag, a W/ tag, a list and * with 304 and no body', async () => {
    const path = RESOURCES[3]!
    const etag = (await call(path)).headers.get('ETag')!
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const res = await call(path, { headers: { 'If-None-Match': header } })
      expect(res.status, header).toBe(304)
      expect(res.headers.get('ETag')).toBe(etag)
      expect(await res.text()).toBe('')
    }
    const miss = await call(path, { headers: { 'If-None-Match': '"other"' } })
    expect(miss.status).toBe(200)
  })

  it('puts no ETag on errors, and errors are cached briefly', async () => {
    for (const path of [
      '/v1/timelines/nope',
      `/v1/timelines/${TIMELINE}/events?limit=0`,
      '/nowhere',
    ]) {
      const res = await call(path)
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.headers.get('ETag')).toBeNull()
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
    }
  })
})

describe('CORS', () => {
  it('is open for GET with *, never echoing the Origin, without credentials', async () => {
    const res = await call('/v1/timelines', { headers: { Origin: 'https://evil.example' } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('ETag')
  })

  it('answers a preflight for GET and HEAD', async () => {
    const res = await call('/v1/timelines', {
      method: 'OPTIONS',
      headers: { Origin: 'https://site.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('HEAD')
  })
})

describe('HEAD', () => {
  it.each(RESOURCES)('%s answers HEAD with GET’s status and headers and no body', async (path) => {
    const get = await call(path)
    const head = await call(path, { method: 'HEAD' })
    expect(head.status).toBe(get.status)
    for (const name of ['content-type', 'etag', 'cache-control', 'link']) {
      expect(head.headers.get(name), name).toBe(get.headers.get(name))
    }
    expect(await head.text()).toBe('')
  })
})

describe('wrong method and unknown path', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])(
    '%s on a resource → 405 with Allow',
    async (method) => {
      const res = await call(`/v1/timelines/${TIMELINE}`, { method })
      expect(res.status).toBe(405)
      expect(res.headers.get('Allow')).toBe('GET, HEAD')
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await res.json()).toMatchObject({ status: 405, title: 'Method not allowed' })
    },
  )

  it('a path that does not exist → 404 problem', async () => {
    const res = await call('/v2/timelines')
    expect(res.status).toBe(404)
    const body = (await res.json()) as any
    expect(body).toMatchObject({ status: 404, title: 'Not found', instance: '/v2/timelines' })
    expect(body.type).toMatch(/\/docs#problem-not-found$/)
  })

  it('a 404 for a POST to a missing path stays a 404', async () => {
    expect((await call('/nowhere', { method: 'POST' })).status).toBe(404)
  })
})
