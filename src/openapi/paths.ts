/**
 * @module openapi/paths
 * `paths` of `/openapi.json`, one per entry of the route registry (src/routes/registry.ts):
 * parameters from the zod/mini schema that validates the query, bodies from the response schemas
 * and the formats registry, problems from the shared components.
 */
import { FORMAT_SPECS } from '../formats/registry.ts'
import type { Format } from '../query/schema.ts'
import type { Body, RouteEntry } from '../routes/route-entry.ts'
import { NOT_MODIFIED, htmlError, ok, problems, type ContentMap } from './components.ts'
import { pathParameter, queryParameters } from './parameters.ts'
import { ref } from './schemas.ts'

type Json = Record<string, unknown>

const STRING = { type: 'string' }

/** Schema of one format's body. */
const formatSchema = (format: Format): Json => {
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

/** Media type → schema of one kind of body. */
const contentOf = (body: Body): ContentMap => {
  if (body === 'json') return { 'application/json': { type: 'object' } }
  if (body === 'html') return { 'text/html': STRING }
  if (body === 'javascript') return { 'text/javascript': STRING }
  if (body === 'png') return { 'image/png': { type: 'string', format: 'binary' } }
  if (body === 'events') return eventContent()
  if ('json' in body) return { 'application/json': ref(body.json) }
  const spec = FORMAT_SPECS.find((f) => f.format === body.format)!
  return { [spec.mediaType]: formatSchema(body.format) }
}

/** The GET operation of one route. */
const operation = (route: RouteEntry): Json => {
  const hidden = route.undocumentedQuery ?? []
  const query = route.query
    ? queryParameters(route.query, route.queryExamples, route.queryDescriptions)
    : []
  const pages = Object.entries(route.errorPages ?? {}).map(([status, page]) => [
    status,
    htmlError(page.description, page.examples),
  ])
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: [
      ...(route.params ?? []).map((p) => pathParameter(p.name, p.description, p.example)),
      ...query.filter((p) => !hidden.includes(p.name)),
    ],
    responses: {
      '200': ok(
        route.ok.description,
        Object.assign({}, ...route.ok.body.map(contentOf)) as ContentMap,
        route.ok.headers,
        route.ok.examples,
      ),
      '304': NOT_MODIFIED,
      ...Object.fromEntries(pages),
      // Every route that reads the data tier may find a file unreadable (src/data/store.ts).
      ...problems({
        ...(route.codeOnly || route.errorPages?.[503] ? {} : { 503: [] }),
        ...route.errors,
      }),
    },
  }
}

/**
 * `paths`: every route of the registry, in its order, each with its one GET operation.
 * @example Object.keys(openApiPaths(ROUTES)) // ['/', '/v1', '/v1/timelines', …]
 */
export const openApiPaths = (routes: readonly RouteEntry[]): Record<string, Json> =>
  Object.fromEntries(routes.map((route) => [route.path, { get: operation(route) }]))
