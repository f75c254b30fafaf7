/**
 * @module routes/timelines
 * `/v1/timelines`: the list, one whole timeline, its social card (a PNG made at build time), its
 * events (filtered, paged, in any format) and single events with their neighbours.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { chooseLanguage, varyAcceptLanguage } from '../http/language.ts'
import { filterEvents, pageEvents } from '../query/events.ts'
import type { EventPage } from '../query/events.ts'
import { DEFAULT_LIMIT, EventListQuery, LangQuery, NoQuery } from '../query/schema.ts'
import {
  contentLanguage,
  eventDocument,
  eventListEnvelope,
  linkLang,
  listedEvent,
  timelineDocument,
} from '../query/present.ts'
import { canonicalSearch, eventsPath } from '../urls.ts'
import { noSuch, ProblemException } from '../http/problem.ts'
import { validQuery } from '../http/validate.ts'
import { BUILD_ASSET_CACHE_CONTROL, represent, send, sendJson, sendJsonBody } from '../http/send.ts'
import { fragmenter, jsonWithList, type Fragment } from '../http/body.ts'
import { negotiateFormat, varyAccept } from '../http/negotiate.ts'
import { contentDisposition } from '../formats/registry.ts'
import { SERIALIZERS } from '../formats/serializers.ts'
import type { IndexedEvent, IndexedTimeline } from '../model/dataset.ts'
import type { LoadedTimeline } from '../data/store.ts'

/** A whole event's JSON, serialized, encoded and hashed once per isolate (http/body.ts). */
const eventJson = fragmenter((e: IndexedEvent) => JSON.stringify(listedEvent(e)))

/**
 * The timeline named in the path with its tag labels, in the request's language (explicit
 * `lang`, else `Accept-Language`, else its own), loaded from the data tier; a 404 problem for an
 * id the manifest does not list, a 503 if its file cannot be read (data/store.ts).
 */
export const loadTimeline = async (
  c: Context,
  id: string,
  lang?: string,
): Promise<LoadedTimeline> => {
  const data = c.var.data
  if (!data.hasTimeline(id)) {
    throw noSuch(`timeline "${id}"`)
  }
  const { language } = chooseLanguage({
    lang,
    acceptLanguage: c.req.header('Accept-Language'),
    available: data.languagesOf(id),
  })
  return data.timeline(id, language)
}

/** The timeline named in the path, as {@link loadTimeline} finds it. */
export const findTimeline = async (
  c: Context,
  id: string,
  lang?: string,
): Promise<IndexedTimeline> => (await loadTimeline(c, id, lang)).timeline

/** What a response in a timeline's language carries with its body. */
const languageHeaders = (timeline: IndexedTimeline) => ({
  'Content-Language': contentLanguage(timeline),
})

/** Runs an event query; a cursor this API did not issue is a 400, not a 500. */
export const runEventQuery = (timeline: IndexedTimeline, query: EventListQuery): EventPage => {
  try {
    return pageEvents(filterEvents(timeline, query), query)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new ProblemException({
      status: 400,
      type: 'invalid-parameter',
      detail: '"cursor" is not a cursor from a previous page of this query',
      extensions: { parameter: 'cursor' },
    })
  }
}

/**
 * URL of one page of an event query: the same parameters with another cursor. Each URL is built
 * once per request (a page's links and its `Link` header name the same three).
 */
export const eventPageUrl = (path: string, query: EventListQuery) => {
  const urls = new Map<string | undefined, string>()
  return (cursor?: string): string => {
    let url = urls.get(cursor)
    if (url === undefined) {
      const search = canonicalSearch({ ...query, cursor })
      url = search ? `${path}?${search}` : path
      urls.set(cursor, url)
    }
    return url
  }
}

/** RFC 8288 `Link` header for a page's neighbours. */
export const pageLinkHeader = (page: EventPage, pageUrl: (cursor?: string) => string) =>
  [
    `<${pageUrl(undefined)}>; rel="first"`,
    page.next ? `<${pageUrl(page.next)}>; rel="next"` : undefined,
    page.prev ? `<${pageUrl(page.prev)}>; rel="prev"` : undefined,
  ]
    .filter(Boolean)
    .join(', ')

/**
 * Answers an event query in the negotiated format, cached per format and validated query (the
 * cache adds origin and path: formats with absolute URLs differ by host).
 */
