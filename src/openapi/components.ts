/**
 * @module openapi/components
 * The reusable parts of `/openapi.json` (`components.headers` and `components.responses`) and
 * the responses operations are written with: a 200 with headers and example links, the problem
 * responses every operation shares, an HTML error page and the 304.
 */
import { PROBLEM_CONTENT_TYPE } from '../http/problem.ts'
import { SUCCESS_CACHE_CONTROL } from '../http/send.ts'
import { EXAMPLE_ORIGIN, examples, type ExampleLink } from './examples.ts'
import { ref } from './schemas.ts'

type Json = Record<string, unknown>

/** `application/problem+json`: the media type, without the charset the header carries. */
const PROBLEM_MEDIA_TYPE = PROBLEM_CONTENT_TYPE.split(';')[0]!

const header = (description: string, schema: Json = { type: 'string' }) => ({
  description,
  schema,
})

/** `components.headers`. */
export const HEADERS = {
  ETag: header('Strong validator of this exact body; send it back in If-None-Match for a 304'),
  'Cache-Control': header(SUCCESS_CACHE_CONTROL),
  Link: header('RFC 8288 paging links: rel="first", "next" and "prev"'),
  'X-Total-Count': header('Events matching the query across all pages', {
    type: 'string',
    pattern: '^\\d+$',
  }),
  'Content-Disposition': header('inline or attachment, with a file name for downloads'),
  Vary: header('Accept and/or Accept-Language where the representation is negotiated'),
  'Content-Language': header(
    'Language of the content: the timeline’s own, or an RFC 6497 tag for a translation ' +
      '(de-t-en-t0-und: German, translated from English by machine)',
  ),
  'Content-Security-Policy': header('Strict policy; HTML pages allow only their own hashed code'),
  Allow: header('The methods this path accepts'),
  'Retry-After': header('Seconds to wait before asking again', {
    type: 'string',
    pattern: '^\\d+$',
  }),
} satisfies Record<string, Json>

/** A header of {@link HEADERS}, by name. */
export type HeaderName = keyof typeof HEADERS
const headerRefs = (names: readonly HeaderName[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]))

/** Media type → schema, for `content`. */
export type ContentMap = Record<string, Json | undefined>

/**
 * A 200 response: content per media type (each with the example links), headers by name.
 * @example ok('The timelines', { 'application/json': ref('TimelineList') }, [], links)
 */
export const ok = (
  description: string,
  content: ContentMap,
  headers: readonly HeaderName[] = [],
  links: readonly ExampleLink[] = [],
) => ({
  description,
  headers: headerRefs(['ETag', 'Cache-Control', ...headers]),
  content: Object.fromEntries(
    Object.entries(content).map(([type, schema], i) => [
      type,
      {
        ...(schema ? { schema } : {}),
        // Each link under the media type its URL answers with; unmarked links under the first.
        ...examples(
          links.filter((link) => (link.media === undefined ? i === 0 : link.media === type)),
        ),
      },
    ]),
  ),
})

/**
 * An HTML error page (the embed shows errors inside the iframe, not as JSON).
 * @example htmlError('No such timeline, explained inside the frame', [{ summary: 'No such timeline', url: '/embed/nope' }])
 */
export const htmlError = (description: string, links: readonly ExampleLink[]) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' }, ...examples(links) } },
})

const problemResponse = (description: string, extraHeaders: readonly HeaderName[] = []) => ({
  description,
  ...(extraHeaders.length ? { headers: headerRefs(extraHeaders) } : {}),
  content: {
    [PROBLEM_MEDIA_TYPE]: {
      schema: ref('Problem'),
      example: {
        type: `${EXAMPLE_ORIGIN}/docs#problem-not-found`,
        title: 'Not found',
        status: 404,
        detail: 'No timeline "nope"',
        instance: '/v1/timelines/nope',
      },
    },
  },
})

/** `components.responses`: the problems. */
export const PROBLEM_RESPONSES = {
  BadRequest: problemResponse(
    'invalid-parameter or unknown-parameter: the problem names the parameter and what it accepts',
  ),
  NotFound: problemResponse('not-found: no such resource'),
  MethodNotAllowed: problemResponse('method-not-allowed: only GET, HEAD and OPTIONS are served', [
    'Allow',
  ]),
  NotAcceptable: problemResponse('not-acceptable: no representation matches the Accept header'),
  UriTooLong: problemResponse('uri-too-long: the URL is longer than 2048 characters'),
  ServiceUnavailable: problemResponse(
    'service-unavailable: the data this answer is built from could not be read just now (that ' +
      'timeline or list alone; the rest keeps answering). Never cached; retry after Retry-After',
    ['Retry-After', 'Cache-Control'],
  ),
} satisfies Record<string, Json>

/** The problem response of each status an operation may document. */
const PROBLEM_OF = {
  400: 'BadRequest',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  414: 'UriTooLong',
  503: 'ServiceUnavailable',
} as const satisfies Record<number, keyof typeof PROBLEM_RESPONSES>

/** A status answered with a problem document. */
export type ProblemStatus = keyof typeof PROBLEM_OF

/**
 * Problem responses of an operation by status, each with optional example links; 405 and 414
 * are added, since every route can answer them (limits and method checks run first).
 * @example problems({ 404: [{ summary: 'No such timeline', url: '/v1/timelines/nope' }] })
 */
export const problems = (which: Partial<Record<ProblemStatus, readonly ExampleLink[]>>) => {
  const all = { 405: [], 414: [], ...which }
  const out: Record<string, Json> = {}
  for (const [status, links] of Object.entries(all)) {
    const name = PROBLEM_OF[Number(status) as ProblemStatus]
    out[status] =
      links.length === 0
        ? { $ref: `#/components/responses/${name}` }
        : {
            ...PROBLEM_RESPONSES[name],
            content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem'), ...examples(links) } },
          }
  }
  return out
}

/** 304: the client's copy (If-None-Match) is current. */
export const NOT_MODIFIED = {
  description: 'Not modified: the ETag in If-None-Match is current',
  headers: headerRefs(['ETag', 'Cache-Control']),
}
