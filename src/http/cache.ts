/**
 * @module http/cache
 * The Worker's one per-isolate cache: every representation Dateline serializes, bounded by bytes
 * (see {@link CACHE_BUDGET_BYTES}), least recently used out first.
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
 * reads the data singleton.
 */
import type { MiddlewareHandler } from 'hono'
import { ByteLru, stringBytes } from './byte-lru.ts'

/**
 * Every cache of an isolate together holds at most this many bytes (keys counted at two bytes a
 * character, bodies as their UTF-8 bytes). Workers get 128 MB per isolate; 16 MB leaves the rest
 * for the data, the runtime and requests in flight.
 */
export const CACHE_BUDGET_BYTES = 16 * 1024 * 1024
/** One body may take at most this share of the budget, so one huge answer cannot flush the rest. */
const MAX_ENTRY_SHARE = 8
/** What a `Map` slot, an object and its fields cost besides the measured strings (a guess on the high side). */
const ENTRY_OVERHEAD = 256

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
  /** Text (sent as UTF-8) or bytes (an image), kept as they are. */
  body: string | Uint8Array<ArrayBuffer>
  contentType: string
  headers?: Record<string, string>
}

/** A 200's headers as every middleware left them, and the subset a 304 carries. */
interface Final {
  ok: [string, string][]
  notModified: [string, string][]
}

export interface Representation {
  /** The {@link cacheKey} this entry lives under. */
  readonly key: string
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
  const entries = Object.keys(query)
    .filter((name) => query[name] !== undefined)
    .sort()
    .map((name) => [name, query[name]])
  return JSON.stringify([variant.format, variant.lang ?? '', origin, path, entries])
}

/**
 * A canonical query string for links: keys sorted, lists joined, absent values dropped.
 * @example canonicalQuery({ sort: 'asc', kind: ['visit', 'call'] }) // 'kind=visit,call&sort=asc'
 */
export const canonicalQuery = (query: Record<string, unknown>): string =>
  Object.keys(query)
    .filter((k) => query[k] !== undefined)
    .sort()
    .map((k) => {
      const value = query[k]
      return `${k}=${Array.isArray(value) ? value.join(',') : String(value)}`
    })
    .join('&')

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

/**
 * cyrb53: a fast 53-bit hash of a string's code units or of bytes; good enough to tell two bodies
 * of one data version apart.
 */
const hash53 = (body: string | Uint8Array): string => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  const text = typeof body === 'string'
  for (let i = 0; i < body.length; i++) {
    const ch = text ? body.charCodeAt(i) : (body as Uint8Array)[i]!
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** Headers that describe the body, and so have no place on a 304 (RFC 9110 §15.4.5). */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-disposition'])

const headerBytes = (pairs: Iterable<[string, string]>): number => {
  let bytes = 0
  for (const [name, value] of pairs) bytes += stringBytes(name) + stringBytes(value) + 32
  return bytes
}

const entryBytes = (rep: Representation): number =>
  ENTRY_OVERHEAD +
  rep.body.byteLength +
  stringBytes(rep.etag) +
  stringBytes(rep.contentType) +
  headerBytes(Object.entries(rep.headers)) +
  (rep.final ? headerBytes(rep.final.ok) + headerBytes(rep.final.notModified) : 0)

const sameHeaders = (a: [string, string][], b: [string, string][]): boolean =>
  a.length === b.length && a.every(([name, value], i) => b[i]![0] === name && b[i]![1] === value)

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
   * The representation of `variant` at `origin` + `path`, built by `build` on first use only.
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
 * const cache = createResponseCache({ version: DATA.version })
 * app.use(cache.provide())
 * export default { fetch: cache.front(app.fetch) }
 */
export const createResponseCache = (options: ResponseCacheOptions): ResponseCache => {
  const version = options.version
  const maxBytes = options.maxBytes ?? CACHE_BUDGET_BYTES
  const maxEntryBytes = maxBytes / MAX_ENTRY_SHARE
  const store = new ByteLru<Stored>(maxBytes)
  /** Which entry answered a request in flight: the front's question to the handler. */
  const answered = new WeakMap<Request, Representation>()
  const encoder = new TextEncoder()

  const lookup = (key: string): Representation | undefined => {
    const stored = store.get(key)
    return stored && 'rep' in stored ? stored.rep : undefined
  }

  /** The kept answer: 304 when `If-None-Match` matches (for hits and misses alike), else 200. */
  const replay = (rep: Representation, final: Final, method: string, headers: Headers) => {
    const fresh = ifNoneMatchHits(headers.get('If-None-Match'), rep.etag)
    return new Response(fresh || method === 'HEAD' ? null : rep.body, {
      status: fresh ? 304 : 200,
      headers: fresh ? final.notModified : final.ok,
    })
  }

  /** Keeps a GET's final headers with its entry and aliases its spelling to the entry. */
  const remember = (rep: Representation, final: Final, spelling: string) => {
    if (!rep.final) {
      rep.final = final
      // Re-measured with its headers; an entry already evicted stays out.
      if (lookup(rep.key) === rep) store.set(rep.key, { rep }, entryBytes(rep))
    } else if (!sameHeaders(rep.final.ok, final.ok)) {
      // Middleware answered this spelling differently: never alias it.
      return
    }
    if (lookup(rep.key) === rep) {
      store.set(spelling, { alias: rep.key }, ENTRY_OVERHEAD + stringBytes(rep.key))
    }
  }

  const cache: ResponseCache = {
    version,
    stats: () => ({ bytes: store.bytes, entries: store.size, maxBytes }),

    represent(request, path, variant, build) {
      const key = cacheKey(new URL(request.url).origin, path, variant)
      let rep = lookup(key)
      if (!rep) {
        const init = build()
        rep = {
          key,
          body: typeof init.body === 'string' ? encoder.encode(init.body) : init.body,
          etag: `"${version}-${hash53(init.body)}"`,
          contentType: init.contentType,
          headers: init.headers ?? {},
        }
        if (rep.body.byteLength <= maxEntryBytes) store.set(key, { rep }, entryBytes(rep))
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
        const ok = [...res.headers]
        const final = { ok, notModified: ok.filter(([name]) => !BODY_HEADERS.has(name)) }
        if (method === 'GET') remember(rep, final, spelling)
        return ifNoneMatchHits(h.get('If-None-Match'), rep.etag)
          ? replay(rep, final, method, h)
          : res
      },
  }
  return cache
}
