/**
 * @module routes/home
 * `GET /` and `GET /v1`: where a client starts, with links to every resource. `/` is also the
 * landing page: a client that prefers `text/html` over JSON (a browser) gets HTML, API clients
 * (no Accept, `application/json`, `*\/*`) the JSON index; hence `Vary: Accept`.
 */
import { Hono } from 'hono'
import type { MiddlewareHandler } from 'hono'
import { accepts } from 'hono/accepts'
import { sendLanding } from './landing.tsx'
import { DATA } from '../data.ts'
import { NoQuery } from '../query/schema.ts'
import { timelineSummary } from '../query/present.ts'
import { validQuery } from '../http/validate.ts'
import { sendJson } from '../http/send.ts'
import { API_LINKS } from './registry.ts'

/** The index lists every timeline. */
const INDEX_TAGS = { kind: 'index', allTimelines: true }

/** The API's entry document. */
const apiIndex = () => ({
  name: 'Dateline',
  description:
    'Chronological timelines of real diplomatic events, every fact backed by a verbatim quote of its source.',
  version: 'v1',
  dataVersion: DATA.version,
  links: API_LINKS,
  timelines: [...DATA.timelines.values()].map(timelineSummary),
})

export const v1Index = new Hono().get('/', validQuery(NoQuery), (c) =>
  sendJson(c, { tags: INDEX_TAGS }, apiIndex),
)

/**
 * Whether the client prefers HTML to JSON. Ties (Accept: *\/*) and no Accept at all mean JSON, so
 * every API client keeps getting the index.
 */
const prefersHtml = (c: Parameters<MiddlewareHandler>[0]) =>
  accepts(c, {
    header: 'Accept',
    supports: ['application/json', 'text/html'],
    default: 'application/json',
  }) === 'text/html'

/** Serves the landing page to browsers; everyone else falls through to the JSON index. */
const landingForBrowsers: MiddlewareHandler = async function landingForBrowsers(c, next) {
  if (prefersHtml(c)) return sendLanding(c, { Vary: 'Accept' })
  await next()
  c.res.headers.append('Vary', 'Accept')
}

/** `GET /`: the landing page or the JSON index, by content negotiation. */
export const home = new Hono().get('/', landingForBrowsers, validQuery(NoQuery), (c) =>
  sendJson(c, { tags: INDEX_TAGS }, apiIndex),
)
