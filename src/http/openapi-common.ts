/**
 * @module http/openapi-common
 * The reusable parts of `/openapi.json` (`components.headers` and `components.responses`) and
 * the helpers operations are written with: a 200 with headers and example links, and the problem
 * responses every operation shares.
 */
import { PROBLEM_CONTENT_TYPE } from './problem.ts'
import { ref } from './openapi-responses.ts'

type Json = Record<string, unknown>

/**
 * Stand-in origin in example URLs that must name a Dateline URL (oEmbed's `url`). The docs page
 * and the tests substitute the origin that serves them (see {@link exampleFor}).
 */
export const EXAMPLE_ORIGIN = 'https://dateline.example'

/**
 * An example URL as served from `origin`: {@link EXAMPLE_ORIGIN} inside it replaced.
 * @example exampleFor('/oembed?url=https%3A%2F%2Fdateline.example%2Fembed%2Fx', 'http://localhost:8787')
 */
export const exampleFor = (url: string, origin: string): string =>
  url.replaceAll(encodeURIComponent(EXAMPLE_ORIGIN), encodeURIComponent(origin))

/** An example link: OpenAPI's `externalValue`, a URL whose response *is* the example. */
export interface ExampleLink {
  summary: string
  /** Root-relative URL that answers with the documented status. */
  url: string
  /** Media type the URL answers with, when not the response's first one. */
  media?: string
}

const header = (description: string, schema: Json = { type: 'string' }) => ({
  description,
  schema,
})

/** `components.headers`. */
export const HEADERS = {
  ETag: header('Strong validator of this exact body; send it back in If-None-Match for a 304'),
  'Cache-Control': header('public, max-age=300, s-maxage=86400, stale-while-revalidate=86400'),
  Link: header('RFC 8288 paging links: rel="first", "next" and "prev"'),
  'X-Total-Count': header('Events matching the query across all pages', {
    type: 'string',
    pattern: '^\\d+$',
  }),
  'Content-Disposition': header('inline or attachment, with a file name for downloads'),
  Vary: header('Accept where the representation is negotiated'),
  'Content-Security-Policy': header('Strict policy; HTML pages allow only their own hashed code'),
  Allow: header('The methods this path accepts'),
} satisfies Record<string, Json>

type HeaderName = keyof typeof HEADERS
const headerRefs = (names: readonly HeaderName[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]))

const examples = (links: readonly ExampleLink[]) =>
  links.length === 0
    ? {}
    : {
        examples: Object.fromEntries(
          links.map((link, i) => [
            `example${i + 1}`,
            { summary: link.summary, externalValue: link.url },
          ]),
        ),
      }

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

const problemResponse = (description: string, extraHeaders: readonly HeaderName[] = []) => ({
  description,
  ...(extraHeaders.length ? { headers: headerRefs(extraHeaders) } : {}),
  content: {
    [PROBLEM_CONTENT_TYPE.split(';')[0]!]: {
      schema: ref('Problem'),
      example: {
        type: 'https://dateline.example/docs#problem-not-found',
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
} satisfies Record<string, Json>

type ProblemName = keyof typeof PROBLEM_RESPONSES
const STATUS_OF: Record<ProblemName, string> = {
  BadRequest: '400',
  NotFound: '404',
  MethodNotAllowed: '405',
  NotAcceptable: '406',
  UriTooLong: '414',
}

/**
 * Problem responses of an operation, each with optional example links.
 * @example problems({ NotFound: [{ summary: 'No such timeline', url: '/v1/timelines/nope' }] })
 */
export const problems = (which: Partial<Record<ProblemName, readonly ExampleLink[]>>) => {
  const all: Partial<Record<ProblemName, readonly ExampleLink[]>> = {
    ...which,
    MethodNotAllowed: which.MethodNotAllowed ?? [],
    UriTooLong: which.UriTooLong ?? [],
  }
  const out: Record<string, Json> = {}
  for (const name of Object.keys(STATUS_OF) as ProblemName[]) {
    const links = all[name]
    if (!links) continue
    out[STATUS_OF[name]] =
      links.length === 0
        ? { $ref: `#/components/responses/${name}` }
        : {
            ...PROBLEM_RESPONSES[name],
            content: {
              'application/problem+json': {
                schema: ref('Problem'),
                ...examples(links),
              },
            },
          }
  }
  return out
}

/** 304: the client's copy (If-None-Match) is current. */
export const NOT_MODIFIED = {
  description: 'Not modified: the ETag in If-None-Match is current',
  headers: headerRefs(['ETag', 'Cache-Control']),
}
