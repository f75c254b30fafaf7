/**
 * @module embed/schema
 * The options of the embed page (`/embed/{id}?…`) and of oEmbed (`/oembed?url=…`), as zod/mini
 * schemas built on embed/options.ts (names, themes, default). The embed reuses the API's filters
 * (`eventFilterShape`) and `limit`, so a filter means the same thing everywhere.
 *
 * Two kinds of embed option, two error policies:
 * - presentation (`theme`, `lang`, `focus`, `lanes`): a bad value falls back to the default, because a
 *   reader is better served by a timeline in the default look than by an error box;
 * - selection (filters, `sort`, `limit`): a bad value is a 400 page naming the option, because
 *   silently showing other events than the site owner asked for would mislead readers.
 * Unknown parameters are ignored: host pages and CMSs add their own (`utm_…`, `fbclid`).
 */
import * as z from 'zod/mini'
import { canonicalLocale, ID_PATTERN } from '../model/vocabulary.ts'
import { eventFilterShape, limitNumber } from '../query/schema.ts'
import { DEFAULT_THEME, THEMES, type EmbedOption } from './options.ts'
import { LANE_MODES } from '../timeline-svg/lanes.ts'

/** `GET /embed/{id}` query. */
export const EmbedQuery = z.object({
  ...eventFilterShape,
  limit: z.optional(limitNumber),
  theme: z.catch(z.enum(THEMES), DEFAULT_THEME),
  /** Canonical tag, or undefined (then the timeline's own language). */
  lang: z.catch(
    z.pipe(
      z.string(),
      z.transform((tag: string) => canonicalLocale(tag)),
    ),
    undefined,
  ),
  /** How the time axis groups events; undefined (and anything unknown) is the default. */
  lanes: z.catch(
    z.optional(
      z
        .enum(LANE_MODES)
        .check(
          z.describe(
            'Lanes of the time axis: country (of the main actor; the default), kind or none; ' +
              'an unknown value falls back to the default',
          ),
        ),
    ),
    undefined,
  ),
  /** An event id to scroll to and highlight; anything else is dropped. */
  focus: z.catch(z.optional(z.string().check(z.maxLength(80), z.regex(ID_PATTERN))), undefined),
  // `satisfies`: the compiler holds the schema to exactly the options embed/options.ts lists.
} satisfies Record<EmbedOption, z.ZodMiniType>)
export type EmbedQuery = z.output<typeof EmbedQuery>

/** Largest iframe size a consumer may ask for. */
const MAX_OEMBED_SIZE = 10_000
const sizeError = (name: string) => `"${name}" accepts a whole number from 1 to ${MAX_OEMBED_SIZE}`
const size = (name: string) =>
  z.optional(
    z
      .pipe(
        z
          .string({ error: `"${name}" must be given once` })
          .check(z.regex(/^\d{1,5}$/, { error: sizeError(name) })),
        z.transform(Number),
      )
      .check(z.refine((n: number) => n >= 1 && n <= MAX_OEMBED_SIZE, { error: sizeError(name) })),
  )

/** `GET /oembed` query (oEmbed 1.0 §2.2). `format` is checked by the route: xml is a 501. */
export const OEmbedQuery = z.object({
  url: z
    .string({ error: '"url" is required, once: the URL of a Dateline timeline or embed' })
    .check(z.minLength(1, { error: '"url" is required: the URL of a Dateline timeline or embed' })),
  maxwidth: size('maxwidth'),
  maxheight: size('maxheight'),
  format: z.optional(z.string({ error: '"format" must be given once' })),
})
export type OEmbedQuery = z.output<typeof OEmbedQuery>

/**
 * Hono's `c.req.queries()` in the shape the schemas take: one value as a string, repeats as an
 * array (what `validQuery` passes too).
 * @example queryInput({ kind: ['visit'], tag: ['a', 'b'] }) // { kind: 'visit', tag: ['a', 'b'] }
 */
export const queryInput = (queries: Record<string, string[]>): Record<string, string | string[]> =>
  Object.fromEntries(
    Object.entries(queries).map(([k, v]) => [k, v.length === 1 ? v[0]! : v] as const),
  )
