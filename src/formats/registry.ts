/**
 * @module formats/registry
 * Every representation an event query can be answered in, in one table: the `format` value, the
 * media type `Accept` matches and the `Content-Type` sent, the file extensions of the events path
 * (`/v1/timelines/{id}/events.ics`) and whether browsers should download or show the body. The
 * router, the content negotiation, the OpenAPI document and the README all read this table.
 */
import type { Format } from '../query/schema.ts'

export interface FormatSpec {
  format: Format
  /** Human name, for documentation. */
  label: string
  /** The media type `Accept` is matched against (no parameters). */
  mediaType: string
  /** The `Content-Type` header sent with the body. */
  contentType: string
  /** Suffixes after `events.` in the path; the first one names downloads. */
  extensions: readonly [string, ...string[]]
  /** `attachment` for files people save or import (calendars, spreadsheets), else `inline`. */
  disposition: 'inline' | 'attachment'
  /** Whether an `Accept` header can select this format (not when its media type is JSON's). */
  negotiable: boolean
  /** Specification the body follows. */
  spec: string
  /** Headers this format's responses carry besides the usual ones. */
  headers?: Readonly<Record<string, string>>
}

/**
 * The policy of an `events.svg`: nothing may load or run, only its own inline `<style>` applies,
 * and a browser that opens it directly treats it as a sandboxed, unique origin.
 */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/**
 * The formats, JSON first: it is the default, and wins `Accept: application/json` over
 * TimelineJS, which shares its media type and is chosen only by `?format` or extension.
 * @example FORMAT_SPECS.map((f) => f.mediaType)
 */
export const FORMAT_SPECS: readonly FormatSpec[] = [
  {
    format: 'json',
    label: 'JSON',
    mediaType: 'application/json',
    contentType: 'application/json; charset=utf-8',
    extensions: ['json'],
    disposition: 'inline',
    negotiable: true,
    spec: 'https://www.rfc-editor.org/rfc/rfc8259',
  },
  {
    format: 'jsonld',
    label: 'JSON-LD (schema.org ItemList of Event)',
    mediaType: 'application/ld+json',
    contentType: 'application/ld+json; charset=utf-8',
    extensions: ['jsonld'],
    disposition: 'inline',
    negotiable: true,
    spec: 'https://www.w3.org/TR/json-ld11/',
  },
  {
    format: 'ics',
    label: 'iCalendar',
    mediaType: 'text/calendar',
    contentType: 'text/calendar; charset=utf-8',
    extensions: ['ics'],
    disposition: 'attachment',
    negotiable: true,
    spec: 'https://www.rfc-editor.org/rfc/rfc5545',
  },
  {
    format: 'atom',
    label: 'Atom feed',
    mediaType: 'application/atom+xml',
    contentType: 'application/atom+xml; charset=utf-8',
    extensions: ['atom'],
    disposition: 'inline',
    negotiable: true,
    spec: 'https://www.rfc-editor.org/rfc/rfc4287',
  },
  {
    format: 'jsonfeed',
    label: 'JSON Feed 1.1',
    mediaType: 'application/feed+json',
    contentType: 'application/feed+json; charset=utf-8',
    extensions: ['jsonfeed', 'feed.json'],
    disposition: 'inline',
    negotiable: true,
    spec: 'https://www.jsonfeed.org/version/1.1/',
  },
  {
    format: 'csv',
    label: 'CSV',
    mediaType: 'text/csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    extensions: ['csv'],
    disposition: 'attachment',
    negotiable: true,
    spec: 'https://www.rfc-editor.org/rfc/rfc4180',
  },
  {
    format: 'geojson',
    label: 'GeoJSON',
    mediaType: 'application/geo+json',
    contentType: 'application/geo+json; charset=utf-8',
    extensions: ['geojson'],
    disposition: 'inline',
    negotiable: true,
    spec: 'https://www.rfc-editor.org/rfc/rfc7946',
  },
  {
    format: 'timelinejs',
    label: 'TimelineJS3 JSON',
    mediaType: 'application/json',
    contentType: 'application/json; charset=utf-8',
    extensions: ['timelinejs.json'],
    disposition: 'inline',
    negotiable: false,
    spec: 'https://timeline.knightlab.com/docs/json-format.html',
  },
  {
    format: 'svg',
    label: 'SVG time axis',
    mediaType: 'image/svg+xml',
    contentType: 'image/svg+xml; charset=utf-8',
    extensions: ['svg'],
    disposition: 'inline',
    negotiable: true,
    spec: 'https://www.w3.org/TR/SVG2/',
    headers: { 'Content-Security-Policy': SVG_CSP },
  },
]

/** Each format's spec. */
const FORMAT_BY_NAME: ReadonlyMap<Format, FormatSpec> = new Map(
  FORMAT_SPECS.map((spec) => [spec.format, spec]),
)

/** Extension (`ics`, `feed.json`) → format. */
export const FORMAT_BY_EXTENSION: ReadonlyMap<string, FormatSpec> = new Map(
  FORMAT_SPECS.flatMap((spec) => spec.extensions.map((ext) => [ext, spec] as const)),
)

/** The media types `Accept` can ask for, each once, in preference order. */
export const NEGOTIABLE_MEDIA_TYPES: readonly string[] = FORMAT_SPECS.filter(
  (spec) => spec.negotiable,
).map((spec) => spec.mediaType)

/**
 * The spec of a format.
 * @example formatSpec('ics').contentType // 'text/calendar; charset=utf-8'
 */
export const formatSpec = (format: Format): FormatSpec => FORMAT_BY_NAME.get(format)!

/**
 * `Content-Disposition` for a timeline's events in a format.
 * @example contentDisposition(formatSpec('ics'), 'wang-yi-moscow-2023')
 * // 'attachment; filename="wang-yi-moscow-2023.ics"'; with lang 'de': "wang-yi-moscow-2023.de.ics"
 */
export const contentDisposition = (spec: FormatSpec, timelineId: string, lang?: string): string =>
  `${spec.disposition}; filename="${timelineId}${lang ? `.${lang}` : ''}.${spec.extensions[0]}"`
