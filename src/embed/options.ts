/**
 * @module embed/options
 * The embed page's options in one place: their names, their defaults, the canonical query string
 * of a set of options, and the escaping of values written into HTML attributes. No dependencies
 * (no zod, no data), so the browser bundles (`src/client/widget.ts`, the landing page's generator)
 * share it with the server: the zod schema (embed/schema.ts), oEmbed and the landing page.
 */

/** Options that select events; a bad value of these is an error page, not a fallback. */
export const EMBED_SELECTION_OPTIONS = [
  'from',
  'to',
  'actor',
  'place',
  'kind',
  'tag',
  'status',
  'q',
  'sort',
  'limit',
] as const

/** Options that only change presentation; a bad value falls back to the default. */
export const EMBED_PRESENTATION_OPTIONS = ['theme', 'lang', 'focus', 'lanes'] as const

/** Every option the embed page takes, as query parameters, `data-*` or element attributes. */
export const EMBED_OPTIONS = [...EMBED_PRESENTATION_OPTIONS, ...EMBED_SELECTION_OPTIONS] as const
export type EmbedOption = (typeof EMBED_OPTIONS)[number]

/** The options the landing page's generator offers, in the order of its form. */
export const GENERATOR_OPTIONS = [
  'theme',
  'lang',
  'from',
  'to',
  'actor',
  'kind',
  'tag',
  'q',
] as const satisfies readonly EmbedOption[]
export type GeneratorOption = (typeof GENERATOR_OPTIONS)[number]

export const THEMES = ['light', 'dark', 'auto'] as const
export type Theme = (typeof THEMES)[number]
/** The look when none is asked for: the reader's system setting. Left out of canonical URLs. */
export const DEFAULT_THEME: Theme = 'auto'

/**
 * Option values as any caller holds them: validated (lists as arrays, `limit` as a number) or raw
 * strings from a form or `data-*` attributes. `undefined` and `''` mean "not set".
 */
export type EmbedOptionValues = Partial<
  Record<EmbedOption, string | number | readonly string[] | undefined>
>

/** Canonical order: sorted by name, so equal options give equal URLs. */
const CANONICAL_ORDER: readonly EmbedOption[] = [...EMBED_OPTIONS].sort()

/**
 * The set options as `[name, text]` in canonical order: lists joined with commas, unset values
 * and the default theme dropped. What the canonical URL and the widget's `data-*` snippet carry.
 * @example embedOptionEntries({ theme: 'dark', kind: ['visit', 'call'], q: '' })
 * // [['kind', 'visit,call'], ['theme', 'dark']]
 */
export const embedOptionEntries = (values: EmbedOptionValues): [EmbedOption, string][] => {
  const entries: [EmbedOption, string][] = []
  for (const name of CANONICAL_ORDER) {
    const value = values[name]
    const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value)
    if (text && !(name === 'theme' && text === DEFAULT_THEME)) entries.push([name, text])
  }
  return entries
}

/**
 * The query string (without `?`) of the canonical embed URL for these options, so equal options
 * give one URL (and one cached body) wherever the URL is made: server, oEmbed, widget, generator.
 * @example embedSearch({ theme: 'dark', kind: ['visit'] }) // 'kind=visit&theme=dark'
 */
export const embedSearch = (values: EmbedOptionValues): string =>
  new URLSearchParams(embedOptionEntries(values)).toString()

/**
 * Escapes text for a double-quoted HTML attribute value (or element content): the embed codes are
 * pasted into other people's pages. Hand-written: four replacements do not warrant a library.
 * @example escapeAttr('a "b" & <c>') // 'a &quot;b&quot; &amp; &lt;c&gt;'
 */
export const escapeAttr = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
