/**
 * @module tests/worker/response-cache.test
 * The response cache answers a repeated request with the very bytes and headers of the first,
 * keeps `Accept` variants apart, honours If-None-Match, and never keeps errors.
 */
import { describe, expect, it } from 'vitest'
import { call, TIMELINE } from './helpers.ts'

const headersOf = (res: Response) => Object.fromEntries(res.headers)

describe('response cache', () => {
  it('repeats the first answer byte for byte, headers included', async () => {
    const path = `/v1/timelines/${TIMELINE}/events?kind=visit&sort=desc`
    const first = await call(path)
    const firstBody = await first.text()
    const second = await call(path)
    expect(await second.text()).toBe(firstBody)
    expect(headersOf(second)).toEqual(headersOf(first))
  })

  it('keeps representations chosen by Accept apart', async () => {
    const path = `/v1/timelines/${TIMELINE}/events?kind=meeting`
    const json = await call(path, { headers: { Accept: 'application/json' } })
    const ics = await call(path, { headers: { Accept: 'text/calendar' } })
    const jsonAgain = await call(path, { headers: { Accept: 'application/json' } })
    expect(ics.headers.get('Content-Type')).toMatch(/^text\/calendar/)
    expect(jsonAgain.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(jsonAgain.headers.get('ETag')).toBe(json.headers.get('ETag'))
    expect(ics.headers.get('ETag')).not.toBe(json.headers.get('ETag'))
  })

  it('answers If-None-Match from the cache with a bodiless 304', async () => {
    const path = `/v1/timelines/${TIMELINE}/events?kind=call`
    const etag = (await call(path)).headers.get('ETag')!
    await call(path)
    const res = await call(path, { headers: { 'If-None-Match': etag } })
    expect(res.status).toBe(304)
    expect(res.headers.get('ETag')).toBe(etag)
    expect(res.headers.get('Content-Type')).toBeNull()
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(await res.text()).toBe('')
  })

  it('answers HEAD from the cache without a body', async () => {
    const path = `/v1/places/moscow`
    const get = await call(path)
    const head = await call(path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('ETag')).toBe(get.headers.get('ETag'))
    expect(await head.text()).toBe('')
  })

  it('relies on workerd copying a Response body at construction (transient bodies)', async () => {
    // http/body.ts writes bodies the cache does not keep into one reused buffer.
    const scratch = new Uint8Array(4096).fill(0x61)
    const res = new Response(scratch.subarray(0, 3000))
    scratch.fill(0x62)
    expect(await res.text()).toBe('a'.repeat(3000))
  })

  it('answers never-seen queries, asked at once and again, each with its own bytes', async () => {
    const paths = ['q=moscow', 'q=munich', 'q=moscow&limit=1', 'sort=desc&limit=2'].map(
      (q) => `/v1/timelines/${TIMELINE}/events?${q}&fields=id`,
    )
    const first = await Promise.all(paths.map(async (p) => (await call(p)).text()))
    const again = await Promise.all(paths.map(async (p) => (await call(p)).text()))
    expect(again).toEqual(first)
    expect(new Set(first).size).toBe(paths.length)
  })

  it('does not keep errors', async () => {
    const first = await call('/v1/timelines/nope')
    const second = await call('/v1/timelines/nope')
    expect(first.status).toBe(404)
    expect(second.status).toBe(404)
    expect(second.headers.get('ETag')).toBeNull()
  })
})
