/**
 * @module routes/purge
 * `POST /admin/purge?timeline={id}`: drops one timeline's responses from the edge cache (Workers
 * Cache) between deploys, by their `Cache-Tag`s (http/cache-tags.ts). Only the Worker itself can
 * purge its cache (`ctx.cache.purge`, scoped to the Worker and entrypoint), so `npm run purge`
 * has to ask it over HTTP.
 *
 * Guarded by the secret `PURGE_TOKEN` (`wrangler secret put PURGE_TOKEN`), sent as
 * `Authorization: Bearer …`. Without the secret, or without the right token, the request never
 * reaches this handler: the public app answers it as any other POST (a 404), so the route is
 * neither usable nor visible to anyone else, and the public API stays read-only. It is not in the
 * route registry or OpenAPI for that reason.
 */
import { Hono } from 'hono'
import { hasTimeline, shippedManifest } from '../data/manifest.ts'
import { purgeTagsFor } from '../http/cache-tags.ts'
import { errorProblem, noSuch, notFoundProblem, ProblemException } from '../http/problem.ts'
import { securityHeaders } from '../http/security.ts'

export const PURGE_PATH = '/admin/purge'

/** What the purge route needs of the Worker's environment. */
export interface PurgeEnv {
  /** The secret; unset (the default, and in `wrangler dev`) turns the route off. */
  PURGE_TOKEN?: string
}

const encoder = new TextEncoder()
const digest = async (text: string) =>
  crypto.subtle.digest('SHA-256', encoder.encode(text)) as Promise<ArrayBuffer>

/**
 * Whether `request` is an authorized purge: POST to {@link PURGE_PATH} with the configured
 * token. Tokens are compared as SHA-256 digests in constant time, so neither their length nor a
 * matching prefix shows in the timing.
 * @example if (await isPurgeRequest(request, env)) return purge.fetch(request, env, ctx)
 */
export const isPurgeRequest = async (request: Request, env: PurgeEnv): Promise<boolean> => {
  if (request.method !== 'POST' || !env.PURGE_TOKEN) return false
  if (new URL(request.url).pathname !== PURGE_PATH) return false
  const sent = /^Bearer (.+)$/.exec(request.headers.get('Authorization') ?? '')?.[1] ?? ''
  const [a, b] = await Promise.all([digest(sent), digest(env.PURGE_TOKEN)])
  return sameBytes(new Uint8Array(a), new Uint8Array(b))
}

/**
 * Equal-length byte arrays compared without an early exit. Hand-written because workerd's
 * `crypto.subtle.timingSafeEqual` is missing from the DOM typings this project also compiles with.
 */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  let diff = a.length ^ b.length
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0)
  return diff === 0
}

/**
 * The purge app, for authorized requests only (see {@link isPurgeRequest}). Answers what the
 * cache reported, never cached itself.
 */
export const purge = new Hono<{ Bindings: PurgeEnv }>()
  .use(securityHeaders())
  .post(PURGE_PATH, async (c) => {
    const id = c.req.query('timeline') ?? ''
    if (!hasTimeline(shippedManifest(), id)) {
      throw noSuch(`timeline "${id}"`)
    }
    // Hono's context type predates Workers Cache; the runtime's has `cache` (undefined locally).
    const cache = (c.executionCtx as ExecutionContext).cache
    if (!cache) {
      throw new ProblemException({
        status: 501,
        type: 'not-implemented',
        detail: 'Workers Cache is not enabled where this Worker runs (it is not, in wrangler dev)',
      })
    }
    const tags = purgeTagsFor(id)
    const result = await cache.purge({ tags })
    return c.json({ tags, ...result }, result.success ? 200 : 502, { 'Cache-Control': 'no-store' })
  })
  .notFound(notFoundProblem)
  .onError(errorProblem)
