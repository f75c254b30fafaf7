/**
 * @module http/response-cache
 * In front of the app: a successful GET is kept per isolate as its final bytes and headers, keyed
 * by the exact URL and `Accept`, so a repeated request is answered before routing, validation,
 * middleware or UTF-8 encoding run: the cost of a hit is a map lookup and a `Response`, the same as
 * a Worker returning constant bytes. Every 200 the app sends carries a strong ETag derived from the
 * data build and its bytes (see representation.ts), so a kept response stays right for the life of
 * the isolate; errors (no ETag) are never kept.
 */
import { ifNoneMatchHits } from './representation.ts'

export interface ResponseCacheOptions {
  /** Responses kept; the oldest is dropped first. */
  maxEntries?: number
  /** Bodies larger than this are not kept (they would crowd out everything else). */
  maxBodyBytes?: number
}

/** A Worker `fetch` handler. */
export type FetchHandler<Env> = (
  request: Request,
  env: Env,
  ctx: ExecutionContext,
) => Response | Promise<Response>

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
 * Wraps a fetch handler so repeated GETs and HEADs are served from memory, with 304 for a
 * matching `If-None-Match`.
 * @example export default { fetch: withResponseCache(app.fetch) }
 */
export const withResponseCache = <Env>(
  handler: FetchHandler<Env>,
  options: ResponseCacheOptions = {},
): FetchHandler<Env> => {
  const maxEntries = options.maxEntries ?? 1_000
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000
  const entries = new Map<string, CachedResponse>()
  return async function cachedFetch(request, env, ctx) {
    const method = request.method
    if (method !== 'GET' && method !== 'HEAD') return handler(request, env, ctx)
    const key = `${request.url}\n${request.headers.get('Accept') ?? ''}`
    const hit = entries.get(key)
    if (hit) {
      const fresh = ifNoneMatchHits(request.headers.get('If-None-Match') ?? undefined, hit.etag)
      return new Response(fresh || method === 'HEAD' ? null : hit.body, {
        status: fresh ? 304 : 200,
        headers: fresh ? hit.notModifiedHeaders : hit.headers,
      })
    }
    const res = await handler(request, env, ctx)
    const etag = res.headers.get('ETag')
    if (method !== 'GET' || res.status !== 200 || !etag) return res
    const body = await res.clone().arrayBuffer()
    if (body.byteLength > maxBodyBytes) return res
    const headers = [...res.headers]
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    entries.set(key, {
      body,
      etag,
      headers,
      notModifiedHeaders: headers.filter(([name]) => !BODY_HEADERS.has(name)),
    })
    return res
  }
}
