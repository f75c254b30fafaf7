/**
 * @module model/dataset
 * Turns the compiled data into the read-only model every request uses: references resolved,
 * events in chronological order with their day ranges and search text, and the indexes the query
 * layer intersects. Built once per isolate, outside the request path.
 */
import { partialDateRange } from './dates.ts'
import type { CompiledDataset } from './types.ts'
import type { TranslationInfo } from './localize.ts'
import type {
  Citation,
  Actor,
  EditorialNote,
  EventDate,
  EventKind,
  EventStatus,
  Place,
  Source,
  Timeline,
  TimelineEvent,
} from './schema.ts'

/** A source as events cite it: everything but the path of the local copy. */
type SourceRef = Omit<Source, 'text'>

/** An event with its references resolved: the public shape of an event. */
export interface ResolvedEvent {
  id: string
  timeline: string
  date: EventDate
  title: string
  summary: string
  kind: EventKind
  tags: string[]
  status: EventStatus
  places: Place[]
  participants: { actor: Actor; role: TimelineEvent['participants'][number]['role'] }[]
  /** Each quote verbatim; `gloss` is its translation into the reader's language, if any. */
  citations: { source: SourceRef; quote: string; gloss?: string }[]
  notes: EditorialNote[]
  related: string[]
}

/** A resolved event plus what queries need: position, day range, folded search text. */
export interface IndexedEvent {
  event: ResolvedEvent
  /** Index in the timeline's chronological order. */
  position: number
  /** First and last day (days since 1970-01-01) the event may cover. */
  first: number
  last: number
}

export type TimelineMeta = Omit<Timeline, 'events' | '$schema' | 'sources'> & {
  sources: SourceRef[]
  /** Languages the timeline is offered in, its own first. */
  languages?: string[]
  /** How this text came to be, when it is a translation. */
  translation?: TranslationInfo
}

/** A timeline as compiled, possibly translated (see localize.ts). */
type SourceTimeline = Timeline & { languages?: string[]; translation?: TranslationInfo }
type GlossedCitation = Citation & { gloss?: string }

export interface IndexedTimeline {
  meta: TimelineMeta
  /** An unreviewed draft, in a local `npm start` build only: the embed marks it. */
  draft: boolean
  /** Chronological. */
  events: IndexedEvent[]
  byId: ReadonlyMap<string, IndexedEvent>
  /** Positions (ascending) of the events that carry each value. */
  index: {
    actor: ReadonlyMap<string, number[]>
    place: ReadonlyMap<string, number[]>
    kind: ReadonlyMap<string, number[]>
    tag: ReadonlyMap<string, number[]>
    status: ReadonlyMap<string, number[]>
  }
  /** First start and last end, as written in the data. */
  range: { start: string; end: string }
  /** Longest event, in days (last - first): bounds a `from` search on the chronological list. */
  maxSpan: number
}

export interface Dataset {
  version: string
  /** Label of each tag in this dataset's language. */
  tags: Readonly<Record<string, string>>
  timelines: ReadonlyMap<string, IndexedTimeline>
  actors: ReadonlyMap<string, Actor>
  places: ReadonlyMap<string, Place>
  /** Events across all timelines, chronological per timeline, keyed by actor or place id. */
  eventsByActor: ReadonlyMap<string, IndexedEvent[]>
  eventsByPlace: ReadonlyMap<string, IndexedEvent[]>
}

/** Only code units below 0x80. */
const ASCII_TEXT = /^[\x00-\x7f]*$/

/**
 * Folds text for search: lower case, accents and other combining marks removed.
 * @example foldText('Élysée Palace') // 'elysee palace'
 */
export const foldText = (text: string): string =>
  // ASCII has no marks to strip and normalizes to itself: most queries skip the Unicode work.
  ASCII_TEXT.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()

const pushTo = (map: Map<string, number[]>, key: string, position: number) => {
  const list = map.get(key)
  if (!list) map.set(key, [position])
  else if (list[list.length - 1] !== position) list.push(position)
}

/**
 * Indexes one timeline against the actors and places it references (data/store.ts loads one at
 * a time from the assets; {@link createDataset} indexes a whole compiled dataset).
 * @example const t = indexTimeline(localized, actors, places, false)
 */