const sendEvents = async (
  c: Context,
  query: EventListQuery,
  extension?: string,
): Promise<Response> => {
  const timeline = await findTimeline(c, c.req.param('id')!, query.lang)
  const spec = negotiateFormat({ format: query.format, extension, accept: c.req.header('Accept') })
  const path = eventsPath(timeline.meta.id, extension)
  const lang = linkLang(timeline)
  // Links name the language chosen; the key holds it once, however it was asked for.
  const pageUrl = eventPageUrl(path, { ...query, lang })
  const tags = { kind: 'events', timeline: timeline.meta.id }
  const variant = { lang: contentLanguage(timeline), query: { ...query, lang: undefined }, tags }
  let page: EventPage | undefined
  const getPage = () => (page ??= runEventQuery(timeline, query))
  const headers = () => ({
    Link: pageLinkHeader(getPage(), pageUrl),
    'X-Total-Count': String(getPage().total),
    ...spec.headers,
    ...languageHeaders(timeline),
    ...(extension || query.format
      ? { 'Content-Disposition': contentDisposition(spec, timeline.meta.id, lang) }
      : {}),
  })
  if (spec.format === 'json') {
    const { fields } = query
    const item: (e: IndexedEvent) => string | Fragment = fields
      ? (e: IndexedEvent) => JSON.stringify(listedEvent(e, fields))
      : eventJson
    return sendJsonBody(
      c,
      variant,
      () => {
        const page = getPage()
        const envelope = eventListEnvelope(timeline, page, {
          limit: query.limit ?? DEFAULT_LIMIT,
          cursor: query.cursor,
          pageUrl,
        })
        return jsonWithList(envelope, 'items', page.items.map(item))
      },
      headers,
    )
  }
  const origin = new URL(c.req.url).origin
  const format = spec.format
  const rep = represent(c, { ...variant, format }, () => {
    const { items, total, next, prev } = getPage()
    const absolute = (cursor?: string) => `${origin}${pageUrl(cursor)}`
    return {
      body: SERIALIZERS[format]({
        timeline: timeline.meta,
        events: items.map((e) => e.event),
        origin,
        total,
        sort: query.sort,
        links: {
          self: absolute(query.cursor),
          first: absolute(undefined),
          ...(next ? { next: absolute(next) } : {}),
          ...(prev ? { prev: absolute(prev) } : {}),
        },
      }),
      contentType: spec.contentType,
      headers: headers(),
    }
  })
  return send(c, rep)
}

/**
 * Sends a timeline's social card: the PNG scripts/build-cards.ts rendered into the assets, read
 * on a miss of the response cache (which keeps the bytes; the data tier does not).
 */
const sendCard = async (c: Context): Promise<Response> => {
  const id = c.req.param('id')!
  if (!c.var.data.hasTimeline(id)) {
    throw noSuch(`timeline "${id}"`)
  }
  // The card is drawn once, in the timeline's own language, whatever the reader's.
  const variant = { format: 'png', tags: { kind: 'card', timeline: id } }
  // Read before `represent`, whose builder is synchronous: one asset read whenever the request
  // reaches the app, which a URL and headers the front cache has kept (from their second
  // request on) do not.
  const png = await c.var.data.card(id)
  const rep = represent(c, variant, () => ({ body: png, contentType: 'image/png' }))
  return send(c, rep, BUILD_ASSET_CACHE_CONTROL)
}

export const timelines = new Hono()
  // Every resource here follows the reader's language but the card, drawn once in the
  // timeline's own: it alone sends no `Vary: Accept-Language`.
  .use('/', varyAcceptLanguage())
  .use('/:id', varyAcceptLanguage())
  .use('/:id/events/*', varyAcceptLanguage())
  .use('/:id/:file{events\\.[^/]+}', varyAcceptLanguage())
  .get('/', validQuery(LangQuery), async (c) => {
    const { language } = chooseLanguage({
      lang: c.req.valid('query').lang,
      acceptLanguage: c.req.header('Accept-Language'),
      available: c.var.data.manifest.languages,
    })
    // The list of this language, compiled at build time: no timeline is loaded to list them.
    const { items, contentLanguage: languages } = await c.var.data.catalog(language)
    return sendJson(
      c,
      { lang: language, tags: { kind: 'timelines', allTimelines: true } },
      () => ({ total: items.length, items }),
      (): Record<string, string> => (languages ? { 'Content-Language': languages } : {}),
    )
  })
  .get('/:id', validQuery(LangQuery), async (c) => {
    const { timeline, tags } = await loadTimeline(c, c.req.param('id'), c.req.valid('query').lang)
    return sendJson(
      c,
      { lang: contentLanguage(timeline), tags: { kind: 'timeline', timeline: timeline.meta.id } },
      () => timelineDocument(timeline, tags),
      () => languageHeaders(timeline),
    )
  })
  .get('/:id/card.png', validQuery(NoQuery), sendCard)
  .use('/:id/events', varyAccept())
  .get('/:id/events', validQuery(EventListQuery), (c) => sendEvents(c, c.req.valid('query')))
  // `events.ics`, `events.feed.json`…: a plain URL per format, for calendar apps and feed readers.
  .get('/:id/:file{events\\.[^/]+}', validQuery(EventListQuery), (c) =>
    sendEvents(c, c.req.valid('query'), c.req.param('file').slice('events.'.length)),
  )
  .get('/:id/events/:eventId', validQuery(LangQuery), async (c) => {
    const timeline = await findTimeline(c, c.req.param('id'), c.req.valid('query').lang)
    const eventId = c.req.param('eventId')
    const indexed = timeline.byId.get(eventId)
    if (!indexed) {
      throw noSuch(`event "${eventId}" in timeline "${timeline.meta.id}"`)
    }
    const tags = { kind: 'event', timeline: timeline.meta.id }
    return sendJson(
      c,
      { lang: contentLanguage(timeline), tags },
      () => eventDocument(timeline, indexed),
      () => languageHeaders(timeline),
    )
  })
