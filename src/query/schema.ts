/**
 * @module query/schema
 * The query language of the API, defined once with zod: the HTTP layer validates requests with
 * these schemas, the OpenAPI document is generated from them, and the query functions take their
 * output types. Parameters may repeat (`?kind=visit&kind=meeting`) or hold commas (`kind=visit,meeting`).
 */
import { z } from 'zod'
import { EVENT_KINDS, EVENT_STATUSES, ID_PATTERN, PARTIAL_DATE_PATTERN } from '../model/schema.ts'
import { partialDateRange } from '../model/dates.ts'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 500
/** Longest accepted value of one parameter: long enough for any real query, short enough to stay cheap. */
export const MAX_PARAM_LENGTH = 256
export const MAX_LIST_VALUES = 20

/** The representations an event query can be answered in. */
export const FORMATS = ['json', 'jsonld', 'ics', 'atom', 'jsonfeed', 'csv', 'geojson', 'timelinejs'] as const
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

const single = (name: string) =>
  z.string({ error: `"${name}" must be given once` }).max(MAX_PARAM_LENGTH, {
    error: `"${name}" is longer than ${MAX_PARAM_LENGTH} characters`,
  })

/** A list parameter: repeated and/or comma-separated values, each checked by `item`. */
const list = <T extends z.ZodType<string, string>>(name: string, item: T, accepts: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `"${name}" accepts ${accepts}` })
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(item, { error: `"${name}" accepts ${accepts}` })
        .min(1, { error: `"${name}" is empty; it accepts ${accepts}` })
        .max(MAX_LIST_VALUES, { error: `"${name}" accepts at most ${MAX_LIST_VALUES} values` }),
    )
    .meta({ description: `One or more of ${accepts}, comma-separated or repeated (OR)` })

const idItem = (name: string) =>
  z.string().max(80).regex(ID_PATTERN, { error: `"${name}" values are ids like "wang-yi"` })

const dateBound = (name: string) =>
  single(name)
    .regex(PARTIAL_DATE_PATTERN, { error: `"${name}" accepts YYYY, YYYY-MM or YYYY-MM-DD` })
    .refine((v) => partialDateRange(v) !== undefined, {
      error: `"${name}" is not a real calendar date`,
    })
    .meta({ examples: ['2023-02-18', '2023-02', '2023'] })

/** Filters shared by the API, the formats and the embed page. */
export const eventFilterShape = {
  from: dateBound('from')
    .optional()
    .describe('Events that end on or after this day, month or year (inclusive)'),
  to: dateBound('to')
    .optional()
    .describe('Events that start on or before this day, month or year (inclusive)'),
  actor: list('actor', idItem('actor'), 'actor ids').optional(),
  place: list('place', idItem('place'), 'place ids').optional(),
  kind: list('kind', z.enum(EVENT_KINDS, { error: `"kind" accepts ${EVENT_KINDS.join(', ')}` }), EVENT_KINDS.join(', ')).optional(),
  tag: list('tag', idItem('tag'), 'tag ids').optional(),
  status: list('status', z.enum(EVENT_STATUSES, { error: `"status" accepts ${EVENT_STATUSES.join(', ')}` }), EVENT_STATUSES.join(', ')).optional(),
  q: single('q')
    .optional()
    .describe('Words that must all appear in the title, summary or a quote (case- and accent-insensitive)'),
  sort: z
    .enum(['asc', 'desc'], { error: '"sort" accepts asc or desc' })
    .optional()
    .describe('Chronological (asc, default) or reverse (desc)'),
}

const limit = single('limit')
  .regex(/^\d{1,4}$/, { error: `"limit" accepts a whole number from 1 to ${MAX_LIMIT}` })
  .transform(Number)
  .pipe(
    z
      .number()
      .min(1, { error: `"limit" accepts a whole number from 1 to ${MAX_LIMIT}` })
      .max(MAX_LIMIT, { error: `"limit" accepts a whole number from 1 to ${MAX_LIMIT}` }),
  )
  .optional()
  .describe(`Page size, ${DEFAULT_LIMIT} by default, at most ${MAX_LIMIT}`)

/** `GET /v1/timelines/{id}/events`: filters, sort, sparse fieldsets, paging and format. */
export const EventListQuery = z
  .object({
    ...eventFilterShape,
    fields: list('fields', z.enum(EVENT_FIELDS, { error: `"fields" accepts ${EVENT_FIELDS.join(', ')}` }), EVENT_FIELDS.join(', ')).optional(),
    limit,
    cursor: single('cursor')
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '"cursor" must be a cursor from a previous page' })
      .optional()
      .describe('Opaque cursor from a previous page’s next or prev link'),
    format: z
      .enum(FORMATS, { error: `"format" accepts ${FORMATS.join(', ')}` })
      .optional()
      .describe('Representation; also chosen by Accept or a file extension'),
  })
  .strict()
export type EventListQuery = z.output<typeof EventListQuery>

/** Query strings of resources that take no parameters but a format. */
export const NoQuery = z.object({}).strict()

export const IdParam = z.object({
  id: z.string().max(80).regex(ID_PATTERN, { error: 'ids are lowercase words joined by hyphens' }),
})
export const EventIdParams = IdParam.extend({ eventId: IdParam.shape.id })
