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
import { NoQuery } from '../query/schema.ts'
import { validQuery } from '../http/validate.ts'
import { sendJson } from '../http/send.ts'
import { API_LINKS } from './registry.ts'
import type { DataStore } from '../data/store.ts'

/** The index lists every timeline. */
const INDEX_TAGS = { kind: 'index', allTimelines: true }

/** The API's entry document, builder of: the timelines as the catalog of originals lists them. */
const apiIndex = async (data: DataStore) => {
  const { items } = await data.catalog()
  return () => ({
    name: 'Dateline',
    description:
      'Chronological timelines of real diplomatic events, every fact backed by a verbatim quote of its source.',
    version: 'v1',
    dataVersion: data.manifest.version,
    links: API_LINKS,
    timelines: items,
  })
}

export const v1Index = new Hono().get('/', validQuery(NoQuery), async (c) =>
  sendJson(c, { tags: INDEX_TAGS }, await apiIndex(c.var.data)),
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
export const home = new Hono().get('/', landingForBrowsers, validQuery(NoQuery), async (c) =>
  sendJson(c, { tags: INDEX_TAGS }, await apiIndex(c.var.data)),
)
