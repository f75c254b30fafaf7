/**
 * @module embed/parse-url
 * Recognition of this service's own URLs given to oEmbed. Recognition is strict (exact origin,
 * no credentials, no dot segments, a known timeline) and its output is parsed parts only, so what
 * oEmbed writes into an iframe `src` is rebuilt from scratch (urls.ts `embedPath`), never copied
 * from the input.
 */
import { ID_PATTERN } from '../model/vocabulary.ts'
import { EmbedQuery, queryInput } from './schema.ts'

/** A recognised URL: the timeline, and the embed options it carries. */
interface EmbeddableUrl {
  timelineId: string
  query: EmbedQuery
}

type UrlVerdict =
  | { ok: true; url: EmbeddableUrl }
  /** Not one of our timeline or embed URLs: 404. */
  | { ok: false; reason: 'foreign' }
  /** Our embed URL, but with an invalid selection option: 400. */
  | { ok: false; reason: 'options'; detail: string }

export interface TimelineLookup {
  /** Whether a timeline exists. */
  hasTimeline(id: string): boolean
  /** Whether an event exists in a timeline. */
  hasEvent(timelineId: string, eventId: string): boolean
}

/** `.`/`..` path segments, plain or percent-encoded, with either slash. */
const DOT_SEGMENT = /(^|[/\\])(\.|%2e){1,2}([/\\?#]|$)/i
const EMBED_PATH = /^\/embed\/([^/]+)$/
const TIMELINE_PATH = /^\/v1\/timelines\/([^/]+)$/
const EVENT_PATH = /^\/v1\/timelines\/([^/]+)\/events\/([^/]+)$/

const FOREIGN = { ok: false, reason: 'foreign' } as const

/**
 * Recognises `{origin}/embed/{id}?options`, `{origin}/v1/timelines/{id}` and
 * `{origin}/v1/timelines/{id}/events/{eventId}` (focused on that event). `origin` is the origin
 * this request was served from; anything else is `foreign`.
 * @example parseEmbeddableUrl('https://d.example/embed/x?theme=dark', 'https://d.example', lookup)
 */
export const parseEmbeddableUrl = (
  raw: string,
  origin: string,
  lookup: TimelineLookup,
): UrlVerdict => {
  // Relative and protocol-relative URLs do not parse without a base, and a base is never given.
  if (!URL.canParse(raw) || DOT_SEGMENT.test(raw)) return FOREIGN
  const url = new URL(raw)
  if (url.origin !== origin || url.username || url.password) return FOREIGN
  const path = url.pathname.replace(/\/$/, '')
  const embedMatch = EMBED_PATH.exec(path)
  const match = embedMatch ?? TIMELINE_PATH.exec(path) ?? EVENT_PATH.exec(path)
  const timelineId = match?.[1]
  if (!timelineId || !ID_PATTERN.test(timelineId) || !lookup.hasTimeline(timelineId)) {
    return FOREIGN
  }
  const eventId = match[2]
  if (
    eventId !== undefined &&
    !(ID_PATTERN.test(eventId) && lookup.hasEvent(timelineId, eventId))
  ) {
    return FOREIGN
  }
  // Options come only from an embed URL; API URLs' own parameters mean other things.
  const input = embedMatch ? queryInput(searchParamsToQueries(url)) : {}
  const parsed = EmbedQuery.safeParse(input)
  if (!parsed.success) {
    return { ok: false, reason: 'options', detail: parsed.error.issues[0]!.message }
  }
  const query = parsed.data
  const fragment = /^#event-([a-z0-9-]{1,80})$/.exec(url.hash)?.[1]
  const focus = eventId ?? query.focus ?? fragment
  query.focus = focus && lookup.hasEvent(timelineId, focus) ? focus : undefined
  return { ok: true, url: { timelineId, query } }
}

const searchParamsToQueries = (url: URL): Record<string, string[]> => {
  const out: Record<string, string[]> = {}
  for (const [k, v] of url.searchParams) (out[k] ??= []).push(v)
  return out
}
