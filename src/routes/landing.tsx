/**
 * @module routes/landing
 * Builds and sends the landing page for a request: reads the generator options from the query
 * (leniently: unknown parameters are ignored, as on the embed page), checks them with the embed
 * page's own schema, and sends the page with its CSP (framing forbidden, frames only itself).
 */
import type { Context } from 'hono'
import { canonicalLocale } from '../model/vocabulary.ts'
import type { DataStore } from '../data/store.ts'
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
import type { EmbedOptions } from '../views/landing/snippets.ts'
import { eventsPath, HOME_PATH } from '../urls.ts'
import { chooseLanguage } from '../http/language.ts'

/** The generator's defaults: the featured timeline (the build's choice), every option empty. */
const blank = (featured: string): EmbedOptions => ({
  timeline: featured,
  ...(Object.fromEntries(GENERATOR_OPTIONS.map((name) => [name, ''])) as Record<
    GeneratorOption,
    string
  >),
  theme: DEFAULT_THEME,
})
const NAMES = ['timeline', ...GENERATOR_OPTIONS] as const
/** The generator's options that select events, checked as the embed page checks them. */
const FILTERS = GENERATOR_OPTIONS.filter((name) =>
  (EMBED_SELECTION_OPTIONS as readonly string[]).includes(name),
)

/** The submitted options, or the defaults and why they were refused. */
export const readOptions = (
  query: Record<string, string>,
  data: Pick<DataStore, 'hasTimeline' | 'manifest'>,
): { options: EmbedOptions; error?: string } => {
  const defaults = blank(data.manifest.featured)
  const options: EmbedOptions = { ...defaults }
  for (const name of NAMES) {
    const value = query[name]?.trim()
    if (value) options[name] = value
  }
  if (!data.hasTimeline(options.timeline)) return { options: defaults, error: 'no such timeline' }
  if (!(THEMES as readonly string[]).includes(options.theme)) {
    return { options: defaults, error: '"theme" accepts auto, light or dark' }
  }
  if (options.lang && !canonicalLocale(options.lang)) {
    return { options: defaults, error: '"lang" accepts a language tag like "de"' }
  }
  const filters = Object.fromEntries(
    FILTERS.filter((name) => options[name]).map((name) => [name, options[name]]),
  )
  const parsed = EmbedQuery.safeParse(filters)
  if (!parsed.success) return { options: defaults, error: parsed.error.issues[0]!.message }
  return { options }
}

/**
 * Sends the landing page for this request.
 * @example if (wantsHtml(c)) return sendLanding(c)
 */
export const sendLanding = async (c: Context, headers: Record<string, string> = {}) => {
  const origin = new URL(c.req.url).origin
  const data = c.var.data
  const { options, error } = readOptions(c.req.query(), data)
  // The select options (timelines, actors, kinds, tags) are compiled at build time from the
  // whole corpus (scripts/lib/compile-assets.ts): the page never loads every timeline.
  // The live timeline and the printed copy follow the generator's `lang`; the page's own words
  // stay English, and the other languages are listed as alternates (hreflang).
  const featuredId = data.manifest.featured
  const languages = data.languagesOf(featuredId)
  const { language } = chooseLanguage({
    lang: options.lang ? canonicalLocale(options.lang) : undefined,
    available: languages,
  })
  const [lists, { timeline: featured }] = await Promise.all([
    data.landing(),
    data.timeline(featuredId, language),
  ])
  const alternates = languages
    .filter((l) => l !== language)
    .map((l) => ({ hreflang: l, href: `${origin}${HOME_PATH}?lang=${l}` }))
  return sendPage(
    c,
    { query: { ...options, error }, tags: { kind: 'landing', allTimelines: true } },
    () =>
      renderPage(
        <LandingPage
          origin={origin}
          options={options}
          error={error}
          {...lists}
          featured={{ id: featured.meta.id, title: featured.meta.title }}
          formats={FORMAT_SPECS.map((f) => ({
            label: f.label,
            href: eventsPath(featured.meta.id, f.extensions[0]),
          }))}
          printView={embedView(featured, EmbedQuery.parse({ lang: language }), { origin })}
          alternates={alternates}
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
