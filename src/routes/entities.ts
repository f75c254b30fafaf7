/**
 * @module routes/entities
 * `/v1/actors` and `/v1/places`: the shared entities events reference, each with its events
 * across every timeline, compiled at build time (scripts/lib/compile-assets.ts) and read from the
 * data tier. One factory, since both resources have the same shape.
 */
import { Hono } from 'hono'
import { NoQuery } from '../query/schema.ts'
import { ProblemException } from '../http/problem.ts'
import { validQuery } from '../http/validate.ts'
import { sendJson } from '../http/send.ts'

const entityRoutes = (kind: 'actors' | 'places') => {
  const noun = kind === 'actors' ? 'actor' : 'place'
  return new Hono()
    .get('/', validQuery(NoQuery), async (c) => {
      // Compiled at build time (query/present.ts `entityListDocument`), as is each entity below.
      const list = await c.var.data.entities(kind)
      return sendJson(c, { tags: { kind, allTimelines: true } }, () => list)
    })
    .get('/:id', validQuery(NoQuery), async (c) => {
      const id = c.req.param('id')
      if (!c.var.data.hasEntity(kind, id)) {
        throw new ProblemException({ status: 404, type: 'not-found', detail: `No ${noun} "${id}"` })
      }
      // An entity lists its events across every timeline.
      const tags = { kind: noun, allTimelines: true }
      const entity = await c.var.data.entity(kind, id)
      return sendJson(c, { tags }, () => entity)
    })
}

export const actors = entityRoutes('actors')
export const places = entityRoutes('places')
