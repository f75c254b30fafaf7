/**
 * @module routes/entities
 * `/v1/actors` and `/v1/places`: the shared entities events reference, each with its events
 * across every timeline, compiled at build time (scripts/lib/compile-assets.ts) and read from the
 * data tier, in the language asked for (`lang`, else `Accept-Language`): names, descriptions and
 * the events' titles. One factory, since both resources have the same shape.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { LangQuery } from '../query/schema.ts'
import { noSuch } from '../http/problem.ts'
import { validQuery } from '../http/validate.ts'
import { sendJson } from '../http/send.ts'
import { chooseLanguage, varyAcceptLanguage } from '../http/language.ts'

/** The language of the names: explicit `lang`, else `Accept-Language`, among those on offer. */
const languageOf = (c: Context, lang: string | undefined) =>
  chooseLanguage({
    lang,
    acceptLanguage: c.req.header('Accept-Language'),
    available: c.var.data.manifest.languages,
  }).language

const entityRoutes = (kind: 'actors' | 'places') => {
  const noun = kind === 'actors' ? 'actor' : 'place'
  return new Hono()
    .use('*', varyAcceptLanguage())
    .get('/', validQuery(LangQuery), async (c) => {
      const lang = languageOf(c, c.req.valid('query').lang)
      // Compiled at build time (query/present.ts `entityListDocument`), as is each entity below.
      const { contentLanguage, ...list } = await c.var.data.entities(kind, lang)
      return sendJson(
        c,
        { lang: contentLanguage, tags: { kind, allTimelines: true } },
        () => list,
        () => ({ 'Content-Language': contentLanguage }),
      )
    })
    .get('/:id', validQuery(LangQuery), async (c) => {
      const id = c.req.param('id')
      if (!c.var.data.hasEntity(kind, id)) {
        throw noSuch(`${noun} "${id}"`)
      }
      const lang = languageOf(c, c.req.valid('query').lang)
      // An entity lists its events across every timeline, their titles in the same language.
      const tags = { kind: noun, allTimelines: true }
      const { contentLanguage, ...entity } = await c.var.data.entity(kind, id, lang)
      return sendJson(
        c,
        { lang: contentLanguage, tags },
        () => entity,
        () => ({ 'Content-Language': contentLanguage }),
      )
    })
}

export const actors = entityRoutes('actors')
export const places = entityRoutes('places')
