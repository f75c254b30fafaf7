/**
 * @module http/send
 * How handlers answer with a body: through the one cache (cache.ts), with a strong ETag. A handler says what its body depends on (a
 * {@link Variant}); the key is never written by hand.
 */
import type { Context } from 'hono'
import type { Representation, RepresentationInit, Variant } from './cache.ts'

export const JSON_TYPE = 'application/json; charset=utf-8'

/** Successful answers: browsers revalidate after 5 minutes, edge caches keep a day. */
export const SUCCESS_CACHE_CONTROL =
  'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400'

/**
 * Files made at build time (the social cards): they change only with a deploy, so browsers and
 * crawlers keep them a day and shared caches a week, revalidating by ETag after that. Not
 * `immutable`: the URL stays the same when a deploy changes the picture.
 */
export const BUILD_ASSET_CACHE_CONTROL =
  'public, max-age=86400, s-maxage=604800, stale-while-revalidate=604800'

/**
 * The representation of this request's path for `variant`, built once per cache entry.
 * @example const rep = represent(c, { format: 'ics', query }, () => ({ body, contentType }))
 */
export const represent = (
  c: Context,
  variant: Variant,
  build: () => RepresentationInit,
): Representation => c.var.cache.represent(c.req.raw, c.req.path, variant, build)

/**
 * Sends a representation with its ETag. A matching `If-None-Match` becomes a 304 outside the app
 * (`ResponseCache.front`), after every middleware has had its say on the 200.
 * @example return send(c, represent(c, variant, build))
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
  return c.body(rep.body, 200, { ...headers, 'Content-Type': rep.contentType })
}

/**
 * Sends `build()` as JSON, serialized once per cache entry; `headers` is built with the body.
 * @example return sendJson(c, { query }, () => ({ items }))
 */
export const sendJson = (
  c: Context,
  variant: Omit<Variant, 'format'> & { format?: string },
  build: () => unknown,
  headers?: () => Record<string, string>,
): Response =>
  send(
    c,
    represent(c, { ...variant, format: variant.format ?? 'json' }, () => ({
      body: JSON.stringify(build()),
      contentType: JSON_TYPE,
      headers: headers?.(),
    })),
  )
