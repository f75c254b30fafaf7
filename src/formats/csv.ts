/**
 * @module formats/csv
 * CSV (RFC 4180) for spreadsheets: a header row, one row per event, CRLF line ends, UTF-8 without
 * a byte-order mark (RFC 4180 and `charset=utf-8` say it all; a BOM would become part of the first
 * header name for most non-Excel readers).
 *
 * Hand-written: quoting every field is the whole of RFC 4180's writing side; papaparse's unparser
 * would add ~7 KB gzip for the same output. The test suite reads it back with papaparse.
 *
 * Multi-valued columns join their values with `|` (`CSV_LIST_SEPARATOR`): ids cannot contain it,
 * and a spreadsheet can split on it. Quotes, which may contain anything, are one per line inside
 * their (quoted) cell, in the order of the `sources` and `publishers` columns.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import { eventUrl } from './common.ts'
import type { FormatInput } from './common.ts'

const CSV_LIST_SEPARATOR = '|'
const CRLF = '\r\n'

/** Column name → value of an event. */
const COLUMNS: readonly (readonly [string, (e: ResolvedEvent, input: FormatInput) => string])[] = [
  ['id', (e) => e.id],
  ['start', (e) => e.date.start],
  ['end', (e) => e.date.end ?? ''],
  ['precision', (e) => e.date.precision],
  ['approximate', (e) => (e.date.approximate ? 'true' : 'false')],
  ['display_date', (e) => e.date.display ?? ''],
  ['title', (e) => e.title],
  ['summary', (e) => e.summary],
  ['kind', (e) => e.kind],
  ['status', (e) => e.status],
  ['tags', (e) => e.tags.join(CSV_LIST_SEPARATOR)],
  ['place_ids', (e) => e.places.map((p) => p.id).join(CSV_LIST_SEPARATOR)],
  ['place_names', (e) => e.places.map((p) => p.name).join(CSV_LIST_SEPARATOR)],
  [
    'coordinates',
    (e) =>
      e.places.map((p) => `${p.coordinates.lat} ${p.coordinates.lon}`).join(CSV_LIST_SEPARATOR),
  ],
  ['participant_ids', (e) => e.participants.map((p) => p.actor.id).join(CSV_LIST_SEPARATOR)],
  ['participant_names', (e) => e.participants.map((p) => p.actor.name).join(CSV_LIST_SEPARATOR)],
  ['participant_roles', (e) => e.participants.map((p) => p.role).join(CSV_LIST_SEPARATOR)],
  ['quotes', (e) => e.citations.map((c) => c.quote).join('\n')],
  // Translations of the quotes, marked as such by their column: the quotes stay verbatim.
  ['quote_glosses', (e) => e.citations.map((c) => c.gloss ?? '').join('\n')],
  ['sources', (e) => e.citations.map((c) => c.source.url).join(CSV_LIST_SEPARATOR)],
  ['publishers', (e) => e.citations.map((c) => c.source.publisher).join(CSV_LIST_SEPARATOR)],
  ['url', (e, input) => eventUrl(input.origin, input.timeline.id, e.id)],
  // The language of the texts (an RFC 6497 tag for a translation), per row so rows stay whole.
  ['language', (_e, input) => input.timeline.language],
]

/** The header row's names, in order. */
const CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name)

/**
 * Quotes a field when RFC 4180 requires it (comma, quote, CR or LF) by doubling inner quotes.
 * @example csvField('say "hi", then go') // '"say ""hi"", then go"'
 */
export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value

/**
 * The events as CSV text.
 * @example toCsv({ timeline, events, origin, links, total }).split('\r\n')[0] // 'id,start,end,…'
 */
export const toCsv = (input: FormatInput): string =>
  [
    CSV_COLUMNS.join(','),
    ...input.events.map((e) => COLUMNS.map(([, get]) => csvField(get(e, input))).join(',')),
  ].join(CRLF) + CRLF
