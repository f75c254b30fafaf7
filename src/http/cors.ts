/**
 * @module http/cors
 * CORS for a public, read-only API: any origin, no credentials, the headers scripts may read,
 * and preflights answered at once (cached by the browser for a day).
 *
 * Hand-written rather than `hono/cors`, which sets its headers on `c.res` *before* the handler
 * runs: Hono then rebuilds every handler's response to merge them (a copy of the Response and
 * of its headers, ~20 µs a request in workerd). Here they are set once, on the final response.
 * The preflight answer is the same as `hono/cors` gives.
 */
import type { MiddlewareHandler } from 'hono'

export interface CorsOptions {
  /** Methods a preflight may ask for. */
  allowMethods: readonly string[]
  /** Response headers scripts may read. */
  exposeHeaders: readonly string[]
  /** Seconds a browser may cache a preflight. */
  maxAge: number
}

/**
 * `Access-Control-Allow-Origin: *` on every response, and `204` preflights.
 * @example app.use(publicCors({ allowMethods: ['GET'], exposeHeaders: ['ETag'], maxAge: 86400 }))
 */
export const publicCors = (options: CorsOptions): MiddlewareHandler => {
  const expose = options.exposeHeaders.join(',')
  const methods = options.allowMethods.join(',')
  const maxAge = String(options.maxAge)
  return async function publicCors(c, next) {
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': expose,
        'Access-Control-Max-Age': maxAge,
        'Access-Control-Allow-Methods': methods,
      })
      // Any request header may be sent (the API reads none that matter for access), so the
      // preflight allows what it was asked for, and caches vary on that question.
      const asked = c.req.header('Access-Control-Request-Headers')
      if (asked) {
        headers.set(
          'Access-Control-Allow-Headers',
          asked
            .split(',')
            .map((h) => h.trim())
            .join(','),
        )
        headers.append('Vary', 'Access-Control-Request-Headers')
      }
      return new Response(null, { status: 204, headers })
    }
    await next()
    c.res.headers.set('Access-Control-Allow-Origin', '*')
    c.res.headers.set('Access-Control-Expose-Headers', expose)
  }
}
