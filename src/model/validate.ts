/**
 * @module model/validate
 * Every rule a timeline must pass before it is bundled, as pure functions over parsed files.
 * Messages name the file, the event id and the field, so an author can fix them without a debugger.
 */
import { Timeline, ActorsFile, PlacesFile } from './schema.ts'
import { DraftTimeline, isDraftContent, reviewItems } from './draft.ts'
import type { Timeline as TimelineData, Actor, Place, TimelineEvent } from './schema.ts'
import { partialDateRange, precisionOf, weekdayOf, isoDay, WEEKDAYS } from './dates.ts'
import type { DayRange } from './dates.ts'
import type { z } from 'zod'
import { validateTranslations } from './validate-translations.ts'
import type { TranslationFiles, ValidTranslations } from './validate-translations.ts'

/** One broken rule. `field` is a dotted path inside the event (or the file when there is no event). */
export interface ValidationIssue {
  file: string
  eventId?: string
  field: string
  message: string
}

/** A data file as read from disk: its path (for messages) and its parsed JSON. */
export interface DataFile {
  file: string
  content: unknown
}

interface ValidateDatasetOptions {
  actors: DataFile
  places: DataFile
  timelines: DataFile[]
  /** Source texts keyed by their path under data/ (`sources/x.txt`). Without it quotes are not checked. */
  sourceTexts?: ReadonlyMap<string, string>
  /** Tag labels and translations; without them the dataset has no other languages. */
  translations?: TranslationFiles
}

/** A draft that passed the draft rules: accepted only as a draft, with what is left to review. */
export interface ValidDraft {
  file: string
  timeline: DraftTimeline
  review: string[]
}

export interface ValidDataset {
  actors: Actor[]
  places: Place[]
  timelines: TimelineData[]
  tags: Record<string, string>
  translations: Omit<ValidTranslations, 'tags'>
}

/** How far (in days) a weekday word in a quote may point from the source's publication date. */
const WEEKDAY_WINDOW_DAYS = 6
const WEEKDAY_WORDS = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'gi')

/** Collapses runs of whitespace so quotes survive re-wrapping; everything else must match exactly. */
const normalizeQuoteText = (text: string): string =>
  text.normalize('NFC').replace(/\s+/g, ' ').trim()

const schemaIssues = (file: string, error: z.ZodError, content: unknown): ValidationIssue[] =>
  error.issues.map((issue) => {
    const path = issue.path.map(String)
    if (path[0] === 'events' && path.length >= 2) {
      const events = (content as { events?: { id?: unknown }[] }).events
      const id = events?.[Number(path[1])]?.id
      return {
        file,
        eventId: typeof id === 'string' ? id : `#${path[1]}`,
        field: path.slice(2).join('.') || '(event)',
        message: issue.message,
      }
    }
    return { file, field: path.join('.') || '(file)', message: issue.message }
  })

const duplicates = (ids: string[]): string[] => ids.filter((id, index) => ids.indexOf(id) !== index)

const eventDateIssues = (event: TimelineEvent, push: (field: string, msg: string) => void) => {
  const { start, end, precision } = event.date
  const startRange = partialDateRange(start)
  if (!startRange) push('date.start', `"${start}" is not a real calendar date`)
  if (precisionOf(start) !== precision) {
    push('date.start', `"${start}" is not written at the event's precision "${precision}"`)
  }
  if (end === undefined) return
  const endRange = partialDateRange(end)
  if (!endRange) push('date.end', `"${end}" is not a real calendar date`)
  if (precisionOf(end) !== precision) {
    push('date.end', `"${end}" is not written at the event's precision "${precision}"`)
  }
  if (startRange && endRange && endRange.first < startRange.first) {
    push('date.end', `the event ends (${end}) before it starts (${start})`)
  }
}

/** The days an event may have happened on: start's first day to end's (or start's) last day. */
const eventDayRange = (event: TimelineEvent): DayRange | undefined => {
  const start = partialDateRange(event.date.start)
  const end = event.date.end === undefined ? start : partialDateRange(event.date.end)
  return start && end ? { first: start.first, last: end.last } : undefined
}

