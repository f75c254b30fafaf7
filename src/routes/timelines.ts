/**
 * @module routes/timelines
 * `/v1/timelines`: the list, one whole timeline, its events (filtered, paged, in any format) and
 * single events with their neighbours.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { DATA } from '../data.ts'
import { filterEvents, pageEvents } from '../query/events.ts'
import type { EventPage } from '../query/events.ts'
import { DEFAULT_LIMIT, EventListQuery, NoQuery } from '../query/schema.ts'
import {
  eventDocument,
  eventListEnvelope,
  listedEvent,
  timelineDocument,
  timelineSummary,
} from '../query/present.ts'
import { canonicalSearch, eventsPath } from '../urls.ts'
import { ProblemException } from '../http/problem.ts'
import { validQuery } from '../http/validate.ts'
import { represent, send, sendJson, sendJsonBody } from '../http/send.ts'
import { fragmenter, jsonWithList, type Fragment } from '../http/body.ts'
import { negotiateFormat, varyAccept } from '../http/negotiate.ts'
import { contentDisposition } from '../formats/registry.ts'
import { SERIALIZERS } from '../formats/serializers.ts'
import type { IndexedEvent, IndexedTimeline } from '../model/dataset.ts'

/** A whole event's JSON, serialized, encoded and hashed once per isolate (http/body.ts). */
const eventJson = fragmenter((e: IndexedEvent) => JSON.stringify(listedEvent(e)))

/** The timeline named in the path, or a 404 problem. */
export const findTimeline = (id: string): IndexedTimeline => {
  const timeline = DATA.timelines.get(id)
  if (!timeline) {
    throw new ProblemException({ status: 404, type: 'not-found', detail: `No timeline "${id}"` })
  }
  return timeline
}

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
const sendEvents = (c: Context, query: EventListQuery, extension?: string): Response => {
  const timeline = findTimeline(c.req.param('id')!)
  const spec = negotiateFormat({ format: query.format, extension, accept: c.req.header('Accept') })
  const path = eventsPath(timeline.meta.id, extension)
  const pageUrl = eventPageUrl(path, query)
  const tags = { kind: 'events', timeline: timeline.meta.id }
  let page: EventPage | undefined
  const getPage = () => (page ??= runEventQuery(timeline, query))
  const headers = () => ({
    Link: pageLinkHeader(getPage(), pageUrl),
    'X-Total-Count': String(getPage().total),
    ...spec.headers,
    ...(extension || query.format
      ? { 'Content-Disposition': contentDisposition(spec, timeline.meta.id) }
      : {}),
  })
  if (spec.format === 'json') {
    const { fields } = query
    const item: (e: IndexedEvent) => string | Fragment = fields
      ? (e: IndexedEvent) => JSON.stringify(listedEvent(e, fields))
      : eventJson
    return sendJsonBody(
      c,
      { query, tags },
      () => {
        const page = getPage()
        const envelope = eventListEnvelope(timeline, page, {
          limit: query.limit ?? DEFAULT_LIMIT,
          pageUrl,
        })
        return jsonWithList(envelope, 'items', page.items.map(item))
      },
      headers,
    )
  }
  const origin = new URL(c.req.url).origin
  const format = spec.format
  const rep = represent(c, { format, query, tags }, () => {
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

export const timelines = new Hono()
  .get('/', validQuery(NoQuery), (c) =>
    sendJson(c, { tags: { kind: 'timelines', allTimelines: true } }, () => {
      const items = [...DATA.timelines.values()].map(timelineSummary)
      return { total: items.length, items }
    }),
  )
  .get('/:id', validQuery(NoQuery), (c) => {
    const timeline = findTimeline(c.req.param('id'))
    return sendJson(c, { tags: { kind: 'timeline', timeline: timeline.meta.id } }, () =>
      timelineDocument(timeline),
    )
  })
  .use('/:id/events', varyAccept())
  .get('/:id/events', validQuery(EventListQuery), (c) => sendEvents(c, c.req.valid('query')))
  // `events.ics`, `events.feed.json`…: a plain URL per format, for calendar apps and feed readers.
  .get('/:id/:file{events\\.[^/]+}', validQuery(EventListQuery), (c) =>
    sendEvents(c, c.req.valid('query'), c.req.param('file').slice('events.'.length)),
  )
  .get('/:id/events/:eventId', validQuery(NoQuery), (c) => {
    const timeline = findTimeline(c.req.param('id'))
    const eventId = c.req.param('eventId')
    const indexed = timeline.byId.get(eventId)
    if (!indexed) {
      throw new ProblemException({
        status: 404,
        type: 'not-found',
        detail: `No event "${eventId}" in timeline "${timeline.meta.id}"`,
      })
    }
    const tags = { kind: 'event', timeline: timeline.meta.id }
    return sendJson(c, { tags }, () => eventDocument(timeline, indexed))
  })
