/**
 * @module http/response-cache
 * The outermost layer: a successful GET is kept per isolate as its final bytes and headers, keyed
 * by the exact URL and `Accept`, so a repeated request skips routing, validation, middleware and
 * UTF-8 encoding. Every 200 the app sends carries a strong ETag derived from the data build and
 * its bytes (see representation.ts), so a kept response stays right for the life of the isolate.
 */
import type { MiddlewareHandler } from 'hono'
import { ifNoneMatchHits } from './representation.ts'

export interface ResponseCacheOptions {
  /** Responses kept; the oldest is dropped first. */
  maxEntries?: number
  /** Bodies larger than this are not kept (they would crowd out everything else). */
  maxBodyBytes?: number
}

interface CachedResponse {
  body: ArrayBuffer
  etag: string
  headers: [string, string][]
  /** The same headers without the body's metadata, for 304 answers. */
  notModifiedHeaders: [string, string][]
}

/** Headers that describe the body, and so have no place on a 304 (RFC 9110 §15.4.5). */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-disposition'])

/**
 * Serves repeated GETs and HEADs from memory, answering `If-None-Match` with 304.
 * @example app.use(responseCache({ maxEntries: 1000 }))
 */
export const responseCache = (options: ResponseCacheOptions = {}): MiddlewareHandler => {
  const maxEntries = options.maxEntries ?? 1_000
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000
  const entries = new Map<string, CachedResponse>()
  return async function responseCache(c, next) {
    const method = c.req.method
    if (method !== 'GET' && method !== 'HEAD') return next()
    const key = `${c.req.url}\n${c.req.header('Accept') ?? ''}`
    const hit = entries.get(key)
    if (hit) {
      const fresh = ifNoneMatchHits(c.req.header('If-None-Match'), hit.etag)
      return new Response(fresh ? null : hit.body, {
        status: fresh ? 304 : 200,
        headers: fresh ? hit.notModifiedHeaders : hit.headers,
      })
    }
    await next()
    const res = c.res
    const etag = res.headers.get('ETag')
    if (res.status !== 200 || !etag) return
    const body = await res.clone().arrayBuffer()
    if (body.byteLength > maxBodyBytes) return
    const headers = [...res.headers]
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    entries.set(key, {
      body,
      etag,
      headers,
      notModifiedHeaders: headers.filter(([name]) => !BODY_HEADERS.has(name)),
    })
  }
}
