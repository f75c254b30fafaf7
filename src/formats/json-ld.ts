/**
 * @module formats/json-ld
 * JSON-LD with the schema.org vocabulary: the page is an `ItemList` of `Event`s, which search
 * engines and linked-data tools read without knowing Dateline's JSON.
 *
 * Mapping: `startDate`/`endDate` are written at the event's precision (ISO 8601 allows YYYY and
 * YYYY-MM); places are `Place`s with `GeoCoordinates`; participants are `attendee`s, `Person` or
 * `Organization` by actor type, hosts also `organizer`s; each cited article is a `NewsArticle` in
 * `subjectOf` with the verbatim passage as a `Quotation` part; `url` is the embed deep link.
 *
 * Languages: the list's `inLanguage` is the text's language (an RFC 6497 tag for a translation,
 * `de-t-en-t0-und`), which every plain string in the document inherits. A quote stays in its
 * source's language whatever the document's, so its `text` is a `@language`-tagged value, and in a
 * translation the gloss is the quotation's `workTranslation`, tagged with the translation's tag:
 * a JSON-LD processor never mistakes the English original for German or the German for a quote.
 *
 * `eventStatus` (schema.org EventStatusType has no "unconfirmed"): happened, scheduled and expected
 * events are `EventScheduled` (schema.org's value for events taking place as planned, past ones
 * included); possible and reported events get no `eventStatus`, rather than a claim the source
 * does not make. Dateline's own status is kept in `keywords` as `status:<value>`.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import type { Actor, EventStatus } from '../model/schema.ts'
import { embedUrl, eventUrl } from './common.ts'
import type { FormatInput } from './common.ts'

const SCHEMA_ORG = 'https://schema.org'

/** Dateline status → schema.org EventStatusType, or none when schema.org has no honest value. */
const EVENT_STATUS_TYPES: Record<EventStatus, string | undefined> = {
  happened: 'https://schema.org/EventScheduled',
  scheduled: 'https://schema.org/EventScheduled',
  expected: 'https://schema.org/EventScheduled',
  possible: undefined,
  reported: undefined,
}

const wikidata = (id: string | undefined) =>
  id ? { sameAs: `https://www.wikidata.org/wiki/${id}` } : {}

const agent = (actor: Actor) => ({
  '@type': actor.type === 'person' ? 'Person' : 'Organization',
  name: actor.name,
  identifier: actor.id,
  ...(actor.description ? { description: actor.description } : {}),
  ...wikidata(actor.wikidata),
})

/** A string in a given language, as JSON-LD writes one (a value object with `@language`). */
const tagged = (value: string, language: string) => ({ '@value': value, '@language': language })

/** A cited passage: verbatim in the source's language, with its gloss in a translation. */
const quotation = (quote: string, gloss: string | undefined, input: FormatInput) => {
  const original = input.timeline.translation?.from ?? input.timeline.language
  const translated = input.timeline.translation?.tag
  return {
    '@type': 'Quotation',
    text: tagged(quote, original),
    inLanguage: original,
    ...(gloss && translated
      ? {
          workTranslation: {
            '@type': 'Quotation',
            text: tagged(gloss, translated),
            inLanguage: translated,
          },
        }
      : {}),
  }
}

const event = (e: ResolvedEvent, input: FormatInput) => {
  const url = eventUrl(input.origin, input.timeline.id, e.id)
  const status = EVENT_STATUS_TYPES[e.status]
  const hosts = e.participants.filter((p) => p.role === 'host')
  return {
    '@type': 'Event',
    '@id': url,
    identifier: e.id,
    url,
    name: e.title,
    description: e.summary,
    startDate: e.date.start,
    ...(e.date.end ? { endDate: e.date.end } : {}),
    ...(status ? { eventStatus: status } : {}),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    keywords: [e.kind, ...e.tags, `status:${e.status}`],
    location: e.places.map((p) => ({
      '@type': 'Place',
      identifier: p.id,
      name: p.name,
      address: { '@type': 'PostalAddress', addressCountry: p.country },
      geo: {
        '@type': 'GeoCoordinates',
        latitude: p.coordinates.lat,
        longitude: p.coordinates.lon,
      },
      ...wikidata(p.wikidata),
    })),
    attendee: e.participants.map((p) => agent(p.actor)),
    ...(hosts.length ? { organizer: hosts.map((p) => agent(p.actor)) } : {}),
    subjectOf: e.citations.map((c) => ({
      '@type': 'NewsArticle',
      '@id': c.source.url,
      url: c.source.url,
      headline: c.source.headline,
      datePublished: c.source.published,
      publisher: { '@type': 'Organization', name: c.source.publisher },
      hasPart: quotation(c.quote, c.gloss, input),
    })),
  }
}

/**
 * The events as a schema.org `ItemList` in JSON-LD (a string).
 * @example JSON.parse(toJsonLd(input))['@type'] // 'ItemList'
 */
export const toJsonLd = (input: FormatInput): string =>
  JSON.stringify({
    '@context': SCHEMA_ORG,
    '@type': 'ItemList',
    '@id': input.links.self,
    url: embedUrl(input.origin, input.timeline.id),
    name: input.timeline.title,
    description: input.timeline.description,
    inLanguage: input.timeline.language,
    dateModified: input.timeline.lastReviewed,
    itemListOrder:
      input.sort === 'desc'
        ? 'https://schema.org/ItemListOrderDescending'
        : 'https://schema.org/ItemListOrderAscending',
    numberOfItems: input.events.length,
    itemListElement: input.events.map((e, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: event(e, input),
    })),
  })
