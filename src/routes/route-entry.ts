/**
 * @module routes/route-entry
 * What an entry of the route registry (src/routes/registry.ts) says about a route, and the
 * builder of the most common kind of entry: a JSON resource that takes no query.
 */
import type { $ZodObject } from 'zod/v4/core'
import { LangQuery, NoQuery, type Format } from '../query/schema.ts'
import type { HeaderName, ProblemStatus } from '../openapi/components.ts'
import { EXAMPLE_TIMELINE, type ExampleLink } from '../openapi/examples.ts'
import type { SchemaName } from '../openapi/schemas.ts'
import type { SubApp } from './registry.ts'

/** Groups of operations in the documentation (described in src/openapi/document.ts). */
export type Tag = 'Discovery' | 'Timelines' | 'Events' | 'Formats' | 'Entities' | 'Embed'

/** What a 200 carries, one entry per media type. */
export type Body =
  /** `application/json`, one of the schemas in src/openapi/schemas.ts. */
  | { json: SchemaName }
  /** `application/json`, any object (the OpenAPI document itself). */
  | 'json'
  | 'html'
  | 'javascript'
  /** `image/png`, bytes made at build time (the social cards). */
  | 'png'
  /** Every format of src/formats/registry.ts, negotiated. */
  | 'events'
  /** One format, fixed by the path's extension. */
  | { format: Format }

/** A path parameter: an id like the data's. */
export interface PathParam {
  name: string
  description: string
  example: string
}

export interface RouteEntry {
  /** The sub-app that serves it: its full path starts with `MOUNTS[app]`. */
  app: SubApp
  /** The full path, parameters in OpenAPI form (`{id}`). */
  path: string
  /** Its name in `links` of `GET /v1`; routes without one are not linked. */
  link?: string
  operationId: string
  tag: Tag
  summary: string
  description?: string
  /** Path parameters, in path order. */
  params?: readonly PathParam[]
  /** The zod/mini schema that validates the query; none: the route reads no query. */
  query?: $ZodObject
  queryExamples?: Record<string, unknown>
  /** Descriptions of parameters whose schema has none. */
  queryDescriptions?: Record<string, string>
  /** Parameters the route accepts but the path makes moot, left out of the documentation. */
  undocumentedQuery?: readonly string[]
  /** The 200: its description, bodies, headers beyond ETag and Cache-Control, example links. */
  ok: {
    description: string
    body: readonly Body[]
    headers?: readonly HeaderName[]
    examples: readonly ExampleLink[]
  }
  /** Problems it answers, with example links (`[]`: the status alone); 405 and 414 always. */
  errors?: Partial<Record<ProblemStatus, readonly ExampleLink[]>>
  /** Errors answered with an HTML page instead of a problem (the embed, inside its iframe). */
  errorPages?: Partial<Record<400 | 404 | 503, { description: string; examples: ExampleLink[] }>>
  /**
   * Built from code alone, never from the data tier (src/data/): it cannot answer the 503 a data
   * file that cannot be read gives every other route.
   */
  codeOnly?: true
}

/**
 * A concrete path: each parameter replaced by its example id, the last one by `lastId` if given.
 * @example examplePath('/v1/actors/{id}', [{ name: 'id', description: 'Actor id', example: 'wang-yi' }]) // '/v1/actors/wang-yi'
 */
export const examplePath = (path: string, params: readonly PathParam[] = [], lastId?: string) =>
  params.reduce(
    (url, p, i) =>
      url.replace(`{${p.name}}`, lastId && i === params.length - 1 ? lastId : p.example),
    path,
  )

/** The fields of a JSON resource's entry that {@link resource} does not derive. */
export type ResourceFields = Pick<
  RouteEntry,
  'app' | 'path' | 'link' | 'operationId' | 'tag' | 'summary' | 'params'
> & {
  /** Its body's schema, in src/openapi/schemas.ts. */
  schema: SchemaName
  /** Also answers `Accept: text/html` with a page (hence `Vary`). */
  html?: boolean
  /** Content in several languages: takes `lang`, negotiates `Accept-Language`. */
  lang?: boolean
}

/**
 * A JSON resource that takes no query: any parameter is a 400 and, with a path parameter, an
 * unknown id (`nope`) a 404. Its summary describes the 200; the example is the path with the
 * parameters' example ids.
 * @example resource({ app: 'actors', path: '/v1/actors', operationId: 'listActors', tag: 'Entities', summary: 'Actors', schema: 'ActorList' })
 */
export const resource = ({ schema, html, lang, ...entry }: ResourceFields): RouteEntry => {
  const example = examplePath(entry.path, entry.params)
  return {
    ...entry,
    query: lang ? LangQuery : NoQuery,
    ok: {
      description: entry.summary,
      body: [{ json: schema }, ...(html ? (['html'] as const) : [])],
      headers: lang ? ['Content-Language', 'Vary'] : html ? ['Vary'] : [],
      examples: [{ summary: entry.summary, url: example }],
    },
    errors: {
      400: [
        lang
          ? { summary: 'A malformed language tag', url: `${example}?lang=not_a_tag` }
          : { summary: 'No parameters are accepted', url: `${example}?limit=1` },
      ],
      ...(entry.params?.length
        ? {
            404: [
              { summary: 'No such resource', url: examplePath(entry.path, entry.params, 'nope') },
            ],
          }
        : {}),
    },
  }
}

/**
 * `?name={name}` for each query parameter a route requires (oEmbed's `url`): the template of
 * its link in the API index.
 * @example requiredQuery(OEmbedQuery) // '?url={url}'
 */
export const requiredQuery = (query: $ZodObject | undefined): string => {
  const shape: Record<string, { _zod: { optin?: unknown } }> = query?._zod.def.shape ?? {}
  const names = Object.keys(shape).filter((name) => !shape[name]!._zod.optin)
  return names.length ? `?${names.map((name) => `${name}={${name}}`).join('&')}` : ''
}

/** The `{id}` of every timeline path. */
export const TIMELINE_ID: PathParam = {
  name: 'id',
  description: 'Timeline id',
  example: EXAMPLE_TIMELINE,
}
