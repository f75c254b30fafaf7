/**
 * @module query/schema
 * The query language of the API, defined once: the HTTP layer validates requests with these
 * schemas, the OpenAPI document is generated from them, and the query functions take their output
 * types. Parameters may repeat (`?kind=visit&kind=meeting`) or hold commas (`kind=visit,meeting`).
 *
 * Written with `zod/mini`, zod's tree-shakable build: the full build would add ~450 KB to the
 * Worker bundle; this costs a fraction of that with the same parser and JSON Schema generator.
 */
import * as z from 'zod/mini'
import {
  canonicalLocale,
  EVENT_KINDS,
  EVENT_STATUSES,
  ID_PATTERN,
  PARTIAL_DATE_PATTERN,
} from '../model/vocabulary.ts'
import { partialDateRange } from '../model/dates.ts'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 500
/** Longest accepted value of one parameter: enough for any real query, short enough to stay cheap. */
const MAX_PARAM_LENGTH = 256
const MAX_LIST_VALUES = 20

/** The representations an event query can be answered in. */
export const FORMATS = [
  'json',
  'jsonld',
  'ics',
  'atom',
  'jsonfeed',
  'csv',
  'geojson',
  'timelinejs',
  'svg',
] as const
export type Format = (typeof FORMATS)[number]

/** The fields of an event a client may pick with `fields`. */
export const EVENT_FIELDS = [
  'id',
  'timeline',
  'date',
  'title',
  'summary',
  'kind',
  'tags',
  'status',
  'places',
  'participants',
  'citations',
  'notes',
  'related',
] as const
export type EventField = (typeof EVENT_FIELDS)[number]

/** A parameter that may appear once. */
const single = (name: string) =>
  z.string({ error: `"${name}" must be given once` }).check(
    z.maxLength(MAX_PARAM_LENGTH, {
      error: `"${name}" is longer than ${MAX_PARAM_LENGTH} characters`,
    }),
  )

/** A list parameter: repeated and/or comma-separated values, each checked by `item`. */
const list = <T extends z.ZodMiniType<string, string>>(name: string, item: T, accepts: string) =>
  z
    .pipe(
      z.pipe(
        z.union([z.string(), z.array(z.string())], { error: `"${name}" accepts ${accepts}` }),
        z.transform((value: string | string[]) =>
          (Array.isArray(value) ? value : [value])
            .flatMap((v) => v.split(','))
            .map((v) => v.trim())
            .filter(Boolean),
        ),
      ),
      z.array(item).check(
        z.minLength(1, { error: `"${name}" is empty; it accepts ${accepts}` }),
        z.maxLength(MAX_LIST_VALUES, {
          error: `"${name}" accepts at most ${MAX_LIST_VALUES} values`,
        }),
      ),
    )
    .check(z.describe(`${accepts}; comma-separated or repeated values are OR-ed`))

const ids = (name: string, what: string) =>
  list(
    name,
    z
      .string()
      .check(
        z.maxLength(80, { error: `"${name}" values are ids like "wang-yi"` }),
        z.regex(ID_PATTERN, { error: `"${name}" values are ids like "wang-yi"` }),
      ),
    `${what} ids`,
  )

const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  list(name, z.enum(values, { error: `"${name}" accepts ${values.join(', ')}` }), values.join(', '))

const dateBound = (name: string, description: string) =>
  single(name).check(
    z.regex(PARTIAL_DATE_PATTERN, { error: `"${name}" accepts YYYY, YYYY-MM or YYYY-MM-DD` }),
    z.refine((v: string) => partialDateRange(v) !== undefined, {
      error: `"${name}" is not a real calendar date`,
    }),
    z.meta({ description, examples: ['2023-02-18', '2023-02', '2023'] }),
  )

/** Filters shared by the API, the formats and the embed page. */
export const eventFilterShape = {
  from: z.optional(
    dateBound('from', 'Events that end on or after this day, month or year (inclusive)'),
  ),
  to: z.optional(
    dateBound('to', 'Events that start on or before this day, month or year (inclusive)'),
  ),
  actor: z.optional(ids('actor', 'Actor')),
  place: z.optional(ids('place', 'Place')),
  kind: z.optional(oneOf('kind', EVENT_KINDS)),
  tag: z.optional(ids('tag', 'Tag')),
  status: z.optional(oneOf('status', EVENT_STATUSES)),
  q: z.optional(
    single('q').check(
      z.describe(
        'Words that must all appear in a title, summary or quote (case- and accent-insensitive)',
      ),
    ),
  ),
  sort: z.optional(
    z
      .enum(['asc', 'desc'], { error: '"sort" accepts asc or desc' })
      .check(z.describe('Chronological (asc, default) or reverse (desc)')),
  ),
}

/**
 * `lang`: the content language, a BCP 47 tag. A tag the timeline lacks is not an error (the
 * original is served); a malformed one is, and its message never repeats the value.
 */
export const langParam = z.optional(
  z.pipe(
    single('lang').check(
      z.refine((v: string) => canonicalLocale(v) !== undefined, {
        error: '"lang" must be a BCP 47 language tag, like de, fr-CH or zh-Hans',
      }),
      z.meta({
        description:
          'Content language (BCP 47; RFC 4647 lookup, so fr-CH gets fr). Beats Accept-Language; ' +
          'a language the timeline lacks gets the original',
        examples: ['de', 'zh-Hans-CN'],
      }),
    ),
    z.transform((v: string) => canonicalLocale(v)!),
  ),
)

const LIMIT_ERROR = `"limit" accepts a whole number from 1 to ${MAX_LIMIT}`
/** `limit`, given once: a whole number from 1 to MAX_LIMIT. The API's page size, the embed's cap. */
export const limitNumber = z
  .pipe(single('limit').check(z.regex(/^\d{1,4}$/, { error: LIMIT_ERROR })), z.transform(Number))
  .check(z.refine((n: number) => n >= 1 && n <= MAX_LIMIT, { error: LIMIT_ERROR }))
const limit = z.optional(
  limitNumber.check(z.describe(`Page size, ${DEFAULT_LIMIT} by default, at most ${MAX_LIMIT}`)),
)

/** `GET /v1/timelines/{id}/events`: filters, sort, sparse fieldsets, paging and format. */
export const EventListQuery = z.strictObject({
  ...eventFilterShape,
  fields: z.optional(oneOf('fields', EVENT_FIELDS)),
  lang: langParam,
  limit,
  cursor: z.optional(
    single('cursor').check(
      z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '"cursor" must be a cursor from a previous page' }),
      z.describe('Opaque cursor from a previous page’s next or prev link'),
    ),
  ),
  format: z.optional(
    z
      .enum(FORMATS, { error: `"format" accepts ${FORMATS.join(', ')}` })
      .check(z.describe('Representation; also chosen by Accept or a file extension')),
  ),
})
export type EventListQuery = z.output<typeof EventListQuery>

/** Resources whose only parameter is the content language. */
export const LangQuery = z.strictObject({ lang: langParam })
export type LangQuery = z.output<typeof LangQuery>

/** Query strings of resources that take no parameters. */
export const NoQuery = z.strictObject({})
