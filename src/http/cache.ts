/**
 * @module http/cache
 * The per-isolate response cache: every representation Dateline serializes, bounded by bytes
 * (see {@link RESPONSE_BUDGET_BYTES}), least recently used out first.
 *
 * Two lookups share the one store:
 * - **By canonical request** (inside the app): a handler names what its body depends on besides
 *   the URL's origin and path (the validated query, the negotiated format, the language) and
 *   {@link cacheKey} turns that into the key. No handler writes a key by hand, so spellings of one
 *   query (`?a=1&b=2`, `?b=2&a=1`, `?a=01`) share one entry and a key can never forget an input.
 * - **By spelling** (in front of the app, {@link ResponseCache.front}): a URL + `Accept` +
 *   `Accept-Language` seen before maps to the entry its first answer came from, whose final
 *   headers (as every middleware left them) are kept with it. A repeated GET then costs a map
 *   lookup and a `Response`: routing, validation and **all middleware are skipped**, which is
 *   right because every middleware's effect on a 200 is a function of the entry and its route.
 *   An alias costs its two keys, never a second copy of the body.
 *
 * The data version is passed in (the ETag starts with it), not imported: nothing in `http/`
 * reads the data tier.
 */
import type { MiddlewareHandler } from 'hono'
import { ByteLru, stringBytes } from './byte-lru.ts'
import { encodeBody, type Body } from './body.ts'

/**
 * The two caches of an isolate, responses and loaded data, together hold at most this many bytes
 * (keys counted at two bytes a character, bodies as their UTF-8 bytes, loaded data files as their
 * estimated heap). Workers get 128 MB per isolate; 16 MB leaves the rest for the runtime and
 * requests in flight. Split here, in one place, between the two. Beside them a few small memos
 * keep their own fixed bounds: validated query fields (1 MB, http/validate.ts), cache tags
 * (256 KB, http/cache-tags.ts), encoded cursors (16,384, query/cursor.ts), and each loaded
 * timeline's search-term positions (1 MB, query/events.ts; dropped with the timeline).
 */
const CACHE_BUDGET_BYTES = 16 * 1024 * 1024
/**
 * The data tier's share (src/data/store.ts): loaded timelines, lists and entities, counted as
 * their estimated heap. 6 MB holds about 20 timeline-languages the size of the shipped one
 * (~300 KB counted each), more than an isolate's working set; a miss costs one asset read and
 * an index build (a few ms), not a failure.
 */
export const DATA_BUDGET_BYTES = 6 * 1024 * 1024
/** The response cache's share: every serialized representation (this module). */
export const RESPONSE_BUDGET_BYTES = CACHE_BUDGET_BYTES - DATA_BUDGET_BYTES
/** One body may take at most this share of the budget, so one huge answer cannot flush the rest. */
const MAX_ENTRY_SHARE = 8
/** What a `Map` slot, an object and its fields cost besides the measured strings (a guess on the high side). */
export const ENTRY_OVERHEAD = 256
/**
 * The budget's share for remembering keys built once (see `admit`): 1/16, ~1 MB, ~2,000 keys
 * of a typical event query. A URL asked for twice within that many distinct misses is kept.
 */
const SEEN_SHARE = 1 / 16

/** The origin of an absolute URL, without parsing the rest of it. */
const originOf = (url: string): string => {
  const end = url.indexOf('/', url.indexOf('//') + 2)
  return end < 0 ? url : url.slice(0, end)
}

/** What a handler's body depends on besides the URL's origin and path. */
export interface Variant {
  /** The negotiated representation: a format name, `html`, `js`… */
  format: string
  /** The content language, when the resource has several. */
  lang?: string
  /** The validated, defaulted query (or any flat record the body depends on). */
  query?: Readonly<Record<string, unknown>>
}

/** A handler's freshly built answer, before it is encoded and cached. */
export interface RepresentationInit {
  /** Text, text and fragments serialized once, or bytes (an image) kept as they are (http/body.ts). */
  body: Body
  contentType: string
  headers?: Record<string, string>
}

/**
 * A 200's headers as every middleware left them, and (made on the first 304) the subset a 304
 * carries. Kept as `Headers`, which workerd copies into a new response several times faster than
 * a list of pairs.
 */
interface Final {
  ok: Headers
  notModified?: Headers
}

/**
 * What an entry's final headers cost (both sets): measured, a JSON answer's ~16 headers are
 * ~1 KB of text, kept twice at two bytes a character. Estimated rather than measured per entry:
 * reading a `Headers` back costs a cold request more than the rest of its bookkeeping.
 */
