/**
 * @module routes/entities
 * `/v1/actors` and `/v1/places`: the shared entities events reference, each with its events
 * across every timeline. One factory, since both resources have the same shape.
 */
import { Hono } from 'hono'
import { DATA } from '../data.ts'
import { entityDocument, entityListDocument } from '../query/present.ts'
import { NoQuery } from '../query/schema.ts'
import { ProblemException } from '../http/problem.ts'
import { validQuery } from '../http/validate.ts'
import { sendJson } from '../http/send.ts'

const entityRoutes = (kind: 'actors' | 'places') => {
  const entities = kind === 'actors' ? DATA.actors : DATA.places
  const events = kind === 'actors' ? DATA.eventsByActor : DATA.eventsByPlace
  const noun = kind === 'actors' ? 'actor' : 'place'
  return new Hono()
    .get('/', validQuery(NoQuery), (c) =>
      sendJson(c, { tags: { kind, allTimelines: true } }, () => entityListDocument(DATA, kind)),
    )
    .get('/:id', validQuery(NoQuery), (c) => {
      const id = c.req.param('id')
      const entity = entities.get(id)
      if (!entity) {
        throw new ProblemException({ status: 404, type: 'not-found', detail: `No ${noun} "${id}"` })
      }
      // An entity lists its events across every timeline.
      const tags = { kind: noun, allTimelines: true }
      return sendJson(c, { tags }, () => entityDocument(entity, kind, events.get(id) ?? []))
    })
}

export const actors = entityRoutes('actors')
export const places = entityRoutes('places')
