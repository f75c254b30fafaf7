/**
 * @module scripts/bench/synthetic
 * Synthetic timelines for the scaling benchmark: N events built from the real data's actors,
 * places, kinds and tags, with varied dates and text, and the source texts their quotes come from,
 * so they pass the same validator as the shipped data. Written to a temp dir; never shipped.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_DATA_DIR } from '../lib/data-files.ts'
import { EVENT_KINDS, NOTE_TYPES, PARTICIPANT_ROLES } from '../../src/model/vocabulary.ts'
import { isoDay, partialDateRange, WEEKDAYS } from '../../src/model/dates.ts'
import type { Actor, Place, Timeline, TimelineEvent } from '../../src/model/schema.ts'

/** Events per source text: keeps each text small, so the validator's quote search stays cheap. */
const EVENTS_PER_SOURCE = 100
/** Average days between events: 10,000 events span about eleven years around February 2023. */
const DAYS_PER_EVENT = 0.4
const LAST_DAY = partialDateRange('2024-06-30')!.first
/** The actor of the benchmark's filtered query is in about a third of the events, as in the real data. */
const FOCUS_ACTOR = 'wang-yi'
const FOCUS_SHARE = 0.35

export interface SyntheticOptions {
  /** Number of events. */
  events: number
  /** PRNG seed: the same seed writes the same files. */
  seed?: number
}

export interface SyntheticTimeline {
  /** The data dir, laid out like data/ (actors.json, places.json, timelines/, sources/). */
  dir: string
  timelineId: string
  /** An event in the middle of the timeline, for the single-event route. */
  middleEventId: string
  /** Folded words that occur in the events' text, for cold queries. */
  words: string[]
  actorIds: string[]
}

/** mulberry32: a tiny seeded PRNG, so two runs benchmark the same data. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const VERBS: Record<(typeof EVENT_KINDS)[number], string> = {
  appointment: 'is appointed to a new post by',
  briefing: 'briefs reporters alongside',
  call: 'holds a call with',
  conference: 'attends a conference with',
  editorial: 'is the subject of an editorial on',
  interview: 'gives an interview about',
  invasion: 'faces a new offensive involving',
  meeting: 'meets',
  'military-exercise': 'observes a military exercise with',
  publication: 'publishes a paper on relations with',
  speech: 'gives a speech answering',
  statement: 'issues a statement on',
  tour: 'tours the region with',
  visit: 'visits',
}

/** Words of the real source text, minus weekday names (the validator checks those against dates). */
const vocabulary = (text: string): string[] => {
  const weekdays = new Set<string>(WEEKDAYS)
  const words = new Set(
    (text.toLowerCase().match(/[a-z]{4,12}/g) ?? []).filter((w) => !weekdays.has(w)),
  )
  return [...words].sort()
}

/**
 * Writes a valid synthetic data dir of `events` events and returns what the workload needs.
 * @example const data = await writeSyntheticData('/tmp/bench/data-1000', { events: 1000 })
 */
