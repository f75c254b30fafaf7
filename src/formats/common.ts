/**
 * @module formats/common
 * What every format needs: the input they all take, event dates as day ranges and as parts, the
 * absolute links formats embed, and the XML/HTML escaping Atom and TimelineJS share.
 */
import { isoDay, partialDateRange } from '../model/dates.ts'
import type { ResolvedEvent, TimelineMeta } from '../model/dataset.ts'
import { escapeAttr } from '../embed/options.ts'
import { embedPath, eventPath, eventPermalinkPath } from '../urls.ts'

/** Absolute URLs of the page being serialized and its neighbours (RFC 5005 for feeds). */
interface FormatLinks {
  self: string
  first: string
  next?: string
  prev?: string
}

/** The input of every serializer: plain data, no request. */
export interface FormatInput {
  timeline: TimelineMeta
  /** The page of events, in the query's order. */
  events: readonly ResolvedEvent[]
  /** `https://host`, for the absolute URLs feeds and calendars must carry. */
  origin: string
  links: FormatLinks
  /** Matches across all pages. */
  total: number
  sort?: 'asc' | 'desc'
}

/**
 * The embed page of a timeline.
 * @example embedUrl('https://x.test', 'wang-yi-moscow-2023') // 'https://x.test/embed/wang-yi-moscow-2023'
 */
export const embedUrl = (origin: string, timelineId: string) => `${origin}${embedPath(timelineId)}`

/**
 * The event's deep link on the embed page: what people should open.
 * @example eventUrl('https://x.test', 'wang-yi-moscow-2023', 'biden-visits-kyiv')
 * // 'https://x.test/embed/wang-yi-moscow-2023#event-biden-visits-kyiv'
 */
export const eventUrl = (origin: string, timelineId: string, eventId: string) =>
  `${origin}${eventPermalinkPath(timelineId, eventId)}`

/**
 * The event in the API: a stable identifier for feed entries.
 * @example eventApiUrl('https://x.test', 'wang-yi-moscow-2023', 'biden-visits-kyiv')
 * // 'https://x.test/v1/timelines/wang-yi-moscow-2023/events/biden-visits-kyiv'
 */
export const eventApiUrl = (origin: string, timelineId: string, eventId: string) =>
  `${origin}${eventPath(timelineId, eventId)}`

/** First and last day (ISO YYYY-MM-DD, inclusive) an event's date covers at its precision. */
export const eventDays = (event: ResolvedEvent): { first: string; last: string } => {
  const start = partialDateRange(event.date.start)!
  const end = event.date.end ? partialDateRange(event.date.end)! : start
  return { first: isoDay(start.first), last: isoDay(end.last) }
}

/** The day after an event's last day: the exclusive end calendars want. */
export const exclusiveEndDay = (event: ResolvedEvent): string => {
  const end = partialDateRange(event.date.end ?? event.date.start)!
  return isoDay(end.last + 1)
}

/** Year, month and day of a partial date as numbers, each only if written. */
export const dateParts = (text: string): { year: number; month?: number; day?: number } => {
  const [year, month, day] = text.split('-').map(Number)
  return {
    year: year!,
    ...(month !== undefined ? { month } : {}),
    ...(day !== undefined ? { day } : {}),
  }
}

/**
 * The timeline's review date as an RFC 3339 instant (midnight UTC of its first day). Formats use it
 * for "updated" stamps instead of the clock, so the same data always gives the same bytes.
 */
export const reviewedInstant = (timeline: TimelineMeta): string =>
  `${isoDay(partialDateRange(timeline.lastReviewed)!.first)}T00:00:00Z`

/** A date as people read it: the editors' wording, else start–end as written. */
export const displayDate = (event: ResolvedEvent): string =>
  event.date.display ??
  (event.date.end ? `${event.date.start} – ${event.date.end}` : event.date.start)

/**
 * Escapes text for XML/HTML element content and double-quoted attribute values (the only quoting
 * used here, so `'` stays as is) with the one attribute escaper, after dropping the characters
 * XML 1.0 forbids (they cannot be escaped, only removed).
 * @example escapeXml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export const escapeXml = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  escapeAttr(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''))

/** The event's citations as one line each: “quote” — Publisher, “Headline”. */
export const citationLines = (event: ResolvedEvent, glossLabel = 'Translation'): string[] =>
  event.citations.map(
    (c) =>
      `“${c.quote}” — ${c.source.publisher}, “${c.source.headline}” ${c.source.url}` +
      // A translated quote is a gloss, labelled as one; the quote above stays verbatim.
      (c.gloss ? `\n${glossLabel}: ${c.gloss}` : ''),
  )
