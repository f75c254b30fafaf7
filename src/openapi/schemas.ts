/**
 * @module openapi/schemas
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the API's JSON resources and of its RFC 9457
 * problems, for `components.schemas` of `/openapi.json`.
 *
 * Hand-written rather than generated: the model's zod schemas (src/model/schema.ts) describe the
 * data *files* and need full zod, which would add ~450 KB to the Worker; the responses are those
 * files resolved and reshaped by src/query/present.ts. Objects are closed
 * (`additionalProperties: false`) so tests/unit/openapi.test.ts, which validates real responses
 * against these schemas, fails as soon as a response and its documentation drift apart.
 */
import {
  ACTOR_TYPES,
  EVENT_KINDS,
  EVENT_STATUSES,
  ID_PATTERN,
  NOTE_TYPES,
  PARTIAL_DATE_PATTERN,
  PARTICIPANT_ROLES,
  PRECISIONS,
} from '../model/vocabulary.ts'
import { PROBLEM_TITLES } from '../http/problem.ts'

type Schema = Record<string, unknown>

/** `$ref` to a schema of this module. */
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })

const closed = (properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
})

const str: Schema = { type: 'string' }
const int: Schema = { type: 'integer', minimum: 0 }
const id: Schema = { type: 'string', pattern: ID_PATTERN.source, maxLength: 80 }
const partialDate: Schema = {
  type: 'string',
  pattern: PARTIAL_DATE_PATTERN.source,
  examples: ['2023-02-21', '2023-02', '2023'],
}
const path: Schema = { type: 'string', pattern: '^/', description: 'Root-relative URL' }
const arrayOf = (items: Schema): Schema => ({ type: 'array', items })

const EVENT_DATE = closed(
  {
    start: { ...partialDate, description: 'First day, written at its precision' },
    end: { ...partialDate, description: 'Last day (inclusive) of a span' },
    precision: { enum: [...PRECISIONS] },
    approximate: { type: 'boolean', description: 'Some day within start..end, not every day' },
    display: { ...str, description: 'Human wording, e.g. "Mid-February"' },
  },
  ['end', 'approximate', 'display'],
)

const ACTOR = closed(
  {
    id,
    name: str,
    type: { enum: [...ACTOR_TYPES] },
    description: str,
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    wikidata: { type: 'string', pattern: '^Q\\d+$' },
  },
  ['description', 'country', 'wikidata'],
)

const PLACE = closed(
  {
    id,
    name: str,
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    coordinates: closed({
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lon: { type: 'number', minimum: -180, maximum: 180 },
    }),
    wikidata: { type: 'string', pattern: '^Q\\d+$' },
  },
  ['wikidata'],
)

const SOURCE = closed(
  {
    id,
    publisher: str,
    headline: str,
    url: { type: 'string', format: 'uri' },
    published: partialDate,
    note: str,
  },
  ['note'],
)

/** The public event (`ResolvedEvent` in src/model/dataset.ts): references resolved. */
const EVENT = closed({
  id,
  timeline: id,
  date: ref('EventDate'),
  title: str,
  summary: { ...str, description: 'In Dateline’s own words' },
  kind: { enum: [...EVENT_KINDS] },
  tags: arrayOf(id),
  status: { enum: [...EVENT_STATUSES], description: 'Status as the source reports it' },
  places: arrayOf(ref('Place')),
  participants: arrayOf(closed({ actor: ref('Actor'), role: { enum: [...PARTICIPANT_ROLES] } })),
  citations: arrayOf(
    closed(
      {
        source: ref('Source'),
        quote: { ...str, description: 'Verbatim passage of the source, never translated' },
        gloss: {
          ...str,
          description: 'A translation of the quote into the response’s language, marked as such',
        },
      },
      ['gloss'],
    ),
  ),
  notes: arrayOf(closed({ type: { enum: [...NOTE_TYPES] }, text: str })),
  related: arrayOf(id),
})

/** An event with only some fields (`fields=`): `id` is always there. */
const PARTIAL_EVENT: Schema = { ...EVENT, required: ['id'] }

const EVENT_REF = closed({ id, timeline: id, date: ref('EventDate'), title: str, href: path })

/** Value → its label. */
const LABELS: Schema = { type: 'object', additionalProperties: str }

/** How a translation came to be (`translation` block). */
const TRANSLATION = closed({
  tag: { ...str, description: 'RFC 6497 tag of the content, e.g. de-t-en-t0-und' },
  language: str,
  from: { ...str, description: 'Language of the original' },
  method: { enum: ['machine', 'human'] },
  translator: str,
  date: partialDate,
  reviewed: {
    description: 'false until a person reviewed the translation; then who and when',
    oneOf: [{ const: false }, closed({ by: str, date: partialDate })],
  },
})