export const indexTimeline = (
  timeline: SourceTimeline,
  actors: ReadonlyMap<string, Actor>,
  places: ReadonlyMap<string, Place>,
  draft: boolean,
): IndexedTimeline => {
  const { events: rawEvents, $schema: _schema, sources: rawSources, ...rest } = timeline
  const sources = new Map<string, SourceRef>(
    rawSources.map(({ text: _text, ...source }) => [source.id, source]),
  )
  const meta: TimelineMeta = { ...rest, sources: [...sources.values()] }
  const index = {
    actor: new Map<string, number[]>(),
    place: new Map<string, number[]>(),
    kind: new Map<string, number[]>(),
    tag: new Map<string, number[]>(),
    status: new Map<string, number[]>(),
  }
  const events = rawEvents.map((raw, position): IndexedEvent => {
    const event: ResolvedEvent = {
      id: raw.id,
      timeline: timeline.id,
      date: raw.date,
      title: raw.title,
      summary: raw.summary,
      kind: raw.kind,
      tags: raw.tags,
      status: raw.status,
      places: raw.places.map((id) => places.get(id)!),
      participants: raw.participants.map((p) => ({ actor: actors.get(p.actor)!, role: p.role })),
      citations: raw.citations.map((c: GlossedCitation) => ({
        source: sources.get(c.source)!,
        quote: c.quote,
        ...(c.gloss ? { gloss: c.gloss } : {}),
      })),
      notes: raw.notes ?? [],
      related: raw.related ?? [],
    }
    raw.participants.forEach((p) => pushTo(index.actor, p.actor, position))
    raw.places.forEach((p) => pushTo(index.place, p, position))
    raw.tags.forEach((t) => pushTo(index.tag, t, position))
    pushTo(index.kind, raw.kind, position)
    pushTo(index.status, raw.status, position)
    const start = partialDateRange(raw.date.start)!
    const end = raw.date.end ? partialDateRange(raw.date.end)! : start
    return { event, position, first: start.first, last: end.last }
  })
  const ends = rawEvents.map((e) => e.date.end ?? e.date.start).sort()
  return {
    meta,
    draft,
    events,
    byId: new Map(events.map((e) => [e.event.id, e])),
    index,
    range: { start: rawEvents[0]!.date.start, end: ends[ends.length - 1]! },
    maxSpan: events.reduce((max, e) => Math.max(max, e.last - e.first), 0),
  }
}

const searchTextMemo = new WeakMap<IndexedTimeline, readonly string[]>()

/**
 * Each event's searchable text (title, summary, quotes and glosses, case- and accent-folded), by
 * position. Made on a timeline's first text query, not when it is loaded: folding Unicode text is
 * the costliest part of indexing (0.1–0.4 ms a timeline), and most loads answer no `q`. Kept as
 * long as the timeline (the data tier's byte estimate counts it, data/store.ts).
 * @example searchTexts(timeline)[3].includes('munich')
 */
export const searchTexts = (timeline: IndexedTimeline): readonly string[] => {
  let texts = searchTextMemo.get(timeline)
  if (!texts) {
    texts = timeline.events.map(({ event }) =>
      foldText(
        [
          event.title,
          event.summary,
          ...event.citations.flatMap((c) => [c.quote, c.gloss ?? '']),
        ].join('\n'),
      ),
    )
    searchTextMemo.set(timeline, texts)
  }
  return texts
}

/** A letter or digit outside ASCII (astral characters count as word characters, see below). */
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\uD800-\uDFFF]/u
const wordIndexes = new WeakMap<IndexedTimeline, ReadonlyMap<string, number[]>>()

/**
 * Each distinct word (run of letters and digits; UTF-16 surrogates count as word characters) of
 * the events' search text → ascending positions of the events using it. Built on a timeline's
 * first text query, not at start-up: isolates that never search never pay for it.
 * A term made only of BMP letters and digits occurs in a text exactly when it occurs in one of the
 * text's words, so scanning the vocabulary (thousands of words) finds the same events as scanning
 * every event's text (megabytes at 10,000 events). Tokenized by hand: a char-code loop with an
 * ASCII fast path is about four times faster than a Unicode regex over megabytes of text.
 * @example wordIndex(timeline).get('munich') // [8, 12, 14]
 */
export const wordIndex = (timeline: IndexedTimeline): ReadonlyMap<string, number[]> => {
  let index = wordIndexes.get(timeline)
  if (index) return index
  const words = new Map<string, number[]>()
  const texts = searchTexts(timeline)
  for (const e of timeline.events) {
    const text = texts[e.position]!
    let start = -1
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32
      const wordChar =
        (c >= 97 && c <= 122) ||
        (c >= 48 && c <= 57) ||
        (c >= 128 && NON_ASCII_WORD_CHAR.test(text[i]!))
      if (wordChar) {
        if (start < 0) start = i
      } else if (start >= 0) {
        pushTo(words, text.slice(start, i), e.position)
        start = -1
      }
    }
  }
  wordIndexes.set(timeline, (index = words))
  return index
}

/**
 * Builds the indexed, read-only model from the compiled data. Call once per isolate.
 * @example const DATA = createDataset(DATASET)
 */
export const createDataset = (compiled: CompiledDataset): Dataset => {
  const actors = new Map(compiled.actors.map((a) => [a.id, a]))
  const places = new Map(compiled.places.map((p) => [p.id, p]))
  const drafts = new Set(compiled.drafts)
  const timelines = new Map(
    compiled.timelines.map((t) => [t.id, indexTimeline(t, actors, places, drafts.has(t.id))]),
  )
  const eventsByActor = new Map<string, IndexedEvent[]>()
  const eventsByPlace = new Map<string, IndexedEvent[]>()
  for (const timeline of timelines.values()) {
    for (const [id, positions] of timeline.index.actor) {
      eventsByActor.set(id, [
        ...(eventsByActor.get(id) ?? []),
        ...positions.map((p) => timeline.events[p]!),
      ])
    }
    for (const [id, positions] of timeline.index.place) {
      eventsByPlace.set(id, [
        ...(eventsByPlace.get(id) ?? []),
        ...positions.map((p) => timeline.events[p]!),
      ])
    }
  }
  const { version, tags } = compiled
  return { version, tags, timelines, actors, places, eventsByActor, eventsByPlace }
}
