/**
 * @module query/events
 * Filters, sorts and pages a timeline's events: plain data in, plain data out. Filters intersect
 * the indexes built at load time, so a query touches only the events that can match.
 */
import { partialDateRange } from '../model/dates.ts'
import { foldText, searchTexts, wordIndex } from '../model/dataset.ts'
import type { IndexedEvent, IndexedTimeline } from '../model/dataset.ts'
import { DEFAULT_LIMIT } from './schema.ts'
import type { EventListQuery } from './schema.ts'
import { decodeCursor, encodeCursor } from './cursor.ts'

/** The filter part of a query. */
type EventFilter = Pick<
  EventListQuery,
  'from' | 'to' | 'actor' | 'place' | 'kind' | 'tag' | 'status' | 'q' | 'sort'
>

export interface EventPage {
  items: IndexedEvent[]
  /** Matches of the whole query, across pages. */
  total: number
  /** Cursor of the page after this one, if any. */
  next?: string
  /** Cursor of the page before this one, if any. */
  prev?: string
}

type IndexName = keyof IndexedTimeline['index']
const INDEXED: readonly IndexName[] = ['actor', 'place', 'kind', 'tag', 'status']

/** Sorted union of ascending position lists. */
const union = (lists: readonly (readonly number[])[]): number[] => {
  if (lists.length === 1) return lists[0] as number[]
  return [...new Set(lists.flat())].sort((a, b) => a - b)
}

/** Intersection of ascending position lists. */
const intersect = (a: readonly number[], b: readonly number[]): number[] => {
  const out: number[] = []
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else (out.push(a[i]!), i++, j++)
  }
  return out
}

/** A search term made only of BMP letters and digits, which the word index can answer. */
const WORD_TERM = /^[\p{L}\p{N}]+$/u
const ASTRAL = /[\uD800-\uDFFF]/

/** The part of an ascending position list within [lo, hi). */
const within = (list: number[], lo: number, hi: number): number[] => {
  const bound = (value: number) => {
    let a = 0
    let b = list.length
    while (a < b) {
      const mid = (a + b) >>> 1
      if (list[mid]! < value) a = mid + 1
      else b = mid
    }
    return a
  }
  const start = lo > 0 ? bound(lo) : 0
  const end = bound(hi)
  return start === 0 && end === list.length ? list : list.slice(start, end)
}

