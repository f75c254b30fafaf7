/**
 * @module routes/landing
 * Builds and sends the landing page for a request: reads the generator options from the query
 * (leniently: unknown parameters are ignored, as on the embed page), checks them with the embed
 * page's own schema, and sends the page with its CSP (framing forbidden, frames only itself).
 */
import type { Context } from 'hono'
import { DATA } from '../data.ts'
import { canonicalLocale, EVENT_KINDS } from '../model/vocabulary.ts'
import {
  DEFAULT_THEME,
  EMBED_SELECTION_OPTIONS,
  GENERATOR_OPTIONS,
  THEMES,
  type GeneratorOption,
} from '../embed/options.ts'
import { EmbedQuery } from '../embed/schema.ts'
import { embedView } from '../views/embed/model.ts'
import { FORMAT_SPECS } from '../formats/registry.ts'
import {
  LANDING_JS,
  LANDING_JS_HASH,
  LANDING_PRINT_CSS,
  LANDING_PRINT_CSS_HASH,
  PAGE_CSS_HASH,
} from '../generated/client-assets.ts'
import { renderPage } from '../views/render.ts'
import { sendPage } from '../http/html.ts'
import { LandingPage } from '../views/landing/landing-page.tsx'
import type { Choice } from '../views/landing/generator.tsx'
import type { EmbedOptions } from '../views/landing/snippets.ts'
import { eventsPath } from '../urls.ts'

/** The timeline the page shows live and the generator starts from. */
export const FEATURED_TIMELINE = 'wang-yi-moscow-2023'

const BLANK: EmbedOptions = {
  timeline: FEATURED_TIMELINE,
  ...(Object.fromEntries(GENERATOR_OPTIONS.map((name) => [name, ''])) as Record<
    GeneratorOption,
    string
  >),
  theme: DEFAULT_THEME,
}
const NAMES = ['timeline', ...GENERATOR_OPTIONS] as const
/** The generator's options that select events, checked as the embed page checks them. */
const FILTERS = GENERATOR_OPTIONS.filter((name) =>
  (EMBED_SELECTION_OPTIONS as readonly string[]).includes(name),
)

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
  if (!(THEMES as readonly string[]).includes(options.theme)) {
    return { options: BLANK, error: '"theme" accepts auto, light or dark' }
  }
  if (options.lang && !canonicalLocale(options.lang)) {
    return { options: BLANK, error: '"lang" accepts a language tag like "de"' }
  }
  const filters = Object.fromEntries(
    FILTERS.filter((name) => options[name]).map((name) => [name, options[name]]),
  )
  const parsed = EmbedQuery.safeParse(filters)
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
    { query: { ...options, error }, tags: { kind: 'landing', allTimelines: true } },
    () =>
      renderPage(
        <LandingPage
          origin={origin}
          options={options}
          error={error}
          {...getLists()}
          featured={{ id: featured.meta.id, title: featured.meta.title }}
          formats={FORMAT_SPECS.map((f) => ({
            label: f.label,
            href: eventsPath(featured.meta.id, f.extensions[0]),
          }))}
          printView={embedView(featured, EmbedQuery.parse({}), { origin })}
          printStyle={LANDING_PRINT_CSS}
          script={LANDING_JS}
        />,
      ),
    {
      styleHashes: [PAGE_CSS_HASH, LANDING_PRINT_CSS_HASH],
      scriptHashes: [LANDING_JS_HASH],
      frameSrc: "'self'",
      headers,
    },
  )
}
