/**
 * @module http/openapi
 * The OpenAPI 3.1 description of every route the Worker serves, generated: query parameters come
 * from the zod/mini schemas that validate them, event media types from the formats registry,
 * problem types from the problem helper. A pure function; the route builds it once per isolate.
 */
import { FORMAT_SPECS } from '../formats/registry.ts'
import { EventListQuery, NoQuery } from '../query/schema.ts'
import { PROBLEM_TITLES } from './problem.ts'
import { pathParameter, queryParameters } from './openapi-params.ts'
import { RESPONSE_SCHEMAS, ref } from './openapi-responses.ts'
import {
  HEADERS,
  NOT_MODIFIED,
  PROBLEM_RESPONSES,
  ok,
  problems,
  type ContentMap,
} from './openapi-common.ts'
import { EMBED_OPERATIONS } from './openapi-embed.ts'

type Json = Record<string, unknown>

export const EXAMPLE_TIMELINE = 'wang-yi-moscow-2023'
export const EXAMPLE_EVENT = 'putin-meets-wang-yi'
export const EXAMPLE_ACTOR = 'wang-yi'
export const EXAMPLE_PLACE = 'moscow'

const TIMELINE_ID = pathParameter('id', 'Timeline id', EXAMPLE_TIMELINE)
const T = `/v1/timelines/${EXAMPLE_TIMELINE}`
const HTML = { 'text/html': { type: 'string' } }
const HTML_CONTENT = { 'text/html': { schema: HTML['text/html'] } }

/** Schema of one format's body in the events operation. */
const formatSchema = (format: string): Json | undefined => {
  if (format === 'json') return ref('EventList')
  const spec = FORMAT_SPECS.find((f) => f.format === format)!
  const isJson = spec.mediaType.endsWith('json')
  return { type: isJson ? 'object' : 'string', description: `${spec.label}: ${spec.spec}` }
}

/** Every format's media type; formats sharing one (JSON, TimelineJS) are listed once. */
const eventContent = (): ContentMap => {
  const content: ContentMap = {}
  for (const spec of FORMAT_SPECS) content[spec.mediaType] ??= formatSchema(spec.format)
  return content
}

const EVENT_EXAMPLES = [
  { summary: 'Visits and meetings', url: `${T}/events?kind=visit,meeting` },
  { summary: 'Wang Yi, from 18 February', url: `${T}/events?actor=wang-yi&from=2023-02-18` },
  { summary: 'Search, newest first, 5 per page', url: `${T}/events?q=munich&sort=desc&limit=5` },
  { summary: 'Sparse fieldset', url: `${T}/events?fields=title,date&limit=3` },
  // Formats sharing JSON's media type (TimelineJS) are exemplified on their extension path, so
  // every example here answers with the schema documented for its media type.
  ...FORMAT_SPECS.filter((f) => f.format !== 'json' && f.negotiable).map((f) => ({
    summary: f.label,
    url: `${T}/events?format=${f.format}`,
    media: f.mediaType,
  })),
]

const eventsOperation = (): Json => ({
  operationId: 'listEvents',
  tags: ['Events'],
  summary: 'Events of a timeline: filtered, sorted, paged, in any format',
  description:
    'Values of one parameter are OR-ed, different parameters AND-ed; dates match by overlap. ' +
    'The representation is chosen by `format`, the Accept header, or a file extension ' +
    '(`/events.ics`). Paging is by opaque cursor: follow `links.next` or the `Link` header.',
  parameters: [
    TIMELINE_ID,
    ...queryParameters(EventListQuery, { kind: ['visit', 'meeting'], from: '2023-02-18' }),
  ],
  responses: {
    '200': ok(
      'A page of events (JSON) or all matching events in another format',
      eventContent(),
      ['Link', 'X-Total-Count', 'Content-Disposition', 'Vary'],
      EVENT_EXAMPLES,
    ),
    '304': NOT_MODIFIED,
    ...problems({
      BadRequest: [
        { summary: 'An unknown kind', url: `${T}/events?kind=party` },
        { summary: 'Not a date', url: `${T}/events?from=yesterday` },
        { summary: 'An unknown parameter', url: `${T}/events?colour=red` },
      ],
      NotFound: [{ summary: 'No such timeline', url: '/v1/timelines/nope/events' }],
      NotAcceptable: [],
    }),
  },
})

/** `/v1/timelines/{id}/events.{extension}`: one path per format, as the router serves them. */
const extensionPaths = (): Record<string, Json> =>
  Object.fromEntries(
    FORMAT_SPECS.flatMap((spec) =>
      spec.extensions.map((ext) => [
        `/v1/timelines/{id}/events.${ext}`,
        {
          get: {
            operationId: `listEvents_${ext.replace(/\W/g, '_')}`,
            tags: ['Formats'],
            summary: `Events as ${spec.label}`,
            description: `Same query as \`/events\`, always as ${spec.label} (${spec.spec}).`,
            parameters: [
              TIMELINE_ID,
              ...queryParameters(EventListQuery).filter((p) => p.name !== 'format'),
            ],
            responses: {
              '200': ok(
                spec.label,
                { [spec.mediaType]: formatSchema(spec.format) },
                ['Content-Disposition', 'Link', 'X-Total-Count'],
                [{ summary: spec.label, url: `${T}/events.${ext}` }],
              ),
              '304': NOT_MODIFIED,
              ...problems({
                BadRequest: [],
                NotFound: [
                  { summary: 'No such timeline', url: `/v1/timelines/nope/events.${ext}` },
                ],
              }),
            },
          },
        },
      ]),
    ),
  )

