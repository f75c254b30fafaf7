/**
 * @module http/problem
 * The one error helper: every 4xx and 5xx the Worker sends is an RFC 9457 problem document built
 * here, for notFound, onError, validation and route handlers alike.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ERROR_CACHE_TAG } from './cache-tags.ts'

/** Problem types, documented at `/docs#problem-<type>`. */
export const PROBLEM_TITLES = {
  'invalid-parameter': 'Invalid parameter',
  'unknown-parameter': 'Unknown parameter',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'not-acceptable': 'Not acceptable',
  'uri-too-long': 'URI too long',
  'not-implemented': 'Not implemented',
  'internal-error': 'Internal error',
  'service-unavailable': 'Service unavailable',
} as const
export type ProblemType = keyof typeof PROBLEM_TITLES

export interface ProblemInit {
  status: ContentfulStatusCode
  type: ProblemType
  detail: string
  /** Extension members, e.g. `{ parameter: 'limit' }`. */
  extensions?: Record<string, unknown>
  headers?: Record<string, string>
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

/** Errors are cacheable only briefly: a fixed typo should not stay broken at the edge. */
const ERROR_CACHE_CONTROL = 'public, max-age=60'

/** Paths longer than this are not echoed as `instance` (a 414's path may be megabytes). */
const MAX_INSTANCE_CHARS = 2048

/**
 * Builds a problem+json response. `instance` is the request path, JSON-escaped; the query string
 * is never echoed.
 * @example return problem(c, { status: 404, type: 'not-found', detail: 'No timeline "x"' })
 */
export const problem = (c: Context, init: ProblemInit): Response => {
  const url = new URL(c.req.url)
  const body = {
    type: `${url.origin}/docs#problem-${init.type}`,
    title: PROBLEM_TITLES[init.type],
    status: init.status,
    detail: init.detail,
    // The path as sent, still percent-encoded: a URI reference, never decoded control characters.
    instance: url.pathname.length <= MAX_INSTANCE_CHARS ? url.pathname : undefined,
    ...init.extensions,
  }
  return c.body(JSON.stringify(body), init.status, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    ...(init.status >= 500
      ? { 'Cache-Control': 'no-store' }
      : { 'Cache-Control': ERROR_CACHE_CONTROL, 'Cache-Tag': ERROR_CACHE_TAG }),
    ...init.headers,
  })
}

/** Throwable form, for code deep in a handler; `onError` turns it into the response. */
export class ProblemException extends HTTPException {
  readonly init: ProblemInit
  constructor(init: ProblemInit) {
    super(init.status, { message: init.detail })
    this.init = init
  }
}

/**
 * The 404 of a resource the request names that does not exist, to throw.
 * @example throw noSuch(`timeline "${id}"`) // detail: No timeline "x"
 */
export const noSuch = (what: string): ProblemException =>
  new ProblemException({ status: 404, type: 'not-found', detail: `No ${what}` })

/** `app.notFound` handler. */
export const notFoundProblem = (c: Context): Response =>
  problem(c, { status: 404, type: 'not-found', detail: `Nothing is served at ${c.req.path}` })

/**
 * `app.onError` handler: known problems keep their status; anything else is a 500 whose detail
 * says nothing about the internals (the error is logged, never sent).
 */
export const errorProblem = (error: Error, c: Context): Response => {
  if (error instanceof ProblemException) return problem(c, error.init)
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode
    const type: ProblemType = status === 404 ? 'not-found' : 'invalid-parameter'
    return problem(c, { status, type, detail: 'The request could not be processed' })
  }
  console.error(error)
  return problem(c, {
    status: 500,
    type: 'internal-error',
    detail: 'Something went wrong on our side; it has been logged',
  })
}
