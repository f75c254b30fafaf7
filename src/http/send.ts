/**
 * @module http/send
 * How handlers answer with a body: through the one cache (cache.ts), with a strong ETag. A handler says what its body depends on (a
 * {@link Variant}) and what it is built from (a {@link CacheTagHint}); the key and the
 * `Cache-Tag` header are never written by hand.
 */
import type { Context } from 'hono'
import type { Representation, RepresentationInit, Variant } from './cache.ts'
import { cacheTags, type CacheTagHint } from './cache-tags.ts'
import type { Body } from './body.ts'

export const JSON_TYPE = 'application/json; charset=utf-8'

/** Successful answers: browsers revalidate after 5 minutes, edge caches keep a day. */
export const SUCCESS_CACHE_CONTROL =
  'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400'

/** A {@link Variant} with what its body is built from, for the edge cache's tags. */
export interface TaggedVariant extends Variant {
  tags: CacheTagHint
}

/**
 * Files made at build time (the social cards): they change only with a deploy, so browsers and
 * crawlers keep them a day and shared caches a week, revalidating by ETag after that. Not
 * `immutable`: the URL stays the same when a deploy changes the picture.
 */
export const BUILD_ASSET_CACHE_CONTROL =
  'public, max-age=86400, s-maxage=604800, stale-while-revalidate=604800'

/**
 * The representation of this request's path for `variant`, built once per cache entry, with its
 * `Cache-Tag` (http/cache-tags.ts) kept among the entry's headers.
 * @example const rep = represent(c, { format: 'ics', query, tags: { kind: 'events', timeline: id } }, () => ({ body, contentType }))
 */
export const represent = (
  c: Context,
  variant: TaggedVariant,
  build: () => RepresentationInit,
): Representation =>
  c.var.cache.represent(c.req.raw, c.req.path, variant, () => {
    const init = build()
    return { ...init, headers: { ...init.headers, 'Cache-Tag': cacheTags(variant, variant.tags) } }
  })

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
 * Sends the JSON text `build()` gives (a string, or parts with fragments: http/body.ts), built
 * once per cache entry; `headers` is built with the body.
 * @example return sendJsonBody(c, { tags }, () => jsonWithList(envelope, 'items', fragments))
 */
export const sendJsonBody = (
  c: Context,
  variant: Omit<TaggedVariant, 'format'> & { format?: string },
  build: () => Body,
  headers?: () => Record<string, string>,
): Response =>
  send(
    c,
    represent(c, { ...variant, format: variant.format ?? 'json' }, () => ({
      body: build(),
      contentType: JSON_TYPE,
      headers: headers?.(),
    })),
  )

/**
 * Sends `build()` as JSON, serialized once per cache entry; `headers` is built with the body.
 * @example return sendJson(c, { query, tags: { kind: 'actors', allTimelines: true } }, () => ({ items }))
 */
export const sendJson = (
  c: Context,
  variant: Omit<TaggedVariant, 'format'> & { format?: string },
  build: () => unknown,
  headers?: () => Record<string, string>,
): Response => sendJsonBody(c, variant, () => JSON.stringify(build()), headers)