/** A GET operation on a JSON resource that takes no query parameters. */
const jsonGet = (
  operationId: string,
  tag: string,
  summary: string,
  schema: string,
  url: string,
  pathParams: Json[] = [],
  notFound?: string,
): Json => ({
  get: {
    operationId,
    tags: [tag],
    summary,
    parameters: [...pathParams, ...queryParameters(NoQuery)],
    responses: {
      '200': ok(summary, { 'application/json': ref(schema) }, [], [{ summary, url }]),
      '304': NOT_MODIFIED,
      ...problems({
        BadRequest: [{ summary: 'No parameters are accepted', url: `${url}?limit=1` }],
        ...(notFound ? { NotFound: [{ summary: 'No such resource', url: notFound }] } : {}),
      }),
    },
  },
})

const indexOperation = (path: string, withHtml: boolean): Json => {
  const op = jsonGet(
    path === '/' ? 'home' : 'apiIndex',
    'Discovery',
    withHtml
      ? 'Entry point: JSON index for API clients, the landing page for browsers (Accept: text/html)'
      : 'Entry point: links to every resource',
    'ApiIndex',
    path,
  )
  if (withHtml) {
    const get = op.get as { responses: Record<string, Json> }
    const res = get.responses['200']!
    res.content = { ...(res.content as Json), ...HTML_CONTENT }
    res.headers = { ...(res.headers as Json), Vary: { $ref: '#/components/headers/Vary' } }
  }
  return op
}

/**
 * The OpenAPI 3.1 document. Server-relative (`servers: [{ url: '/' }]`), so one body serves every
 * host and is cached once.
 * @example const doc = openApiDocument(); doc.paths['/v1/timelines']
 */
export const openApiDocument = () => ({
  openapi: '3.1.0',
  info: {
    title: 'Dateline API',
    version: '1.0.0',
    summary: 'Chronological timelines of real diplomatic events, every fact sourced',
    description:
      'Read-only API and embeddable widget. Every fact carries a verbatim quote of its source. ' +
      'Errors are RFC 9457 problem documents whose `type` links to `/docs#problem-<type>`. ' +
      'Every 200 has a strong ETag (send If-None-Match for a 304); CORS is open to any origin.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'Discovery' },
    { name: 'Timelines' },
    { name: 'Events' },
    { name: 'Formats', description: 'The events of a timeline as files, by extension' },
    { name: 'Entities', description: 'Actors and places, across timelines' },
    { name: 'Embed', description: 'The widget: iframe page, loader script and oEmbed' },
  ],
  paths: {
    '/': indexOperation('/', true),
    '/v1': indexOperation('/v1', false),
    '/v1/timelines': jsonGet(
      'listTimelines',
      'Timelines',
      'Timelines',
      'TimelineList',
      '/v1/timelines',
    ),
    '/v1/timelines/{id}': jsonGet(
      'getTimeline',
      'Timelines',
      'A whole timeline: metadata, sources and every event',
      'Timeline',
      T,
      [TIMELINE_ID],
      '/v1/timelines/nope',
    ),
    '/v1/timelines/{id}/events': { get: eventsOperation() },
    ...extensionPaths(),
    '/v1/timelines/{id}/events/{eventId}': jsonGet(
      'getEvent',
      'Events',
      'One event with its neighbours in time and related events',
      'EventDocument',
      `${T}/events/${EXAMPLE_EVENT}`,
      [TIMELINE_ID, pathParameter('eventId', 'Event id', EXAMPLE_EVENT)],
      `${T}/events/nope`,
    ),
    '/v1/actors': jsonGet('listActors', 'Entities', 'Actors', 'ActorList', '/v1/actors'),
    '/v1/actors/{id}': jsonGet(
      'getActor',
      'Entities',
      'An actor and every event it takes part in',
      'ActorDocument',
      `/v1/actors/${EXAMPLE_ACTOR}`,
      [pathParameter('id', 'Actor id', EXAMPLE_ACTOR)],
      '/v1/actors/nope',
    ),
    '/v1/places': jsonGet('listPlaces', 'Entities', 'Places', 'PlaceList', '/v1/places'),
    '/v1/places/{id}': jsonGet(
      'getPlace',
      'Entities',
      'A place and every event held there',
      'PlaceDocument',
      `/v1/places/${EXAMPLE_PLACE}`,
      [pathParameter('id', 'Place id', EXAMPLE_PLACE)],
      '/v1/places/nope',
    ),
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        tags: ['Discovery'],
        summary: 'This document',
        parameters: queryParameters(NoQuery),
        responses: {
          '200': ok(
            'OpenAPI 3.1',
            { 'application/json': { type: 'object' } },
            [],
            [{ summary: 'OpenAPI', url: '/openapi.json' }],
          ),
          '304': NOT_MODIFIED,
          ...problems({ BadRequest: [] }),
        },
      },
    },
    '/docs': {
      get: {
        operationId: 'docs',
        tags: ['Discovery'],
        summary: 'Human documentation, rendered from this document; works offline',
        parameters: queryParameters(NoQuery),
        responses: {
          '200': ok('HTML', HTML, ['Content-Security-Policy'], [{ summary: 'Docs', url: '/docs' }]),
          '304': NOT_MODIFIED,
          ...problems({ BadRequest: [] }),
        },
      },
    },
    ...EMBED_OPERATIONS(),
  },
  components: {
    schemas: RESPONSE_SCHEMAS,
    headers: HEADERS,
    responses: PROBLEM_RESPONSES,
  },
  'x-problem-types': Object.fromEntries(
    Object.entries(PROBLEM_TITLES).map(([type, title]) => [
      type,
      { title, docs: `/docs#problem-${type}` },
    ]),
  ),
})

export type OpenApiDocument = ReturnType<typeof openApiDocument>
