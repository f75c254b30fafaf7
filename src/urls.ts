/**
 * @module urls
 * Every path Dateline links to, built in one place: the API's resources, the format files, the
 * social cards, the embed page (with its canonical options), oEmbed, the widget script, the docs and OpenAPI.
 * Paths are root-relative; callers that need absolute URLs (formats, oEmbed, embed codes) put the
 * origin in front. Dependency-free apart from embed/options.ts, so the browser bundles use it too.
 * Ids are percent-encoded as path segments: a no-op for valid ids, and no surprise for any other.
 */
import { embedSearch, type EmbedOptionValues } from './embed/options.ts'

export const HOME_PATH = '/'
/** The API's entry document. */
export const API_INDEX_PATH = '/v1'
export const TIMELINES_PATH = '/v1/timelines'
export const OPENAPI_PATH = '/openapi.json'
/** The widget script that turns placeholders into auto-sized iframes. */
export const WIDGET_PATH = '/embed.js'
/** Every embed page's path starts so; the widget recognises its iframes by it. */
export const EMBED_PREFIX = '/embed/'

const segment = encodeURIComponent

/**
 * A path with an explicit content language, so caches see languages as different URLs.
 * @example withLang('/v1/timelines/x', 'de') // '/v1/timelines/x?lang=de'
 */
export const withLang = (path: string, lang?: string): string =>
  lang ? `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}` : path

/**
 * One timeline: its metadata, sources and events.
 * @example timelinePath('wang-yi-moscow-2023') // '/v1/timelines/wang-yi-moscow-2023'
 */
export const timelinePath = (timelineId: string): string =>
  `${TIMELINES_PATH}/${segment(timelineId)}`

/**
 * A timeline's social card: the PNG that link previews show (`og:image`).
 * @example cardPath('wang-yi-moscow-2023') // '/v1/timelines/wang-yi-moscow-2023/card.png'
 */
export const cardPath = (timelineId: string): string => `${timelinePath(timelineId)}/card.png`

/**
 * A timeline's event list, or with `extension` the file of one format (`events.ics`, …).
 * @example eventsPath('wang-yi-moscow-2023', 'ics') // '/v1/timelines/wang-yi-moscow-2023/events.ics'
 */
export const eventsPath = (timelineId: string, extension?: string): string =>
  `${timelinePath(timelineId)}/events${extension ? `.${extension}` : ''}`

/**
 * One event, with its neighbours and related events.
 * @example eventPath('wang-yi-moscow-2023', 'wang-yi-meets-putin')
 * // '/v1/timelines/wang-yi-moscow-2023/events/wang-yi-meets-putin'
 */
export const eventPath = (timelineId: string, eventId: string): string =>
  `${eventsPath(timelineId)}/${segment(eventId)}`

/**
 * An actor or a place with the events that reference it.
 * @example entityPath('actors', 'wang-yi') // '/v1/actors/wang-yi'
 */
export const entityPath = (kind: 'actors' | 'places', id: string): string =>
  `/v1/${kind}/${segment(id)}`

/**
 * The canonical embed page for a timeline and options (see embed/options.ts: sorted, defaults
 * dropped), so one set of options is one URL and one cached body.
 * @example embedPath('wang-yi-moscow-2023', { lang: 'de' }) // '/embed/wang-yi-moscow-2023?lang=de'
 */
export const embedPath = (timelineId: string, options: EmbedOptionValues = {}): string => {
  const search = embedSearch(options)
  return `${EMBED_PREFIX}${segment(timelineId)}${search ? `?${search}` : ''}`
}

/**
 * The page listing the sources and notes of the embed's events, for the same options.
 * @example embedSourcesPath('wang-yi-moscow-2023', { lang: 'de' }) // '/embed/wang-yi-moscow-2023/sources?lang=de'
 */
export const embedSourcesPath = (timelineId: string, options: EmbedOptionValues = {}): string => {
  const search = embedSearch(options)
  return `${EMBED_PREFIX}${segment(timelineId)}/sources${search ? `?${search}` : ''}`
}

/**
 * The fragment of an event's section on the sources page.
 * @example sourcesFragment('wang-yi-meets-putin') // '#sources-wang-yi-meets-putin'
 */
export const sourcesFragment = (eventId: string): string => `#sources-${segment(eventId)}`

/**
 * The fragment of an event on the embed page (its article's id).
 * @example eventFragment('wang-yi-meets-putin') // '#event-wang-yi-meets-putin'
 */
export const eventFragment = (eventId: string): string => `#event-${segment(eventId)}`

/**
 * The event on the embed page of its timeline: what people should open.
 * @example eventPermalinkPath('wang-yi-moscow-2023', 'wang-yi-meets-putin')
 * // '/embed/wang-yi-moscow-2023#event-wang-yi-meets-putin'
 */
export const eventPermalinkPath = (timelineId: string, eventId: string): string =>
  `${embedPath(timelineId)}${eventFragment(eventId)}`

/**
 * The oEmbed answer for a (absolute) Dateline URL.
 * @example oembedPath('https://d.example/embed/x', 'json') // '/oembed?url=https%3A%2F%2Fd.example%2Fembed%2Fx&format=json'
 */
export const oembedPath = (url: string, format?: 'json'): string =>
  `/oembed?url=${encodeURIComponent(url)}${format ? `&format=${format}` : ''}`

/**
 * The API documentation, optionally at an anchor.
 * @example docsPath('op-listEvents') // '/docs#op-listEvents'
 */
export const docsPath = (anchor?: string): string => `/docs${anchor ? `#${anchor}` : ''}`

/** Characters `encodeURIComponent` leaves alone but form encoding escapes, and the space. */
const FORM_EXTRA = /[!'()~]|%20/g
/** Values made only of what form encoding leaves alone (most ids, words and numbers). */
const FORM_SAFE = /^[A-Za-z0-9*._-]*$/

/**
 * `value` as `URLSearchParams` serializes it (application/x-www-form-urlencoded), without
 * building one: a page's links are made on every never-seen query.
 * @example formEncode('a b&c') // 'a+b%26c'
 */
export const formEncode = (value: string): string =>
  FORM_SAFE.test(value)
    ? value
    : encodeURIComponent(value).replace(FORM_EXTRA, (c) =>
        c === '%20' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      )

/**
 * A canonical, encoded query string for links: keys sorted, lists joined, absent values dropped;
 * what `new URLSearchParams(pairs).toString()` gives.
 * @example canonicalSearch({ sort: 'asc', kind: ['visit', 'call'] }) // 'kind=visit%2Ccall&sort=asc'
 */
export const canonicalSearch = (query: Record<string, unknown>): string =>
  Object.keys(query)
    .filter((k) => query[k] !== undefined)
    .sort()
    .map((k) => {
      const value = query[k]
      return `${formEncode(k)}=${formEncode(Array.isArray(value) ? value.join(',') : String(value))}`
    })
    .join('&')
