/**
 * @module http/limits
 * Bounded resource use before any route runs (OWASP API4:2023, unrestricted resource
 * consumption): the URL's length, the number of query parameters, and URLs that are not valid
 * percent-encoded UTF-8 or that smuggle NUL bytes are answered with a problem at once, so no
 * handler, router or validator ever spends time on them or throws on them.
 *
 * Per-parameter length is capped by the query schemas (`MAX_PARAM_LENGTH` in query/schema.ts).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { problem } from './problem.ts'

/** Longest URL served; browsers and CDNs agree on 2 KB as the portable ceiling. */
export const MAX_URL_LENGTH = 2048
/** Most query parameters (repeats count) one request may carry; real queries use under 15. */
export const MAX_QUERY_PARAMS = 32

/**
 * Percent-decodes one URL component, or returns undefined when it is not valid UTF-8
 * percent-encoding. Hono's own decoding silently keeps such input raw; we would rather say so.
 */
const decodeComponent = (text: string, plusIsSpace: boolean): string | undefined => {
  if (!text.includes('%')) return plusIsSpace ? text.replaceAll('+', ' ') : text
  try {
    return decodeURIComponent(plusIsSpace ? text.replaceAll('+', ' ') : text)
  } catch {
    return undefined
  }
}

type Verdict = { status: 400 | 414; type: 'invalid-parameter' | 'uri-too-long'; detail: string }

const badRequest = (detail: string): Verdict => ({ status: 400, type: 'invalid-parameter', detail })

/** Why a URL is refused, or undefined when it is within bounds. Pure, so tests can call it. */
export const checkUrl = (
  url: string,
  maxUrlLength: number = MAX_URL_LENGTH,
  maxQueryParams: number = MAX_QUERY_PARAMS,
): Verdict | undefined => {
  if (url.length > maxUrlLength) {
    return {
      status: 414,
      type: 'uri-too-long',
      detail: `The URL is ${url.length} characters long; at most ${maxUrlLength} are accepted`,
    }
  }
  // indexOf, not a regular expression: the URL is attacker-controlled.
  const hash = url.indexOf('#')
  const whole = hash < 0 ? url : url.slice(0, hash)
  const pathStart = whole.indexOf('/', whole.indexOf('//') + 2)
  const queryStart = whole.indexOf('?')
  const path = pathStart < 0 ? '/' : whole.slice(pathStart, queryStart < 0 ? undefined : queryStart)
  const decodedPath = decodeComponent(path, false)
  if (decodedPath === undefined) {
    return badRequest('The path is not valid percent-encoded UTF-8')
  }
  if (decodedPath.includes('\0')) {
    return badRequest('The path contains a NUL byte')
  }
  if (queryStart < 0) return undefined
  const pairs = whole
    .slice(queryStart + 1)
    .split('&')
    .filter((pair) => pair !== '')
  if (pairs.length > maxQueryParams) {
    return badRequest(
      `The query string has ${pairs.length} parameters; at most ${maxQueryParams} are accepted`,
    )
  }
  for (const pair of pairs) {
    const decoded = decodeComponent(pair, true)
    if (decoded === undefined) {
      return badRequest('The query string is not valid percent-encoded UTF-8')
    }
    if (decoded.includes('\0')) {
      return badRequest('The query string contains a NUL byte')
    }
  }
  return undefined
}

/**
 * Refuses oversized or malformed URLs with a problem document (414 or 400). Mount it before the
 * routes, after the middleware that only decorates responses (security headers, CORS), so the
 * refusals carry those headers too.
 * @example app.use(limits())
 */
export const limits = (): MiddlewareHandler =>
  async function limits(c: Context, next) {
    const verdict = checkUrl(c.req.url)
    if (verdict) return problem(c, verdict)
    await next()
  }
