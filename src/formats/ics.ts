/**
 * @module formats/ics
 * iCalendar (RFC 5545) for calendar apps that subscribe to `/v1/timelines/{id}/events.ics`.
 *
 * Hand-written: ical.js, the maintained JavaScript implementation, adds ~40 KB gzip to the Worker
 * for a parser we do not need; writing a calendar is a few rules (CRLF, escaping, folding at 75
 * octets without splitting a UTF-8 character), each tested against ical.js in the test suite.
 *
 * Every event is all-day: DTSTART;VALUE=DATE and an exclusive DTEND (a month- or year-precision
 * event covers its whole month or year). DTSTAMP is the timeline's review date, never the clock,
 * so the bytes and the ETag only change when the data does.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import type { EventStatus } from '../model/schema.ts'
import { citationLines, eventDays, eventUrl, exclusiveEndDay, reviewedInstant } from './common.ts'
import type { FormatInput } from './common.ts'
import { stringsFor } from '../i18n/embed-strings.ts'
import { translationStringsFor } from '../i18n/translation-strings.ts'
import { vocabularyLabels } from '../i18n/vocabulary-labels.ts'

const ICS_PRODID = '-//Dateline//Dateline event timelines//EN'
/** RFC 5545 §3.1: lines longer than 75 octets, excluding the line break, are folded. */
const ICS_MAX_LINE_OCTETS = 75
const CRLF = '\r\n'

/** Confirmed when the source says it happened or was scheduled; the rest is tentative. */
const STATUS: Record<EventStatus, 'CONFIRMED' | 'TENTATIVE'> = {
  happened: 'CONFIRMED',
  scheduled: 'CONFIRMED',
  expected: 'TENTATIVE',
  possible: 'TENTATIVE',
  reported: 'TENTATIVE',
}

const utf8Octets = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4

/**
 * Folds a content line (RFC 5545 §3.1): CRLF plus one space before any octet that would pass the
 * 75th, counting the space. Iterates code points, so a multi-byte character is never split.
 * @example foldLine('SUMMARY:' + 'x'.repeat(80)) // 'SUMMARY:xxx…\r\n xxxxx…'
 */
export const foldLine = (line: string): string => {
  let out = ''
  let octets = 0
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0)!)
    if (octets + size > ICS_MAX_LINE_OCTETS) {
      out += `${CRLF} `
      octets = 1
    }
    out += ch
    octets += size
  }
  return out
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; control
 * characters other than tab are not allowed in TEXT and are dropped.
 * @example escapeText('Paris, Rome; "Munich"\n') // 'Paris\\, Rome\\; "Munich"\\n'
 */
export const escapeText = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\\;,\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`))

/** YYYY-MM-DD → YYYYMMDD (DATE value). */
const icsDate = (iso: string) => iso.replaceAll('-', '')

/** The words of descriptions in the timeline's language (its translation's, or its own). */
const wordsOf = (input: FormatInput) => {
  const language = (input.timeline.translation?.language ?? input.timeline.language).split('-')[0]!
  const t = translationStringsFor(language)
  return {
    when: t.when,
    gloss: t.gloss,
    participants: stringsFor(language).strings.participants,
    roles: vocabularyLabels(language, {}).roles,
  }
}
type Words = ReturnType<typeof wordsOf>
/** One set of words per serialization, not per event. */
const words = new WeakMap<FormatInput, Words>()
const wordsFor = (input: FormatInput): Words => {
  let w = words.get(input)
  if (!w) words.set(input, (w = wordsOf(input)))
  return w
}

/** The event's description: summary, participants, then each citation with its publisher. */
const description = (event: ResolvedEvent, words: Words): string =>
  [
    event.summary,
    event.date.display ? `${words.when}: ${event.date.display}` : '',
    event.participants.length
      ? `${words.participants}: ${event.participants.map((p) => `${p.actor.name} (${words.roles[p.role]})`).join(', ')}`
      : '',
    ...citationLines(event, words.gloss),
  ]
    .filter(Boolean)
    .join('\n\n')

/** RFC 5545 §3.2.10 `LANGUAGE=` on the texts: the timeline's language or translation tag. */
const lang = (input: FormatInput) => `;LANGUAGE=${input.timeline.language}`

const vevent = (event: ResolvedEvent, input: FormatInput, stamp: string): string[] => {
  const place = event.places[0]
  return [
    'BEGIN:VEVENT',
    `UID:${event.id}@${input.timeline.id}.dateline`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(eventDays(event).first)}`,
    `DTEND;VALUE=DATE:${icsDate(exclusiveEndDay(event))}`,
    `SUMMARY${lang(input)}:${escapeText(event.title)}`,
    `DESCRIPTION${lang(input)}:${escapeText(description(event, wordsFor(input)))}`,
    ...(event.places.length
      ? [`LOCATION${lang(input)}:${escapeText(event.places.map((p) => p.name).join(', '))}`]
      : []),
    // GEO holds one point (§3.8.1.6): the first place, which the data lists as the main one.
    ...(place ? [`GEO:${place.coordinates.lat};${place.coordinates.lon}`] : []),
    `URL:${eventUrl(input.origin, input.timeline.id, event.id)}`,
    `CATEGORIES:${[event.kind, ...event.tags].map(escapeText).join(',')}`,
    `STATUS:${STATUS[event.status]}`,
    // All-day history should not mark anyone busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ]
}

/**
 * The events as an iCalendar stream (CRLF line ends, folded lines).
 * @example toIcs({ timeline, events, origin: 'https://dateline.example', links, total })
 */
export const toIcs = (input: FormatInput): string => {
  const stamp = reviewedInstant(input.timeline).replace(/[-:]/g, '')
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.timeline.title)}`,
    `X-WR-CALDESC:${escapeText(input.timeline.description)}`,
    // RFC 7986 NAME/DESCRIPTION/SOURCE and the refresh hint, for clients newer than X-WR-*.
    `NAME:${escapeText(input.timeline.title)}`,
    `SOURCE;VALUE=URI:${input.links.self}`,
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
    ...input.events.flatMap((event) => vevent(event, input, stamp)),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
