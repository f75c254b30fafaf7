/**
 * @module openapi/document
 * The OpenAPI 3.1 description of every route the Worker serves, generated: paths from the route
 * registry (src/routes/registry.ts), query parameters from the zod/mini schemas that validate
 * them, event media types from the formats registry, problem types from the problem helper. A
 * pure function; the docs route builds it once per isolate.
 */
import { PROBLEM_TITLES } from '../http/problem.ts'
import { ROUTES } from '../routes/registry.ts'
import type { Tag } from '../routes/route-entry.ts'
import { HEADERS, PROBLEM_RESPONSES } from './components.ts'
import { openApiPaths } from './paths.ts'
import { RESPONSE_SCHEMAS } from './schemas.ts'

/** The groups of operations, in the order the docs page shows them. */
const TAGS: { name: Tag; description?: string }[] = [
  { name: 'Discovery' },
  { name: 'Timelines' },
  { name: 'Events' },
  { name: 'Formats', description: 'The events of a timeline as files, by extension' },
  { name: 'Entities', description: 'Actors and places, across timelines' },
  { name: 'Embed', description: 'The widget: iframe page, loader script and oEmbed' },
]

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
  tags: TAGS,
  paths: openApiPaths(ROUTES),
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
