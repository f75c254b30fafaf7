/**
 * @module query/present
 * The JSON shapes of the API's resources, built from the model with plain arguments. Links are
 * root-relative (`/v1/...`) so bodies do not depend on the host that served them.
 */
import type { Dataset, IndexedEvent, IndexedTimeline, ResolvedEvent } from '../model/dataset.ts'
import type { Actor, Place } from '../model/schema.ts'
import type { EventField } from './schema.ts'
import type { EventPage } from './events.ts'
import { vocabularyLabels } from '../i18n/vocabulary-labels.ts'
import {
  embedPath,
  entityPath,
  eventFragment,
  eventPath,
  eventsPath,
  timelinePath,
  withLang,
} from '../urls.ts'

/**
 * The language a timeline's links name: explicit whenever it has more than one, so everything
 * Dateline links to is a URL per language.
 */
export const linkLang = (timeline: IndexedTimeline): string | undefined =>
  (timeline.meta.languages?.length ?? 0) > 1
    ? (timeline.meta.translation?.language ?? timeline.meta.language)
    : undefined

/** The language tag of a timeline's text: `de-t-en-t0-und` for a machine translation. */
export const contentLanguage = (timeline: IndexedTimeline): string =>
  timeline.meta.translation?.tag ?? timeline.meta.language

/** Picks the requested fields of an event (sparse fieldsets); `id` is always kept. */
const pickFields = (
  event: ResolvedEvent,
  fields: readonly EventField[] | undefined,
): Partial<ResolvedEvent> => {
  if (!fields) return event
  const out: Record<string, unknown> = { id: event.id }
  for (const field of fields) out[field] = event[field]
  return out as Partial<ResolvedEvent>
}

/** A timeline's summary, as listed by `/v1/timelines`. */
export const timelineSummary = (timeline: IndexedTimeline) => {
  const lang = linkLang(timeline)
  const id = timeline.meta.id
  return {
    id,
    title: timeline.meta.title,
    description: timeline.meta.description,
    language: timeline.meta.language,
    languages: timeline.meta.languages ?? [timeline.meta.language],
    ...(timeline.meta.translation ? { translation: timeline.meta.translation } : {}),
    eventCount: timeline.events.length,
    range: timeline.range,
    lastReviewed: timeline.meta.lastReviewed,
    links: {
      self: withLang(timelinePath(id), lang),
      events: withLang(eventsPath(id), lang),
      embed: embedPath(id, { lang }),
      ...(lang
        ? {
            alternates: (timeline.meta.languages ?? []).map((l) => ({
              hreflang: l,
              href: withLang(timelinePath(id), l),
            })),
          }
        : {}),
    },
  }
}

/**
 * The whole timeline: metadata, sources, every event in chronological order, and the labels of
 * every vocabulary value in its language (`tags`: the dataset's, in the same language).
 */
export const timelineDocument = (
  timeline: IndexedTimeline,
  tags: Readonly<Record<string, string>>,
) => ({
  ...timelineSummary(timeline),
  attribution: timeline.meta.attribution,
  sources: timeline.meta.sources,
  labels: vocabularyLabels(timeline.meta.translation?.language ?? timeline.meta.language, tags),
  events: timeline.events.map((e) => e.event),
})

/**
 * A page of events without its items: total, count and paging links. The document is this with
 * `items` last, the page's {@link listedEvent}s; a serializer may splice them in pre-serialized.
 */
export const eventListEnvelope = (
  timeline: IndexedTimeline,
  page: EventPage,
  /** `cursor`: the page's own, if it is not the first (its `self` link carries it). */
  options: { limit: number; cursor?: string; pageUrl: (cursor?: string) => string },
) => ({
  timeline: timeline.meta.id,
  total: page.total,
  count: page.items.length,
  limit: options.limit,
  links: {
    self: options.pageUrl(options.cursor),
    first: options.pageUrl(undefined),
    ...(page.next ? { next: options.pageUrl(page.next) } : {}),
    ...(page.prev ? { prev: options.pageUrl(page.prev) } : {}),
  },
})

/** One event of a list: the whole event, or the fields asked for. */
export const listedEvent = (indexed: IndexedEvent, fields?: readonly EventField[]) =>
  pickFields(indexed.event, fields)

const eventRef = (e: IndexedEvent) => ({
  id: e.event.id,
  timeline: e.event.timeline,
  date: e.event.date,
  title: e.event.title,
  href: eventPath(e.event.timeline, e.event.id),
})

/** One event with its neighbours in time and its related events. */
export const eventDocument = (timeline: IndexedTimeline, indexed: IndexedEvent) => {
  const previous = timeline.events[indexed.position - 1]
  const next = timeline.events[indexed.position + 1]
  const lang = linkLang(timeline)
  return {
    ...indexed.event,
    language: contentLanguage(timeline),
    links: {
      self: withLang(eventPath(timeline.meta.id, indexed.event.id), lang),
      timeline: withLang(timelinePath(timeline.meta.id), lang),
      embed: `${embedPath(timeline.meta.id, { focus: indexed.event.id, lang })}${eventFragment(indexed.event.id)}`,
      ...(previous ? { prev: eventRef(previous) } : {}),
      ...(next ? { next: eventRef(next) } : {}),
      related: indexed.event.related.map((id) => eventRef(timeline.byId.get(id)!)),
    },
  }
}

/** An actor or place with every event, across timelines, that references it. */
export const entityDocument = <T extends Actor | Place>(
  entity: T,
  kind: 'actors' | 'places',
  events: readonly IndexedEvent[],
) => ({
  ...entity,
  eventCount: events.length,
  links: { self: entityPath(kind, entity.id) },
  events: events.map((e) => ({
    ...eventRef(e),
    ...(kind === 'actors'
      ? { role: e.event.participants.find((p) => p.actor.id === entity.id)?.role }
      : {}),
  })),
})

/** A list of actors or places with their event counts. */
export const entityListDocument = (data: Dataset, kind: 'actors' | 'places') => {
  const entities = kind === 'actors' ? [...data.actors.values()] : [...data.places.values()]
  const byEntity = kind === 'actors' ? data.eventsByActor : data.eventsByPlace
  return {
    total: entities.length,
    items: entities.map((entity) => ({
      ...entity,
      eventCount: byEntity.get(entity.id)?.length ?? 0,
      links: { self: entityPath(kind, entity.id) },
    })),
  }
}
