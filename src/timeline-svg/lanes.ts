/**
 * @module timeline-svg/lanes
 * Which lane an event goes in, for the `lanes` option:
 * - `country` (the default): the country of the event's main actor, the first participant the
 *   editors list that has a country. This timeline's story is who moved: China's diplomacy
 *   (the tour, the exercise, the statements), Washington's warnings, Moscow's answers, and
 *   Munich as the stage. Four lanes tell it at a glance; by kind would scatter the same week over
 *   fourteen lanes of one or two events.
 * - `kind`: one lane per kind of event (visit, meeting, statement…).
 * - `none`: one lane.
 * Lanes are ordered by how many events they hold, then by their first event, so the busiest
 * actor is on top. Country names come from `Intl.DisplayNames` in the reader's language.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import type { EventKind } from '../model/schema.ts'
import type { AxisItem, AxisLane } from './layout.ts'

export const LANE_MODES = ['country', 'kind', 'none'] as const
export type LaneMode = (typeof LANE_MODES)[number]
export const DEFAULT_LANES: LaneMode = 'country'

/** Key of the lane of events whose participants have no country. */
export const OTHER_LANE = 'other'

export interface LaneNames {
  locale: string
  kinds: Record<EventKind, string>
  /** Caption of the lane of events with no country. */
  other: string
}

/**
 * The lane key of an event.
 * @example laneKey(event, 'country') // 'CN'
 */
export const laneKey = (event: ResolvedEvent, mode: LaneMode): string => {
  if (mode === 'none') return ''
  if (mode === 'kind') return event.kind
  return event.participants.find((p) => p.actor.country)?.actor.country ?? OTHER_LANE
}

const regionName = (locale: string, code: string): string => {
  try {
    return new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' }).of(code) ?? code
  } catch {
    return code
  }
}

/**
 * Lanes of a set of events, busiest first, with captions in the reader's language.
 * @example axisLanes(events, 'country', names) // [{ key: 'CN', label: 'China' }, …]
 */
export const axisLanes = (
  events: readonly ResolvedEvent[],
  mode: LaneMode,
  names: LaneNames,
): AxisLane[] => {
  if (mode === 'none') return [{ key: '', label: '' }]
  // `first`: the earliest start, as written (partial ISO dates sort as text).
  const stats = new Map<string, { count: number; first: string }>()
  for (const event of events) {
    const key = laneKey(event, mode)
    const s = stats.get(key)
    if (!s) stats.set(key, { count: 1, first: event.date.start })
    else {
      s.count++
      if (event.date.start < s.first) s.first = event.date.start
    }
  }
  return [...stats]
    .sort(([ka, a], [kb, b]) => b.count - a.count || (a.first + ka < b.first + kb ? -1 : 1))
    .map(([key]) => ({
      key,
      label:
        mode === 'kind'
          ? names.kinds[key as EventKind]
          : key === OTHER_LANE
            ? names.other
            : regionName(names.locale, key),
    }))
}

/**
 * Events as axis items, each with its lane and accessible name.
 * @example axisItems(events, 'country', (e) => `${e.date.start}: ${e.title}`)
 */
export const axisItems = (
  events: readonly ResolvedEvent[],
  mode: LaneMode,
  name: (event: ResolvedEvent) => string,
): AxisItem[] =>
  events.map((event) => ({
    id: event.id,
    name: name(event),
    title: event.title,
    date: event.date,
    status: event.status,
    lane: laneKey(event, mode),
  }))
