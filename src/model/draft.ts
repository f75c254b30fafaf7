/**
 * @module model/draft
 * Draft timelines: what `npm run draft` and `npm run import` write, before an editor has reviewed
 * them. A draft is a timeline file with `draft` blocks (on the timeline, on events, or both) that
 * say how each field was derived and with what confidence; the fields a machine cannot fill
 * (summaries in our own words, tags, missing quotes, a source URL) may be empty. The validator
 * accepts a draft only as a draft: it is never served or deployed, and what is left to review is
 * listed here, for the messages of `npm run validate`, the build and deploy.
 */
import { z } from 'zod'
import { ACTOR_TYPES } from './vocabulary.ts'
import { Citation, Id, PartialDate, Source, Timeline, TimelineEvent } from './schema.ts'
import type { Timeline as TimelineData } from './schema.ts'

const Derivation = z
  .object({
    from: z.string().min(1).describe('How the value was derived, in words'),
    confidence: z.number().min(0).max(1),
  })
  .strict()

const ProposedEntity = z
  .object({
    id: Id,
    name: z.string().min(1),
    kind: z.enum(['actor', 'place']),
    type: z.enum(ACTOR_TYPES).optional(),
    because: z.string(),
  })
  .strict()

const FIELDS = [
  'date',
  'title',
  'summary',
  'kind',
  'status',
  'tags',
  'participants',
  'places',
  'citations',
] as const

export const EventDraftBlock = z
  .object({
    expression: z.string().optional().describe('The temporal expression of the source, as written'),
    fields: z.object(Object.fromEntries(FIELDS.map((f) => [f, Derivation.optional()]))).strict(),
    proposed: z.array(ProposedEntity).optional().describe('Names in the quote not in data/ yet'),
  })
  .strict()

export const TimelineDraftBlock = z
  .object({
    status: z.literal('unreviewed'),
    createdBy: z.string().describe('The command that wrote the draft'),
    input: z.string().describe('The article or file it was made from'),
    language: Derivation.extend({ value: z.string() }),
    published: z
      .object({
        value: PartialDate,
        from: z.string(),
        header: PartialDate.optional(),
        fits: z.boolean().optional(),
        problem: z.string().optional(),
        proposed: PartialDate.optional(),
        alternatives: z.array(PartialDate).optional(),
      })
      .strict()
      .optional(),
    skipped: z
      .array(z.object({ line: z.number().int(), text: z.string(), reason: z.string() }).strict())
      .optional()
      .describe('Lines of the article left out (headings, junk), never quoted'),
    proposed: z.array(ProposedEntity).optional(),
  })
  .strict()

const DraftEvent = TimelineEvent.extend({
  summary: z.string().max(1200),
  tags: z.array(Id).max(12),
  citations: z.array(Citation).max(10),
  draft: EventDraftBlock.optional(),
})

export const DraftTimeline = Timeline.extend({
  description: z.string().max(2000),
  lastReviewed: PartialDate.optional(),
  sources: z.array(Source.extend({ url: Source.shape.url.optional(), headline: z.string() })),
  events: z.array(DraftEvent).max(50_000),
  draft: TimelineDraftBlock.optional(),
})

export type DraftTimeline = z.infer<typeof DraftTimeline>
export type EventDraftBlock = z.infer<typeof EventDraftBlock>
export type TimelineDraftBlock = z.infer<typeof TimelineDraftBlock>

const hasOwn = (value: unknown, key: string): boolean =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)

/**
 * Whether a parsed timeline file is a draft: a `draft` block on it or on any of its events.
 * @example isDraftContent({ id: 'x', draft: { status: 'unreviewed' } }) // true
 */
export const isDraftContent = (content: unknown): boolean =>
  hasOwn(content, 'draft') ||
  (hasOwn(content, 'events') &&
    Array.isArray((content as { events: unknown }).events) &&
    (content as { events: unknown[] }).events.some((e) => hasOwn(e, 'draft')))

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * What is left to review before a draft can be promoted, one line per kind of work.
 * @example reviewItems(draft) // ['28 of 28 events still carry a "draft" block (not reviewed)', …]
 */
export const reviewItems = (draft: DraftTimeline): string[] => {
  const items: string[] = []
  const events = draft.events
  const unreviewed = events.filter((e) => e.draft).length
  if (unreviewed) {
    items.push(
      `${unreviewed} of ${count(events.length, 'event')} still carry a "draft" block (not reviewed)`,
    )
  }
  const without = (test: (e: (typeof events)[number]) => boolean, what: string) => {
    const n = events.filter(test).length
    if (n) items.push(`${count(n, 'event')} without ${what}`)
  }
  without((e) => e.summary.trim().length < 10, 'a summary in our own words')
  without((e) => e.tags.length === 0, 'tags')
  without((e) => e.citations.length === 0, 'a citation (quote the source passage)')
  if (draft.description.trim().length < 10) items.push('the timeline has no description')
  if (!draft.lastReviewed) items.push('lastReviewed is not set (promoting sets it to today)')
  for (const source of draft.sources) {
    if (!source.url) items.push(`source "${source.id}" has no url`)
    if (!source.headline) items.push(`source "${source.id}" has no headline`)
  }
  if (draft.sources.length === 0) items.push('the timeline has no source')
  const published = draft.draft?.published
  if (published?.fits === false && published.proposed && published.proposed !== published.value) {
    items.push(
      `publication date ${published.value} does not fit the article's weekday words ` +
        `(${published.proposed} does): check sources[].published`,
    )
  }
  const proposed = [
    ...(draft.draft?.proposed ?? []),
    ...events.flatMap((e) => e.draft?.proposed ?? []),
  ]
  const names = [...new Set(proposed.map((p) => p.name))]
  if (names.length) {
    items.push(
      `${count(names.length, 'proposed new entity', 'proposed new entities')} to add to ` +
        `data/actors.json or data/places.json, or drop: ${names.slice(0, 8).join(', ')}` +
        (names.length > 8 ? ', …' : ''),
    )
  }
  if (draft.draft) items.push('the timeline\'s own "draft" block (status "unreviewed")')
  return items
}

/** The summary a draft event shows in a local preview: how its fields were derived. */
const previewSummary = (block: EventDraftBlock | undefined): string => {
  if (!block) return 'Reviewed event: summary still to write.'
  return Object.entries(block.fields)
    .filter(([, d]) => d)
    .map(([field, d]) => `${field}: ${d!.from} (${Math.round(d!.confidence * 100)}%)`)
    .join(' · ')
}

/**
 * A draft as a servable timeline, for the local preview `npm start` shows (with a "Draft" banner):
 * draft blocks removed, each event's derivations shown as its summary. Never used by a deploy.
 * @example previewTimeline(draft, '2026-12-01').events[0].summary // 'date: "Tuesday" … (85%) · …'
 */
export const previewTimeline = (draft: DraftTimeline, today: string): TimelineData => {
  const { draft: _block, ...rest } = draft
  return {
    ...rest,
    description: draft.description || 'Draft: not reviewed.',
    lastReviewed: draft.lastReviewed ?? today,
    sources: draft.sources.map((s) => ({ ...s, url: s.url ?? 'https://example.invalid/' })),
    events: draft.events.map(({ draft: block, ...event }) => ({
      ...event,
      summary: event.summary.trim() ? event.summary : previewSummary(block),
    })),
  }
}
