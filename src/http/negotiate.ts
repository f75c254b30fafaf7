/**
 * @module http/negotiate
 * Picks the representation of an event query: `?format=` or a file extension on the path if the
 * client named one (a calendar app subscribes to a plain `.ics` URL), else proactive negotiation on
 * `Accept` (RFC 9110 §12.5.1) over the formats of `formats/registry.ts`.
 *
 * Rules: `?format` and the extension are explicit and beat `Accept`; when both are given they must
 * agree (a 400 otherwise); no `Accept`, or `*` / `*\/*`, means JSON; an `Accept` no format
 * satisfies is a 406 problem listing the media types on offer. Header parsing is Hono's
 * (`hono/utils/accept`); the matching is here because Hono's `accepts()` cannot tell "nothing
 * acceptable" from "no preference".
 */
import type { MiddlewareHandler } from 'hono'
import { parseAccept } from 'hono/utils/accept'
import type { Format } from '../query/schema.ts'
import {
  FORMAT_BY_EXTENSION,
  FORMAT_SPECS,
  formatSpec,
  NEGOTIABLE_MEDIA_TYPES,
} from '../formats/registry.ts'
import type { FormatSpec } from '../formats/registry.ts'
import { ProblemException } from './problem.ts'

interface NegotiateOptions {
  /** The validated `?format=` value. */
  format?: Format
  /** What follows `events.` in the path (`ics`, `feed.json`), if the path had one. */
  extension?: string
  /** The request's `Accept` header. */
  accept?: string
}

/** How specifically a media range matches a type: 0 not at all, 3 exactly. */
const specificity = (range: string, type: string): number => {
  if (range === type) return 3
  if (range === '*/*' || range === '*') return 1
  if (range.endsWith('/*') && type.startsWith(range.slice(0, -1))) return 2
  return 0
}

/**
 * The media type `Accept` prefers among `offered` (in server preference order), `undefined` when
 * none is acceptable. Each offer gets the q of its most specific matching range, so
 * `application/json;q=0, *\/*` excludes JSON; ties go to the earlier offer.
 * @example preferredMediaType('text/*;q=0.5, text/csv', ['application/json', 'text/csv']) // 'text/csv'
 */
const preferredMediaType = (
  accept: string | undefined,
  offered: readonly string[],
): string | undefined => {
  if (!accept?.trim()) return offered[0]
  const ranges = parseAccept(accept).map((r) => ({ type: r.type.toLowerCase(), q: r.q }))
  let best: string | undefined
  let bestQ = 0
  for (const type of offered) {
    let matched = 0
    let q = 0
    for (const range of ranges) {
      const s = specificity(range.type, type)
      if (s > matched || (s === matched && s > 0 && range.q > q)) {
        matched = s
        q = range.q
      }
    }
    if (q > bestQ) {
      best = type
      bestQ = q
    }
  }
  return best
}

/**
 * The format to answer in.
 * @throws {ProblemException} 404 for an unknown extension, 400 when `?format` and the extension
 * disagree, 406 when `Accept` allows no format.
 * @example negotiateFormat({ accept: 'text/calendar' }).format // 'ics'
 */
export const negotiateFormat = ({ format, extension, accept }: NegotiateOptions): FormatSpec => {
  if (extension !== undefined) {
    const spec = FORMAT_BY_EXTENSION.get(extension.toLowerCase())
    if (!spec) {
      throw new ProblemException({
        status: 404,
        type: 'not-found',
        // The extension is not echoed: it is raw path input.
        detail: `No format has this extension; try ${FORMAT_SPECS.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(', ')}`,
      })
    }
    if (format && format !== spec.format) {
      throw new ProblemException({
        status: 400,
        type: 'invalid-parameter',
        detail: `"format=${format}" contradicts the ".${extension}" extension; give one or make them agree`,
        extensions: { parameter: 'format' },
      })
    }
    return spec
  }
  if (format) return formatSpec(format)
  const mediaType = preferredMediaType(accept, NEGOTIABLE_MEDIA_TYPES)
  if (!mediaType) {
    throw new ProblemException({
      status: 406,
      type: 'not-acceptable',
      detail: `None of the media types in Accept can be served here; available: ${NEGOTIABLE_MEDIA_TYPES.join(', ')} (or use ?format=)`,
      extensions: { available: NEGOTIABLE_MEDIA_TYPES },
      headers: { Vary: 'Accept' },
    })
  }
  return FORMAT_SPECS.find((spec) => spec.negotiable && spec.mediaType === mediaType)!
}

/**
 * Adds `Accept` to `Vary` on every response of a URL whose format is negotiated (200, 304 and
 * problems alike), so caches never hand a calendar to a client that asked for JSON. A URL with
 * `?format=` (or, on a route that does not use this, an extension) names its format: its answer
 * does not depend on `Accept`, and an edge cache keeps one copy of it, not one per `Accept`.
 * `Vary` is thus a function of the URL, the same on every response to it (RFC 9110 §12.5.5).
 * @example timelines.use('/:id/events', varyAccept())
 */
export const varyAccept = (): MiddlewareHandler =>
  async function varyAccept(c, next) {
    await next()
    if (c.req.query('format') !== undefined) return
    const vary = c.res.headers.get('Vary')
    if (!vary) c.res.headers.set('Vary', 'Accept')
    else if (!/(^|,)\s*(accept|\*)\s*(,|$)/i.test(vary))
      c.res.headers.set('Vary', `${vary}, Accept`)
  }