const FINAL_HEADERS_BYTES = 4096

export interface Representation {
  /** The {@link cacheKey} this entry lives under. */
  readonly key: string
  /**
   * The bytes. Those of a representation the cache does not keep are valid only until the next
   * one is built: send them at once (`new Response()` copies them), as http/send.ts does.
   */
  readonly body: Uint8Array<ArrayBuffer>
  /** Strong validator: the data version and a hash of these exact bytes. */
  readonly etag: string
  readonly contentType: string
  readonly headers: Readonly<Record<string, string>>
  /** The 200's headers after every middleware ran, and those of its 304; set by the front. */
  final?: Final
}

/**
 * The cache key of a representation: origin, path and {@link Variant}, with the query's keys
 * sorted, lists kept as lists and `undefined` dropped. JSON, so no value can forge a separator.
 * @example cacheKey('https://d.example', '/v1/actors', { format: 'json' })
 */
export const cacheKey = (origin: string, path: string, variant: Variant): string => {
  const query = variant.query ?? {}
  const names = Object.keys(query).sort()
  const entries: [string, unknown][] = []
  for (const name of names) if (query[name] !== undefined) entries.push([name, query[name]])
  return JSON.stringify([variant.format, variant.lang ?? '', origin, path, entries])
}

/**
 * Whether an `If-None-Match` header matches an ETag (weak comparison, RFC 9110 §13.1.2):
 * `*`, a list, and `W/` tags all count.
 */
export const ifNoneMatchHits = (header: string | undefined | null, etag: string): boolean => {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque)
}

/** Headers that describe the body, and so have no place on a 304 (RFC 9110 §15.4.5). */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-disposition'])

const headerBytes = (pairs: Iterable<[string, string]>): number => {
  let bytes = 0
  for (const [name, value] of pairs) bytes += stringBytes(name) + stringBytes(value) + 32
  return bytes
}

/** An entry's bytes, its final headers included before they exist (they are kept on its first GET). */
const entryBytes = (rep: Representation): number =>
  ENTRY_OVERHEAD +
  rep.body.byteLength +
  stringBytes(rep.etag) +
  stringBytes(rep.contentType) +
  headerBytes(Object.entries(rep.headers)) +
  FINAL_HEADERS_BYTES

const sameHeaders = (a: Headers, b: Headers): boolean => {
  const left = [...a]
  const right = [...b]
  return (
    left.length === right.length &&
    left.every(([name, value], i) => right[i]![0] === name && right[i]![1] === value)
  )
}

/** The headers of a 304: the 200's, minus those describing its body. */
const notModifiedHeaders = (ok: Headers): Headers => {
  const headers = new Headers(ok)
  for (const name of BODY_HEADERS) headers.delete(name)
  return headers
}

/** A Worker `fetch` handler. */
export type FetchHandler<Env> = (
  request: Request,
  env: Env,
  ctx: ExecutionContext,
) => Response | Promise<Response>

export interface ResponseCache {
  /** The data version every ETag starts with. */
  readonly version: string
  /** Bytes and entries held now, for the bench and tests. */
  stats(): { bytes: number; entries: number; maxBytes: number }
  /**
   * The representation of `variant` at `origin` + `path`, built by `build` on a miss (kept from
   * its second miss on: see the admission rule below).
   * `request` (the raw request) lets the front layer learn which entry answered it.
   */
  represent(
    request: Request,
    path: string,
    variant: Variant,
    build: () => RepresentationInit,
  ): Representation
  /** Middleware that hands this cache to handlers as `c.var.cache`. */
  provide(): MiddlewareHandler
  /**
   * Wraps the app's fetch so a repeated GET or HEAD is answered before the app runs. It is also
   * the one place that answers `If-None-Match` with 304 (RFC 9110 §13.1.2), from the 200's final
   * headers minus those describing the body, so a hit and a miss send the same 304.
   */
  front<Env>(handler: FetchHandler<Env>): FetchHandler<Env>
}

declare module 'hono' {
  interface ContextVariableMap {
    cache: ResponseCache
  }
}

export interface ResponseCacheOptions {
  /** Data version, the start of every ETag. */
  version: string
  /** Budget in bytes; 0 turns caching off (every request is built afresh). */
  maxBytes?: number
}

type Stored = { alias: string } | { rep: Representation }