export const writeSyntheticData = async (
  dir: string,
  options: SyntheticOptions,
): Promise<SyntheticTimeline> => {
  const random = prng(options.seed ?? 20230221)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const count = options.events
  const actors = JSON.parse(await readFile(join(DEFAULT_DATA_DIR, 'actors.json'), 'utf8'))
    .actors as Actor[]
  const places = JSON.parse(await readFile(join(DEFAULT_DATA_DIR, 'places.json'), 'utf8'))
    .places as Place[]
  const real = JSON.parse(
    await readFile(join(DEFAULT_DATA_DIR, 'timelines', 'wang-yi-moscow-2023.json'), 'utf8'),
  ) as Timeline
  const realText = await readFile(join(DEFAULT_DATA_DIR, real.sources[0]!.text), 'utf8')
  const words = vocabulary(realText)
  const tags = [...new Set(real.events.flatMap((e) => e.tags))].sort()
  const focus = actors.find((a) => a.id === FOCUS_ACTOR)!
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1))
    const text = Array.from({ length: n }, () => pick(words)).join(' ')
    return text[0]!.toUpperCase() + text.slice(1) + '.'
  }

  const timelineId = `synthetic-${count}-events`
  const span = Math.ceil(count * DAYS_PER_EVENT)
  const sourceCount = Math.ceil(count / EVENTS_PER_SOURCE)
  const sourceTexts: string[][] = Array.from({ length: sourceCount }, () => [])
  const drafts: { first: number; event: TimelineEvent }[] = []
  for (let i = 0; i < count; i++) {
    const day = LAST_DAY - span + Math.floor(random() * span)
    const roll = random()
    const iso = isoDay(day)
    const date: TimelineEvent['date'] =
      roll < 0.03
        ? { start: iso.slice(0, 4), precision: 'year' }
        : roll < 0.1
          ? {
              start: iso.slice(0, 7),
              precision: 'month',
              display: `Some time in ${iso.slice(0, 7)}`,
            }
          : roll < 0.3
            ? { start: iso, end: isoDay(day + 1 + Math.floor(random() * 9)), precision: 'day' }
            : { start: iso, precision: 'day' }
    const participants = new Map<string, TimelineEvent['participants'][number]>()
    if (random() < FOCUS_SHARE)
      participants.set(focus.id, { actor: focus.id, role: pick(PARTICIPANT_ROLES) })
    const others = 1 + Math.floor(random() * 3)
    for (let k = 0; k < others; k++) {
      const actor = pick(actors)
      participants.set(actor.id, { actor: actor.id, role: pick(PARTICIPANT_ROLES) })
    }
    const eventPlaces = [
      ...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(places))),
    ]
    const kind = pick(EVENT_KINDS)
    const [lead, other] = [...participants.keys()].map((id) => actors.find((a) => a.id === id)!)
    const where = eventPlaces[0] ? ` in ${eventPlaces[0].name}` : ''
    const title = `${lead!.name} ${VERBS[kind]} ${other?.name ?? 'officials'}${where}`.slice(0, 160)
    const source = Math.floor(i / EVENTS_PER_SOURCE)
    const citations = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
      const quote = sentence(8, 30)
      sourceTexts[source]!.push(quote)
      return { source: `synthetic-source-${source + 1}`, quote }
    })
    const event: TimelineEvent = {
      id: `synthetic-event-${i + 1}`,
      date,
      title,
      summary: `${title}. ${sentence(10, 40)}`,
      kind,
      tags: [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(tags)))],
      status:
        random() < 0.8
          ? 'happened'
          : pick(['scheduled', 'expected', 'possible', 'reported'] as const),
      places: eventPlaces.map((p) => p.id),
      participants: [...participants.values()],
      citations,
      ...(random() < 0.2 ? { notes: [{ type: pick(NOTE_TYPES), text: sentence(8, 24) }] } : {}),
    }
    drafts.push({ first: partialDateRange(date.start)!.first, event })
  }
  // The validator wants chronological order by first day; month and year dates start early.
  drafts.sort((a, b) => a.first - b.first)
  const events = drafts.map((d) => d.event)
  for (const event of events) {
    if (random() < 0.3) event.related = [pick(events).id].filter((id) => id !== event.id)
  }

  const timeline: Timeline = {
    id: timelineId,
    title: `Synthetic benchmark timeline of ${count} events`,
    description: `Generated by scripts/bench/synthetic.ts from the real actors, places and tags; never shipped.`,
    language: 'en',
    lastReviewed: '2026-11-28',
    attribution: 'Synthetic data for benchmarks',
    sources: sourceTexts.map((_, s) => ({
      id: `synthetic-source-${s + 1}`,
      publisher: 'Dateline benchmark',
      headline: `Synthetic source ${s + 1}`,
      url: `https://example.org/dateline-bench/${s + 1}`,
      published: '2024-07-01',
      text: `sources/synthetic-${s + 1}.txt`,
    })),
    events,
  }
  await mkdir(join(dir, 'timelines'), { recursive: true })
  await mkdir(join(dir, 'sources'), { recursive: true })
  await copyFile(join(DEFAULT_DATA_DIR, 'actors.json'), join(dir, 'actors.json'))
  await copyFile(join(DEFAULT_DATA_DIR, 'places.json'), join(dir, 'places.json'))
  // The real tags' labels (the validator wants one per tag used); no translations: English only.
  await copyFile(join(DEFAULT_DATA_DIR, 'tags.json'), join(dir, 'tags.json'))
  await writeFile(join(dir, 'timelines', `${timelineId}.json`), JSON.stringify(timeline))
  for (const [s, lines] of sourceTexts.entries()) {
    await writeFile(join(dir, 'sources', `synthetic-${s + 1}.txt`), lines.join('\n\n') + '\n')
  }
  return {
    dir,
    timelineId,
    middleEventId: events[Math.floor(events.length / 2)]!.id,
    words,
    actorIds: actors.map((a) => a.id),
  }
}