const weekdayIssue = (word: string, days: DayRange, published: DayRange): string | undefined => {
  const wanted = word.toLowerCase()
  const from = Math.max(days.first, published.first - WEEKDAY_WINDOW_DAYS)
  const to = Math.min(days.last, published.first + WEEKDAY_WINDOW_DAYS)
  for (let day = from; day <= to; day++) if (weekdayOf(day) === wanted) return undefined
  const when =
    days.first === days.last ? isoDay(days.first) : `${isoDay(days.first)}..${isoDay(days.last)}`
  return (
    `the quote says "${word}", but no ${word} within ${WEEKDAY_WINDOW_DAYS} days of the source's ` +
    `date (${isoDay(published.first)}, a ${weekdayOf(published.first)}) falls on the event's date ${when}`
  )
}

const timelineIssues = (
  file: string,
  timeline: TimelineData,
  actors: ReadonlySet<string>,
  places: ReadonlySet<string>,
  sourceTexts: ReadonlyMap<string, string> | undefined,
): ValidationIssue[] => {
  const issues: ValidationIssue[] = []
  const expectedName = `${timeline.id}.json`
  if (!file.endsWith(`/${expectedName}`) && file !== expectedName) {
    issues.push({ file, field: 'id', message: `the file must be named ${expectedName}` })
  }
  for (const id of duplicates(timeline.sources.map((s) => s.id))) {
    issues.push({ file, field: 'sources', message: `duplicate source id "${id}"` })
  }
  for (const id of new Set(duplicates(timeline.events.map((e) => e.id)))) {
    issues.push({ file, eventId: id, field: 'id', message: `duplicate event id "${id}"` })
  }
  const sources = new Map(timeline.sources.map((s) => [s.id, s]))
  const normalizedTexts = new Map<string, string>()
  const eventIds = new Set(timeline.events.map((e) => e.id))
  let previous: { id: string; first: number } | undefined
  for (const event of timeline.events) {
    const push = (field: string, message: string) =>
      issues.push({ file, eventId: event.id, field, message })
    eventDateIssues(event, push)
    const days = eventDayRange(event)
    if (days && previous && days.first < previous.first) {
      push('date.start', `out of chronological order: starts before "${previous.id}" above it`)
    }
    if (days) previous = { id: event.id, first: days.first }
    event.places.forEach((place, i) => {
      if (!places.has(place)) push(`places.${i}`, `unknown place "${place}"`)
    })
    event.participants.forEach((p, i) => {
      if (!actors.has(p.actor)) push(`participants.${i}.actor`, `unknown actor "${p.actor}"`)
    })
    event.related?.forEach((id, i) => {
      if (id === event.id) push(`related.${i}`, 'an event cannot be related to itself')
      else if (!eventIds.has(id)) push(`related.${i}`, `unknown event "${id}"`)
    })
    event.citations.forEach((citation, i) => {
      const source = sources.get(citation.source)
      if (!source) return push(`citations.${i}.source`, `unknown source "${citation.source}"`)
      const text = sourceTexts?.get(source.text)
      if (sourceTexts && text === undefined) {
        return push(`citations.${i}.source`, `source text ${source.text} is missing`)
      }
      if (text !== undefined) {
        let normalized = normalizedTexts.get(source.text)
        if (normalized === undefined) {
          normalized = normalizeQuoteText(text)
          normalizedTexts.set(source.text, normalized)
        }
        if (!normalized.includes(normalizeQuoteText(citation.quote))) {
          push(`citations.${i}.quote`, `the quote does not appear verbatim in ${source.text}`)
        }
      }
      const published = partialDateRange(source.published)
      if (!days || !published || published.first !== published.last) return
      for (const [word] of citation.quote.matchAll(WEEKDAY_WORDS)) {
        const problem = weekdayIssue(word, days, published)
        if (problem) push(`citations.${i}.quote`, problem)
      }
    })
  }
  for (const source of timeline.sources) {
    if (!partialDateRange(source.published) || precisionOf(source.published) !== 'day') {
      issues.push({ file, field: `sources.${source.id}.published`, message: 'must be a real day' })
    }
  }
  return issues
}