/**
 * @example
 * const cache = createResponseCache({ version: shippedManifest().version })
 * app.use(cache.provide())
 * export default { fetch: cache.front(app.fetch) }
 */
export const createResponseCache = (options: ResponseCacheOptions): ResponseCache => {
  const version = options.version
  const maxBytes = options.maxBytes ?? RESPONSE_BUDGET_BYTES
  const maxEntryBytes = maxBytes / MAX_ENTRY_SHARE
  const store = new ByteLru<Stored>(maxBytes - Math.floor(maxBytes * SEEN_SHARE))
  /**
   * Keys built once recently. A representation is kept on its second request within this window,
   * so a stream of one-off queries (most of an edge's misses) never evicts what is asked for
   * again, nor costs the isolate their bodies' garbage collection as long-lived objects.
   */
  const seen = new ByteLru<true>(Math.floor(maxBytes * SEEN_SHARE))
  const admit = (key: string): boolean => {
    if (seen.peek(key)) {
      seen.delete(key)
      return true
    }
    seen.set(key, true, ENTRY_OVERHEAD)
    return false
  }
  /** Which entry answered a request in flight: the front's question to the handler. */
  const answered = new WeakMap<Request, Representation>()

  const lookup = (key: string): Representation | undefined => {
    const stored = store.get(key)
    return stored && 'rep' in stored ? stored.rep : undefined
  }
  /** Whether `rep` is still cached, without making it the most recently used. */
  const holds = (rep: Representation): boolean => {
    const stored = store.peek(rep.key)
    return !!stored && 'rep' in stored && stored.rep === rep
  }

  /** The kept answer: 304 when `If-None-Match` matches (for hits and misses alike), else 200. */
  const replay = (rep: Representation, final: Final, method: string, headers: Headers) => {
    const fresh = ifNoneMatchHits(headers.get('If-None-Match'), rep.etag)
    return new Response(fresh || method === 'HEAD' ? null : rep.body, {
      status: fresh ? 304 : 200,
      headers: fresh ? (final.notModified ??= notModifiedHeaders(final.ok)) : final.ok,
    })
  }

  /** Keeps a GET's final headers with its entry and aliases its spelling to the entry. */
  const remember = (rep: Representation, final: Final, spelling: string) => {
    if (!rep.final) rep.final = final
    // Middleware answered this spelling differently: never alias it.
    else if (!sameHeaders(rep.final.ok, final.ok)) return
    if (holds(rep)) {
      store.set(spelling, { alias: rep.key }, ENTRY_OVERHEAD + stringBytes(rep.key))
    }
  }

  const cache: ResponseCache = {
    version,
    stats: () => ({ bytes: store.bytes, entries: store.size, maxBytes }),

    represent(request, path, variant, build) {
      const key = cacheKey(originOf(request.url), path, variant)
      let rep = lookup(key)
      if (!rep) {
        const keep = admit(key)
        const init = build()
        // A body the cache will not keep is written where the next one will be (http/body.ts).
        const { bytes, digest } = encodeBody(init.body, !keep)
        rep = {
          key,
          body: bytes,
          etag: `"${version}-${digest}"`,
          contentType: init.contentType,
          headers: init.headers ?? {},
        }
        if (keep && rep.body.byteLength <= maxEntryBytes) store.set(key, { rep }, entryBytes(rep))
      }
      answered.set(request, rep)
      return rep
    },

    provide: () =>
      async function provideCache(c, next) {
        c.set('cache', cache)
        await next()
      },

    front: (handler) =>
      async function cachedFetch(request, env, ctx) {
        const method = request.method
        if (method !== 'GET' && method !== 'HEAD') return handler(request, env, ctx)
        const h = request.headers
        const spelling = `${request.url}\n${h.get('Accept') ?? ''}\n${h.get('Accept-Language') ?? ''}`
        const aliased = store.get(spelling)
        const hit = aliased && 'alias' in aliased ? lookup(aliased.alias) : undefined
        if (hit?.final) return replay(hit, hit.final, method, h)
        const res = await handler(request, env, ctx)
        const rep = answered.get(request)
        if (res.status !== 200 || !rep || res.headers.get('ETag') !== rep.etag) return res
        // The response's own headers, which nothing changes after this point.
        const final: Final = { ok: res.headers }
        if (method === 'GET') remember(rep, final, spelling)
        return ifNoneMatchHits(h.get('If-None-Match'), rep.etag)
          ? replay(rep, final, method, h)
          : res
      },
  }
  return cache
}
