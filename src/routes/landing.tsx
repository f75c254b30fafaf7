/**
 * @module routes/landing
 * Builds and sends the landing page for a request: reads the generator options from the query
 * (leniently: unknown parameters are ignored, as on the embed page), checks them with the API's
 * own filter schemas, and sends the page with its CSP (framing forbidden, frames only itself).
 */
import type { Context } from 'hono'
import * as z from 'zod/mini'
import { DATA } from '../data.ts'
import { EVENT_KINDS } from '../model/vocabulary.ts'
import { eventFilterShape } from '../query/schema.ts'
import { FORMAT_SPECS } from '../formats/registry.ts'
import { LANDING_JS } from '../generated/landing-assets.ts'
import { renderPage } from '../views/docs/layout.tsx'
import { sendPage } from '../http/html.ts'
import { PAGE_CSS } from '../views/docs/styles.ts'
import { LandingPage } from '../views/landing/landing-page.tsx'
import { THEME_CHOICES, type Choice } from '../views/landing/generator.tsx'
import type { EmbedOptions } from '../views/landing/snippets.ts'

/** The timeline the page shows live and the generator starts from. */
export const FEATURED_TIMELINE = 'wang-yi-moscow-2023'

/** Generator options as the form submits them: single values of the embed page's options. */
const LandingOptions = z.object({
  from: eventFilterShape.from,
  to: eventFilterShape.to,
  actor: eventFilterShape.actor,
  kind: eventFilterShape.kind,
  tag: eventFilterShape.tag,
  q: eventFilterShape.q,
})

const BLANK: EmbedOptions = {
  timeline: FEATURED_TIMELINE,
  theme: 'auto',
  lang: '',
  from: '',
  to: '',
  actor: '',
  kind: '',
  tag: '',
  q: '',
}
const NAMES = Object.keys(BLANK) as (keyof EmbedOptions)[]

/** The submitted options, or the defaults and why they were refused. */
export const readOptions = (
  query: Record<string, string>,
): { options: EmbedOptions; error?: string } => {
  const options: EmbedOptions = { ...BLANK }
  for (const name of NAMES) {
    const value = query[name]?.trim()
    if (value) options[name] = value
  }
  if (!DATA.timelines.has(options.timeline)) return { options: BLANK, error: 'no such timeline' }
  if (!THEME_CHOICES.some((t) => t.value === options.theme)) {
    return { options: BLANK, error: '"theme" accepts auto, light or dark' }
  }
  if (options.lang && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(options.lang)) {
    return { options: BLANK, error: '"lang" accepts a language tag like "de"' }
  }
  const filters = Object.fromEntries(
    (['from', 'to', 'actor', 'kind', 'tag', 'q'] as const)
      .filter((name) => options[name])
      .map((name) => [name, options[name]]),
  )
  const parsed = LandingOptions.safeParse(filters)
  if (!parsed.success) return { options: BLANK, error: parsed.error.issues[0]!.message }
  return { options }
}

const choices = (entries: Iterable<[string, string]>): Choice[] =>
  [...entries]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label))

/** Select options from the data, computed once per isolate. */
let lists: { timelines: Choice[]; actors: Choice[]; kinds: Choice[]; tags: Choice[] } | undefined
const getLists = () =>
  (lists ??= {
    timelines: choices([...DATA.timelines.values()].map((t) => [t.meta.id, t.meta.title])),
    actors: choices(
      [...DATA.actors.values()]
        .filter((a) => DATA.eventsByActor.has(a.id))
        .map((a) => [a.id, a.name]),
    ),
    kinds: EVENT_KINDS.filter((k) =>
      [...DATA.timelines.values()].some((t) => t.index.kind.has(k)),
    ).map((k) => ({ value: k, label: k })),
    tags: choices(
      [...new Set([...DATA.timelines.values()].flatMap((t) => [...t.index.tag.keys()]))].map(
        (t) => [t, t],
      ),
    ),
  })

/**
 * Sends the landing page for this request.
 * @example if (wantsHtml(c)) return sendLanding(c)
 */
export const sendLanding = (c: Context, headers: Record<string, string> = {}) => {
  const origin = new URL(c.req.url).origin
  const { options, error } = readOptions(c.req.query())
  const featured = DATA.timelines.get(FEATURED_TIMELINE) ?? [...DATA.timelines.values()][0]!
  return sendPage(
    c,
    { query: { ...options, error } },
    () =>
      renderPage(
        <LandingPage
          origin={origin}
          options={options}
          error={error}
          {...getLists()}
          featured={{
            id: featured.meta.id,
            title: featured.meta.title,
            description: featured.meta.description,
            eventCount: featured.events.length,
          }}
          formats={FORMAT_SPECS.map((f) => ({
            label: f.label,
            href: `/v1/timelines/${featured.meta.id}/events.${f.extensions[0]}`,
          }))}
          script={LANDING_JS}
        />,
      ),
    { styles: [PAGE_CSS], scripts: [LANDING_JS], frameSrc: "'self'", headers },
  )
}