const TIMELINE_SUMMARY_PROPS = {
  id,
  title: str,
  description: str,
  language: { ...str, description: 'BCP 47 tag of the text (RFC 6497 -t- for a translation)' },
  languages: { ...arrayOf(str), description: 'Languages on offer (`lang=`), the original first' },
  translation: TRANSLATION,
  eventCount: int,
  range: closed({ start: partialDate, end: partialDate }),
  lastReviewed: partialDate,
  links: closed(
    {
      self: path,
      events: path,
      embed: path,
      alternates: arrayOf(closed({ hreflang: str, href: path })),
    },
    ['alternates'],
  ),
}

const LIST_OF = (item: Schema): Schema => closed({ total: int, items: arrayOf(item) })

const entityProps = (entity: Schema) => ({
  ...(entity.properties as Record<string, Schema>),
  eventCount: int,
  links: closed({ self: path }),
})
const entityWith = (entity: Schema, extra: Record<string, Schema>, optional: string[]) =>
  closed({ ...entityProps(entity), ...extra }, [
    ...optional,
    ...Object.keys(entity.properties as object).filter(
      (k) => !(entity.required as string[]).includes(k),
    ),
  ])

/** RFC 9457 problem details, with this API's extension members. */
const PROBLEM: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      description: 'Absolute URL of the problem type’s documentation: `/docs#problem-<type>`',
      examples: ['https://dateline.example/docs#problem-not-found'],
    },
    title: { enum: Object.values(PROBLEM_TITLES) },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { ...str, description: 'What went wrong with this request, for a human' },
    instance: { ...str, description: 'The request path (never the query string)' },
    parameter: { ...str, description: 'The query parameter at fault (invalid-parameter)' },
    parameters: { ...arrayOf(str), description: 'Unknown query parameters (unknown-parameter)' },
  },
  // Further extension members are allowed by RFC 9457 §3.2.
  additionalProperties: true,
}

/** Every schema of `components.schemas`, by name. */
export const RESPONSE_SCHEMAS = {
  EventDate: EVENT_DATE,
  Actor: ACTOR,
  Place: PLACE,
  Source: SOURCE,
  Event: EVENT,
  PartialEvent: PARTIAL_EVENT,
  EventRef: EVENT_REF,
  Problem: PROBLEM,
  ApiIndex: closed({
    name: str,
    description: str,
    version: str,
    dataVersion: str,
    links: { type: 'object', additionalProperties: str },
    timelines: arrayOf(ref('TimelineSummary')),
  }),
  TimelineSummary: closed(TIMELINE_SUMMARY_PROPS, ['translation']),
  TimelineList: LIST_OF(ref('TimelineSummary')),
  Timeline: closed(
    {
      ...TIMELINE_SUMMARY_PROPS,
      attribution: str,
      sources: arrayOf(ref('Source')),
      labels: {
        ...closed({
          kinds: LABELS,
          statuses: LABELS,
          noteTypes: LABELS,
          roles: LABELS,
          tags: LABELS,
        }),
        description: 'A label for every vocabulary value, in the response’s language',
      },
      events: arrayOf(ref('Event')),
    },
    ['translation'],
  ),
  EventList: closed({
    timeline: id,
    total: { ...int, description: 'Matches across all pages (also in X-Total-Count)' },
    count: { ...int, description: 'Events on this page' },
    limit: { type: 'integer', minimum: 1 },
    links: closed({ self: path, first: path, next: path, prev: path }, ['next', 'prev']),
    items: arrayOf(ref('PartialEvent')),
  }),
  EventDocument: closed({
    ...(EVENT.properties as Record<string, Schema>),
    language: { ...str, description: 'Language tag of the texts (as Content-Language)' },
    links: closed(
      {
        self: path,
        timeline: path,
        embed: path,
        prev: ref('EventRef'),
        next: ref('EventRef'),
        related: arrayOf(ref('EventRef')),
      },
      ['prev', 'next'],
    ),
  }),
  ActorList: LIST_OF(entityWith(ACTOR, {}, [])),
  PlaceList: LIST_OF(entityWith(PLACE, {}, [])),
  ActorDocument: entityWith(
    ACTOR,
    {
      events: arrayOf(
        closed(
          {
            ...(EVENT_REF.properties as Record<string, Schema>),
            role: { enum: [...PARTICIPANT_ROLES] },
          },
          ['role'],
        ),
      ),
    },
    [],
  ),
  PlaceDocument: entityWith(PLACE, { events: arrayOf(ref('EventRef')) }, []),
  /** oEmbed 1.0 `rich` response (https://oembed.com/ §2.3). */
  OEmbed: closed({
    version: { const: '1.0' },
    type: { const: 'rich' },
    title: str,
    provider_name: str,
    provider_url: { type: 'string', format: 'uri' },
    cache_age: int,
    width: { type: 'integer', minimum: 1 },
    height: { type: 'integer', minimum: 1 },
    html: { ...str, description: 'The iframe and the widget script that sizes it' },
  }),
} satisfies Record<string, Schema>

/** The name of a response schema, as route entries refer to it. */
export type SchemaName = keyof typeof RESPONSE_SCHEMAS
