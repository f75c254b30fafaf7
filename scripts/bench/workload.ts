/**
 * @module scripts/bench/workload
 * What the benchmark asks for: the routes (with their throughput targets) and the "cold query"
 * stream whose every request misses the representation cache.
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
/** The cold stream cycles through more distinct queries than the cache holds (2,000). */
export const COLD_DISTINCT_MIN = 2_500
const COLD_LIMITS = [10, 25, 50] as const
const COLD_SORTS = ['asc', 'desc'] as const
const COLD_ACTORS = [undefined, 'wang-yi'] as const

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

/** mulberry32, for a shuffled but repeatable cold stream. */
const shuffle = <T>(items: T[], seed = 7): T[] => {
  const out = [...items]
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * Words worth searching for: folded words of 4+ letters in the events' titles, summaries and
 * quotes, taken from an event-list response body.
 * @example searchWords(await (await fetch(listUrl)).text())
 */
export const searchWords = (listBody: string): string[] => {
  const { items } = JSON.parse(listBody) as {
    items: { title?: string; summary?: string; citations?: { quote: string }[] }[]
  }
  const text = items
    .flatMap((e) => [e.title ?? '', e.summary ?? '', ...(e.citations ?? []).map((c) => c.quote)])
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
  return [...new Set(text.match(/[a-z]{4,}/g) ?? [])].sort()
}

/**
 * The cold stream: distinct combinations of q, actor, sort and limit, shuffled. Each is a new
 * canonical query, and the cycle is longer than the representation cache, so every request of
 * the stream pays for filtering, paging and serialization.
 * @example const paths = coldPaths('wang-yi-moscow-2023', words)
 */
export const coldPaths = (timelineId: string, words: readonly string[]): string[] => {
  const base = `/v1/timelines/${timelineId}/events`
  const paths: string[] = []
  for (const word of words) {
    for (const limit of COLD_LIMITS) {
      for (const sort of COLD_SORTS) {
        for (const actor of COLD_ACTORS) {
          paths.push(
            `${base}?q=${word}&limit=${limit}&sort=${sort}${actor ? `&actor=${actor}` : ''}`,
          )
        }
      }
    }
  }
  if (paths.length < COLD_DISTINCT_MIN) {
    throw new Error(`only ${paths.length} distinct cold queries; the cache would absorb them`)
  }
  return shuffle(paths)
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
