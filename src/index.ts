/**
 * @module index
 * The Worker: builds the app, mounts one sub-app per resource where the route registry
 * (src/routes/registry.ts) says, and exports the fetch handler and
 * `AppType` for Hono's typed client.
 *
 * @example
 * import { hc } from 'hono/client'
 * import type { AppType } from 'dateline'
 * const client = hc<AppType>('https://dateline.example')
 * const res = await client.v1.timelines[':id'].events.$get({ param: { id: 'wang-yi-moscow-2023' }, query: { kind: 'visit' } })
 */
import { Hono } from 'hono'
import type { BlankEnv, MergeSchemaPath } from 'hono/types'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { timelines } from './routes/timelines.ts'
import { actors, places } from './routes/entities.ts'
import { home, v1Index } from './routes/home.ts'
import { docs } from './routes/docs.tsx'
import { embed } from './routes/embed.tsx'
import { oembed } from './routes/oembed.ts'
import { errorProblem, notFoundProblem, problem } from './http/problem.ts'
import { securityHeaders } from './http/security.ts'
import { publicCors } from './http/cors.ts'
import { limits } from './http/limits.ts'
import { createResponseCache, type ResponseCache } from './http/cache.ts'
import { shippedManifest } from './data/manifest.ts'
import { createDataTier, type DataTier } from './data/store.ts'
import { provideData, type DataEnv } from './data/middleware.ts'
import { MOUNTS, type SubApp } from './routes/registry.ts'
import { isPurgeRequest, purge, type PurgeEnv } from './routes/purge.ts'

/** The sub-apps, by the names the route registry mounts them under. */
export const SUB_APPS = {
  home,
  v1Index,
  timelines,
  actors,
  places,
  docs,
  embed,
  oembed,
} satisfies Record<SubApp, Hono<any, any, any>>

/** The schema Hono's `.route()` chain would infer: each sub-app's routes under its mount path. */
type Mounted = {
  [K in SubApp]: (typeof SUB_APPS)[K] extends Hono<any, infer S, any>
    ? MergeSchemaPath<S, (typeof MOUNTS)[K]>
    : never
}[SubApp]

/**
 * Builds the app around a cache. Middleware, in order, and what a front-cache hit skips:
 *
 * 1. `cache.front` (outside Hono, see the default export): a GET/HEAD whose URL, Accept and
 *    Accept-Language were answered before is replayed from the kept bytes and final headers.
 *    **A hit skips everything below**, so a middleware added here must only set headers that are
 *    a function of the response and its route (the differential cache test checks this).
 * 2. `provide`: hands the cache to handlers (`c.var.cache`, used by http/send.ts);
 *    `provideData`: hands them the data tier bound to this request's `ASSETS` (`c.var.data`).
 * 3. `securityHeaders`, `publicCors`: decorate the response after the handler ran (a preflight
 *    is answered by `publicCors` at once).
 * 4. `limits`: refuses oversized or malformed URLs (414/400) before routing.
 * 5. `methodNotAllowed`: 405 with `Allow` for a known path and another method.
 * 6. The routes; then `notFound` and `onError`, the one RFC 9457 error path.
 *
 * @example const app = createApp(createResponseCache({ version: m.version, maxBytes: 0 }), createDataTier({ manifest: m }))
 */
export const createApp = (cache: ResponseCache, data: DataTier) => {
  const app = new Hono()
  app.use(cache.provide())
  app.use(provideData(data))

  app.use(securityHeaders())
  app.use(
    publicCors({
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Link', 'X-Total-Count', 'Content-Disposition'],
      maxAge: 86400,
    }),
  )
  // First middleware that can answer: security headers and CORS above only decorate responses, so
  // the 414/400 refusals of oversized or malformed URLs carry them too.
  app.use(limits())
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problem(c, {
          status: 405,
          type: 'method-not-allowed',
          detail: `${c.req.method} is not allowed here; use ${methods.join(', ')}`,
          headers: { Allow: methods.join(', ') },
        }),
    }),
  )

  for (const name of Object.keys(MOUNTS) as SubApp[]) app.route(MOUNTS[name], SUB_APPS[name])
  // The loop loses the types a literal `.route()` chain accumulates; `Mounted` restores them for
  // `hc<AppType>`, so the registry stays the one list of mounts.
  const routes = app as Hono<BlankEnv, Mounted, '/'>

  app.notFound(notFoundProblem)
  app.onError(errorProblem)
  return routes
}

/** The one response cache of this isolate: byte-bounded, keyed by canonical request (http/cache.ts). */
export const cache = createResponseCache({ version: shippedManifest().version })

/** The data tier of this isolate: files read from the assets on demand, byte-bounded (data/store.ts). */
export const data = createDataTier({ manifest: shippedManifest() })

/** The Hono app the Worker serves (behind `cache.front`). */
export const app = createApp(cache, data)

/** The API's type, for `hc<AppType>()`. */
export type AppType = typeof app

const served = cache.front(app.fetch)

/**
 * The Worker: a repeated GET is answered from memory before the app runs (http/cache.ts); an
 * authorized edge-cache purge (routes/purge.ts) goes to its own app, any other POST to the
 * public one.
 */
export default {
  fetch: async (request, env: PurgeEnv & DataEnv, ctx) =>
    request.method === 'POST' && (await isPurgeRequest(request, env))
      ? purge.fetch(request, env, ctx)
      : served(request, env, ctx),
} satisfies ExportedHandler<PurgeEnv & DataEnv>
