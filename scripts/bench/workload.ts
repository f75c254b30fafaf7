/**
 * @module scripts/bench/workload
 * What the benchmark asks for: the routes (with their throughput targets) and the "cold query"
 * stream whose every request misses the isolate cache.
 */

/** One benchmarked route: a fixed URL, served from the representation cache after its first hit. */
export interface RouteSpec {
  /** Short key, e.g. `list`. */
  key: string
  label: string
  /** Root-relative URL (path and query). */
  path: string
  /** Minimum Dateline/baseline throughput ratio. */
  target: number
  /** Milliseconds one request took once its representation was cached (set when probed). */
  probeMs?: number
}

export interface TimelineTarget {
  timelineId: string
  /** An event of the timeline, for the single-event route. */
  eventId: string
}

/** The filtered query of the brief: actor + from + to + q. */
export const FILTERED_QUERY = 'actor=wang-yi&from=2023-02-15&to=2023-02-22&q=munich'
/** The cold stream has at least this many distinct queries (issue 13's stream). */
export const COLD_DISTINCT_MIN = 3_000
/** Largest `limit` of the cold stream: 1–40. */
const COLD_MAX_LIMIT = 40

/**
 * The routes of a timeline: event list, filtered query, single event, and the pages and formats a
 * reader's browser or calendar fetches (iCalendar, the time axis as SVG, the embed page with its
 * axis). Every one is a fixed URL, cached after its first hit, and held to a throughput ratio
 * against the constant-bytes baseline.
 * @example fixedRoutes({ timelineId: 'wang-yi-moscow-2023', eventId: 'wang-yi-meets-macron' })
 */
export const fixedRoutes = ({ timelineId, eventId }: TimelineTarget): RouteSpec[] => {
  const events = `/v1/timelines/${timelineId}/events`
  return [
    { key: 'list', label: 'Event list (limit=500)', path: `${events}?limit=500`, target: 0.9 },
    {
      key: 'filtered',
      label: 'Filtered (actor+from+to+q)',
      path: `${events}?${FILTERED_QUERY}`,
      target: 0.8,
    },
    { key: 'event', label: 'Single event', path: `${events}/${eventId}`, target: 0.9 },
    { key: 'ics', label: 'iCalendar export', path: `${events}.ics`, target: 0.8 },
    { key: 'svg', label: 'Time axis (events.svg)', path: `${events}.svg`, target: 0.8 },
    {
      key: 'embed',
      label: 'Embed page with its time axis',
      path: `/embed/${timelineId}`,
      target: 0.8,
    },
  ]
}

/** What the cold stream draws from: words of titles, actors and dates of the timeline. */
export interface ColdVocabulary {
  titleWords: string[]
  actors: string[]
  /** Days (`YYYY-MM-DD`) and months (`YYYY-MM`) events start on. */
  dates: string[]
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

/**
 * The cold stream's vocabulary, from an event-list response body: folded words of 4+ letters in
 * the events' titles, the actors taking part, the days and months events start on.
 * @example coldVocabulary(await (await fetch(listUrl)).text())
 */
export const coldVocabulary = (listBody: string): ColdVocabulary => {
  const { items } = JSON.parse(listBody) as {
    items: { title: string; date: { start: string }; participants: { actor: { id: string } }[] }[]
  }
  const sorted = (values: string[]) => [...new Set(values)].sort()
  return {
    titleWords: sorted(items.flatMap((e) => fold(e.title).match(/[a-z]{4,}/g) ?? [])),
    actors: sorted(items.flatMap((e) => e.participants.map((p) => p.actor.id))),
    dates: sorted(items.flatMap((e) => [e.date.start, e.date.start.slice(0, 7)])),
  }
}

/** mulberry32: a repeatable stream of numbers in [0, 1). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * The cold stream (issue 13): `count` distinct, valid event queries, each mixing a `q` word from
 * the titles, an `actor`, a `from` date (each present or not), a `limit` from 1 to 40 and a
 * `sort` (asc, desc or none), in a repeatable random order. Sent round-robin, every request is
 * one the isolate has not answered recently, as long as the stream is more than the cache holds
 * (see `prepareVariant`, which grows it until it is).
 * @example const paths = coldPaths('wang-yi-moscow-2023', vocabulary, 3_000)
 */
export const coldPaths = (
  timelineId: string,
  vocabulary: ColdVocabulary,
  count: number = COLD_DISTINCT_MIN,
  seed = 13,
): string[] => {
  const next = random(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!
  const base = `/v1/timelines/${timelineId}/events`
  const paths = new Set<string>()
  for (let tries = 0; paths.size < count; tries++) {
    if (tries > count * 100) throw new Error(`only ${paths.size} distinct cold queries found`)
    const params = new URLSearchParams()
    if (next() < 0.7) params.set('q', pick(vocabulary.titleWords))
    if (next() < 0.5) params.set('actor', pick(vocabulary.actors))
    if (next() < 0.5) params.set('from', pick(vocabulary.dates))
    params.set('limit', String(1 + Math.floor(next() * COLD_MAX_LIMIT)))
    const sort = pick(['asc', 'desc', undefined])
    if (sort) params.set('sort', sort)
    paths.add(`${base}?${params}`)
  }
  return [...paths]
}

/**
 * An endless cursor over a list, shared by all connections so no two requests repeat a path
 * within one cycle.
 * @example const next = cycle(paths); next() // paths[0], then paths[1], …
 */
export const cycle = (paths: readonly string[]): (() => string) => {
  let i = 0
  return () => paths[i++ % paths.length]!
}
