/**
 * @module model/schema
 * The shape of Dateline's data files, defined once with zod. The same definitions validate the
 * files at build time and at Worker start-up, and generate the JSON Schema that editors use.
 */
import { z } from 'zod'
import {
  ACTOR_TYPES,
  canonicalLocale,
  EVENT_KINDS,
  EVENT_STATUSES,
  ID_PATTERN,
  NOTE_TYPES,
  PARTIAL_DATE_PATTERN,
  PARTICIPANT_ROLES,
  PRECISIONS,
} from './vocabulary.ts'

export * from './vocabulary.ts'

export const Id = z
  .string()
  .max(80)
  .regex(ID_PATTERN, 'must be lowercase letters and digits joined by single hyphens')

export const PartialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .meta({ examples: ['2023-02-21', '2023-02', '2023'] })

const Precision = z.enum(PRECISIONS)

export const EventDate = z
  .object({
    start: PartialDate.describe('First day of the event, written at its precision'),
    end: PartialDate.optional().describe('Last day (inclusive) of a span, at the same precision'),
    precision: Precision.describe('How precisely the source and our checks fix the date'),
    approximate: z
      .boolean()
      .optional()
      .describe('True when the event happened on some day within start..end, not on every day'),
    display: z.string().min(1).max(120).optional().describe('Human wording, e.g. "Mid-February"'),
  })
  .strict()

export const EventKind = z.enum(EVENT_KINDS)

export const EventStatus = z.enum(EVENT_STATUSES)

const ParticipantRole = z.enum(PARTICIPANT_ROLES)

const Participant = z.object({ actor: Id, role: ParticipantRole }).strict()

export const Citation = z
  .object({
    source: Id.describe('Id of one of the timeline’s sources'),
    quote: z
      .string()
      .min(8)
      .max(1200)
      .describe('Verbatim passage of the source text (whitespace may differ)'),
  })
  .strict()

export const EditorialNote = z
  .object({
    type: z.enum(NOTE_TYPES),
    text: z.string().min(10).max(1200),
  })
  .strict()

export const TimelineEvent = z
  .object({
    id: Id.describe('Stable slug; never derived from the title at run time'),
    date: EventDate,
    title: z.string().min(3).max(160),
    summary: z.string().min(10).max(1200).describe('In our own words'),
    kind: EventKind,
    tags: z.array(Id).min(1).max(12),
    status: EventStatus,
    places: z.array(Id).max(8),
    participants: z.array(Participant).max(20),
    citations: z.array(Citation).min(1).max(10),
    notes: z.array(EditorialNote).max(10).optional(),
    related: z.array(Id).max(20).optional(),
  })
  .strict()

export const Source = z
  .object({
    id: Id,
    publisher: z.string().min(1),
    headline: z.string().min(1),
    url: z.url({ protocol: /^https$/ }),
    published: PartialDate.describe('Real publication date (day precision), not a page header'),
    text: z
      .string()
      .regex(/^sources\/[a-z0-9.-]+\.txt$/, 'must be a path like sources/<file>.txt under data/')
      .describe('Local copy of the text that quotes are checked against'),
    note: z.string().optional(),
  })
  .strict()

export const Timeline = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    title: z.string().min(3).max(200),
    description: z.string().min(10).max(2000),
    language: z
      .string()
      .refine((tag) => canonicalLocale(tag) === tag, 'must be a BCP 47 tag in canonical form')
      .describe('BCP 47 language tag of the texts, in canonical form: "en", "de-AT", "zh-Hant"'),
    lastReviewed: PartialDate,
    attribution: z.string().min(3),
    sources: z.array(Source).min(1),
    events: z.array(TimelineEvent).min(1).max(50_000),
  })
  .strict()

export const Actor = z
  .object({
    id: Id,
    name: z.string().min(1),
    type: z.enum(ACTOR_TYPES),
    description: z.string().optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .optional(),
    wikidata: z
      .string()
      .regex(/^Q\d+$/)
      .optional(),
  })
  .strict()

export const Place = z
  .object({
    id: Id,
    name: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
    coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
    wikidata: z
      .string()
      .regex(/^Q\d+$/)
      .optional(),
  })
  .strict()

export const ActorsFile = z
  .object({ $schema: z.string().optional(), actors: z.array(Actor) })
  .strict()
export const PlacesFile = z
  .object({ $schema: z.string().optional(), places: z.array(Place) })
  .strict()

export type EventDate = z.infer<typeof EventDate>
export type EventKind = z.infer<typeof EventKind>
export type EventStatus = z.infer<typeof EventStatus>
type Participant = z.infer<typeof Participant>
export type Citation = z.infer<typeof Citation>
export type EditorialNote = z.infer<typeof EditorialNote>
export type TimelineEvent = z.infer<typeof TimelineEvent>
export type Source = z.infer<typeof Source>
export type Timeline = z.infer<typeof Timeline>
export type Actor = z.infer<typeof Actor>
export type Place = z.infer<typeof Place>