/**
 * Checks every data file and the references between them. A draft timeline (one with `draft`
 * blocks) is checked by the draft rules (the schema with empty summaries, tags and citations
 * allowed, and every other rule: verbatim quotes, known references, dates, order) and returned
 * apart in `drafts`, never in `dataset`: callers decide whether a draft may stop them.
 * @example
 * const { dataset, issues, drafts } = validateDataset({ actors, places, timelines, sourceTexts })
 * if (issues.length) throw new Error(formatIssues(issues))
 */
export const validateDataset = (
  options: ValidateDatasetOptions,
): { dataset?: ValidDataset; issues: ValidationIssue[]; drafts: ValidDraft[] } => {
  const issues: ValidationIssue[] = []
  const actorsParsed = ActorsFile.safeParse(options.actors.content)
  if (!actorsParsed.success) {
    issues.push(...schemaIssues(options.actors.file, actorsParsed.error, options.actors.content))
  }
  const placesParsed = PlacesFile.safeParse(options.places.content)
  if (!placesParsed.success) {
    issues.push(...schemaIssues(options.places.file, placesParsed.error, options.places.content))
  }
  const actors = actorsParsed.data?.actors ?? []
  const places = placesParsed.data?.places ?? []
  for (const id of duplicates(actors.map((a) => a.id))) {
    issues.push({
      file: options.actors.file,
      field: 'actors',
      message: `duplicate actor id "${id}"`,
    })
  }
  for (const id of duplicates(places.map((p) => p.id))) {
    issues.push({
      file: options.places.file,
      field: 'places',
      message: `duplicate place id "${id}"`,
    })
  }
  const actorIds = new Set(actors.map((a) => a.id))
  const placeIds = new Set(places.map((p) => p.id))
  const timelines: TimelineData[] = []
  const drafts: ValidDraft[] = []
  const seen = new Map<string, string>()
  for (const { file, content } of options.timelines) {
    const draft = isDraftContent(content)
    const parsed = (draft ? DraftTimeline : Timeline).safeParse(content)
    if (!parsed.success) {
      issues.push(...schemaIssues(file, parsed.error, content))
      continue
    }
    const other = seen.get(parsed.data.id)
    if (other)
      issues.push({
        file,
        field: 'id',
        message: `timeline id "${parsed.data.id}" is also used by ${other}`,
      })
    seen.set(parsed.data.id, file)
    // A draft has the published shape except for fields allowed empty (and its draft blocks, which
    // no rule reads), so the same rules apply to it as they are.
    const timeline = parsed.data as TimelineData
    issues.push(...timelineIssues(file, timeline, actorIds, placeIds, options.sourceTexts))
    if (draft) {
      const data = parsed.data as DraftTimeline
      drafts.push({ file, timeline: data, review: reviewItems(data) })
    } else timelines.push(timeline)
  }
  if (issues.length > 0) return { issues, drafts }
  if (!options.translations) {
    const none = { shared: [], timelines: [] }
    return { dataset: { actors, places, timelines, tags: {}, translations: none }, issues, drafts }
  }
  const checked = validateTranslations(options.translations, { actors, places, timelines })
  if (!checked.translations) return { issues: checked.issues, drafts }
  const { tags, ...translations } = checked.translations
  return { dataset: { actors, places, timelines, tags, translations }, issues, drafts }
}

/**
 * The message that stops `npm run validate`, the build and deploy while drafts are in data/.
 * @example formatDrafts(drafts) // '✗ 1 unreviewed draft(s) …\ndata/timelines/x.json: …'
 */
export const formatDrafts = (drafts: readonly ValidDraft[]): string =>
  [
    `${drafts.length} unreviewed draft(s): a draft is never served or deployed. Left to review:`,
    ...drafts.map((d) => `${d.file}:\n${d.review.map((item) => `  - ${item}`).join('\n')}`),
    'Review each in the embed (npm start shows drafts, with a "Draft" banner), then promote it: ' +
      'npm run draft -- --promote <file> (or move it out of data/timelines).',
  ].join('\n')

/** One line per issue: `file › event "id" › field: message`. */
export const formatIssues = (issues: readonly ValidationIssue[]): string =>
  issues
    .map((i) =>
      [
        i.file,
        i.eventId === undefined ? undefined : `event "${i.eventId}"`,
        `${i.field}: ${i.message}`,
      ]
        .filter(Boolean)
        .join(' › '),
    )
    .join('\n')
