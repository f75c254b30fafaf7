/**
 * @module http/representation
 * Serialize once, serve many: a response body, its strong ETag and headers are built the first
 * time a (data version, canonical request) pair is asked for and kept in a bounded per-isolate
 * cache. Later requests cost a map lookup, and `If-None-Match` is answered with 304.
 */
import type { Context } from 'hono'
import { DATA } from '../data.ts'

export interface Representation {
  body: string
  /** Strong validator: the data version and a hash of these exact bytes. */
  etag: string
  contentType: string
  headers: Record<string, string>
}

export interface RepresentationInit {
  body: string
  contentType: string
  headers?: Record<string, string>
}

/** Entries kept per isolate; the oldest is dropped first (insertion order of a Map). */
export const MAX_CACHED_REPRESENTATIONS = 2_000
/** Bodies larger than this are rebuilt per request rather than pinned in memory. */
export const MAX_CACHED_BODY_CHARS = 2_000_000

/** Successful answers: browsers revalidate after 5 minutes, edge caches keep a day. */
export const SUCCESS_CACHE_CONTROL =
  'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400'

const cache = new Map<string, Representation>()

/** cyrb53: a fast 53-bit string hash; good enough to tell two bodies of one data version apart. */
const hash53 = (text: string): string => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/**
 * The representation for `key`, built by `build` on first use only.
 * @example const rep = representation(`timeline:${id}`, () => ({ body, contentType: JSON_TYPE }))
 */
export const representation = (key: string, build: () => RepresentationInit): Representation => {
  const hit = cache.get(key)
  if (hit) return hit
  const init = build()
  const rep: Representation = {
    body: init.body,
    etag: `"${DATA.version}-${hash53(init.body)}"`,
    contentType: init.contentType,
    headers: init.headers ?? {},
  }
  if (init.body.length <= MAX_CACHED_BODY_CHARS) {
    if (cache.size >= MAX_CACHED_REPRESENTATIONS) cache.delete(cache.keys().next().value!)
    cache.set(key, rep)
  }
  return rep
}

/**
 * Whether an `If-None-Match` header matches an ETag (weak comparison, RFC 9110 §13.1.2):
 * `*`, a list, and `W/` tags all count.
 */
export const ifNoneMatchHits = (header: string | undefined, etag: string): boolean => {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque)
}

/**
 * Sends a representation: 200 with body, or 304 when the client's copy is current.
 * @example return send(c, representation(key, build))
 */
export const send = (
  c: Context,
  rep: Representation,
  cacheControl: string = SUCCESS_CACHE_CONTROL,
): Response => {
  const headers: Record<string, string> = {
    ETag: rep.etag,
    'Cache-Control': cacheControl,
    ...rep.headers,
  }
  if (ifNoneMatchHits(c.req.header('If-None-Match'), rep.etag)) return c.body(null, 304, headers)
  return c.body(rep.body, 200, { ...headers, 'Content-Type': rep.contentType })
}

/** A canonical cache key for a validated query: keys sorted, lists joined, absent values dropped. */
export const canonicalQuery = (query: Record<string, unknown>): string =>
  Object.keys(query)
    .filter((k) => query[k] !== undefined)
    .sort()
    .map((k) => {
      const value = query[k]
      return `${k}=${Array.isArray(value) ? value.join(',') : String(value)}`
    })
    .join('&')
