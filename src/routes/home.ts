/**
 * @module routes/home
 * `GET /` and `GET /v1`: where a client starts, with links to every resource.
 */
import { Hono } from 'hono'
import { DATA } from '../data.ts'
import { NoQuery } from '../query/schema.ts'
import { timelineSummary } from '../query/present.ts'
import { validQuery } from '../http/validate.ts'
import { sendJson } from '../http/json.ts'

/** The API's entry document. */
const apiIndex = () => ({
  name: 'Dateline',
  description:
    'Chronological timelines of real diplomatic events, every fact backed by a verbatim quote of its source.',
  version: 'v1',
  dataVersion: DATA.version,
  links: {
    self: '/v1',
    timelines: '/v1/timelines',
    events: '/v1/timelines/{id}/events',
    event: '/v1/timelines/{id}/events/{eventId}',
    actors: '/v1/actors',
    actor: '/v1/actors/{id}',
    places: '/v1/places',
    place: '/v1/places/{id}',
    openapi: '/openapi.json',
    docs: '/docs',
    oembed: '/oembed?url={url}',
    embed: '/embed/{id}',
    widget: '/embed.js',
  },
  timelines: [...DATA.timelines.values()].map(timelineSummary),
})

export const v1Index = new Hono().get('/', validQuery(NoQuery), (c) => sendJson(c, 'v1', apiIndex))