/** Index of the first event whose first day is after `day` (events are chronological). */
const firstAfter = (events: readonly IndexedEvent[], day: number): number => {
  let lo = 0
  let hi = events.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (events[mid]!.first <= day) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Positions of terms already searched, per timeline, with the bytes they hold. */
const termMemos = new WeakMap<
  IndexedTimeline,
  { positions: Map<string, number[]>; bytes: number }
>()
/** Bytes of remembered positions per timeline (8 a position); past it the memo starts over. */
const TERM_MEMO_BYTES = 1024 * 1024

/**
 * Ascending positions of the events whose search text contains `term` (letters and digits
 * only), worked out once per timeline and term: search words repeat across queries far more
 * than queries do, and the answer only changes with the data.
 */
const termPositions = (timeline: IndexedTimeline, term: string): number[] => {
  let memo = termMemos.get(timeline)
  if (!memo) termMemos.set(timeline, (memo = { positions: new Map(), bytes: 0 }))
  let positions = memo.positions.get(term)
  if (!positions) {
    // Shared by every query with this term: frozen, so no caller can change it for the next.
    positions = Object.freeze(scanVocabulary(timeline, term)) as number[]
    const bytes = 8 * positions.length + 2 * term.length + 64
    if (memo.bytes + bytes > TERM_MEMO_BYTES) {
      memo.positions.clear()
      memo.bytes = 0
    }
    memo.positions.set(term, positions)
    memo.bytes += bytes
  }
  return positions
}

/**
 * The events whose search text contains `term`: the words of the vocabulary that contain it,
 * their events marked once each. Hand-written because it is the hot loop of a text query: a
 * vocabulary scan instead of a full-text scan turns milliseconds at 10,000 events into tenths of
 * one.
 */
const scanVocabulary = (timeline: IndexedTimeline, term: string): number[] => {
  const marks = new Uint8Array(timeline.events.length)
  let count = 0
  for (const [word, positions] of wordIndex(timeline)) {
    if (!word.includes(term)) continue
    for (const p of positions) if (!marks[p]) ((marks[p] = 1), count++)
  }
  const out: number[] = new Array(count)
  for (let p = 0, i = 0; i < count; p++) if (marks[p]) out[i++] = p
  return out
}

/**
 * The events matching a filter, in the requested order. Values of one parameter are OR-ed,
 * different parameters AND-ed; dates match by overlap, so a span or a month-precision event
 * matches any range it overlaps.
 * @example filterEvents(timeline, { actor: ['wang-yi'], from: '2023-02-18', q: 'munich' })
 */
export const filterEvents = (timeline: IndexedTimeline, filter: EventFilter): IndexedEvent[] => {
  let positions: number[] | undefined
  for (const name of INDEXED) {
    const values = filter[name]
    if (!values) continue
    const matched = union(values.map((v) => timeline.index[name].get(v) ?? []))
    positions = positions ? intersect(positions, matched) : matched
  }
  const from = filter.from ? partialDateRange(filter.from)?.first : undefined
  const to = filter.to ? partialDateRange(filter.to)?.last : undefined
  // Events are chronological by first day, so a date range is a slice found by binary search;
  // no event lasts longer than maxSpan, so none before `from - maxSpan` can reach `from`.
  const lo = from === undefined ? 0 : firstAfter(timeline.events, from - timeline.maxSpan - 1)
  const hi = to === undefined ? timeline.events.length : firstAfter(timeline.events, to)
  if (positions) positions = within(positions, lo, hi)
  const terms = filter.q ? foldText(filter.q).split(/\s+/).filter(Boolean) : []
  const scanned: string[] = []
  for (const term of terms) {
    // Terms with punctuation (or astral characters) span words: only the text can answer them.
    if (!WORD_TERM.test(term) || ASTRAL.test(term)) {
      scanned.push(term)
      continue
    }
    const matched = within(termPositions(timeline, term), lo, hi)
    positions = positions ? intersect(positions, matched) : matched
  }
  let events = positions
    ? positions.map((p) => timeline.events[p]!)
    : lo > 0 || hi < timeline.events.length
      ? timeline.events.slice(lo, hi)
      : timeline.events
  if (from !== undefined || scanned.length > 0) {
    const texts = scanned.length > 0 ? searchTexts(timeline) : []
    events = events.filter(
      (e) =>
        (from === undefined || e.last >= from) &&
        scanned.every((term) => texts[e.position]!.includes(term)),
    )
  }
  return filter.sort === 'desc' ? events.toReversed() : events
}

/**
 * Cuts one page out of an ordered result. Cursors are keyset cursors: they name the position of
 * the last (or first) event shown, so pages stay consistent while clients walk them.
 * @throws {RangeError} when the cursor is not one this API issued.
 */
export const pageEvents = (
  events: readonly IndexedEvent[],
  options: { limit?: number; cursor?: string; sort?: 'asc' | 'desc' },
): EventPage => {
  const limit = options.limit ?? DEFAULT_LIMIT
  const desc = options.sort === 'desc'
  const isAfter = (position: number, anchor: number) =>
    desc ? position < anchor : position > anchor
  let start = 0
  let end = Math.min(limit, events.length)
  if (options.cursor !== undefined) {
    const cursor = decodeCursor(options.cursor)
    if (cursor.direction === 'after') {
      start = events.findIndex((e) => isAfter(e.position, cursor.position))
      if (start === -1) start = events.length
      end = Math.min(start + limit, events.length)
    } else {
      end = events.findIndex((e) => !isAfter(cursor.position, e.position))
      if (end === -1) end = events.length
      start = Math.max(0, end - limit)
    }
  }
  const items = events.slice(start, end)
  const page: EventPage = { items, total: events.length }
  if (end < events.length && items.length > 0) {
    page.next = encodeCursor({ direction: 'after', position: items[items.length - 1]!.position })
  }
  if (start > 0 && items.length > 0) {
    page.prev = encodeCursor({ direction: 'before', position: items[0]!.position })
  }
  return page
}
