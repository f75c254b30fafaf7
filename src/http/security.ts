/**
 * @module http/security
 * Security headers by kind of response, chosen after the handler ran so one middleware covers
 * every route. A handler that set its own CSP (the embed page, with its script hashes) keeps it.
 */
import type { MiddlewareHandler } from 'hono'

/** JSON, problems and other data: nothing may run, nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'"
export const HSTS = 'max-age=63072000; includeSubDomains'

const COMMON: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': HSTS,
  'Cross-Origin-Resource-Policy': 'cross-origin',
}

/**
 * Adds the headers every response needs, plus the CSP and framing rules of its kind unless the
 * handler set them.
 * @example app.use(securityHeaders())
 */
export const securityHeaders = (): MiddlewareHandler =>
  async function securityHeaders(c, next) {
    await next()
    const headers = c.res.headers
    for (const [name, value] of Object.entries(COMMON)) {
      if (!headers.has(name)) headers.set(name, value)
    }
    if (!headers.has('Content-Security-Policy')) {
      headers.set('Content-Security-Policy', API_CSP)
      headers.set('X-Frame-Options', 'DENY')
    }
  }
