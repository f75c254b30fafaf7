/**
 * @module views/landing/snippets
 * The embed codes the landing page's generator offers (iframe, script, oEmbed URL), built from
 * generator options. Pure and dependency-free: the server renders them for the no-JS page and
 * src/client/landing.ts bundles this same module to rebuild them as options change.
 */

/** Generator options, as form fields hold them (empty string = not set). */
export interface EmbedOptions {
  timeline: string
  theme: string
  lang: string
  from: string
  to: string
  actor: string
  kind: string
  tag: string
  q: string
}

/** Option names passed to the embed page, in the canonical (sorted) order. */
export const EMBED_OPTION_NAMES = [
  'actor',
  'from',
  'kind',
  'lang',
  'q',
  'tag',
  'theme',
  'to',
] as const

/** The embed page's default theme: left out of URLs, as the canonical embed URL does. */
export const DEFAULT_THEME = 'auto'

/** Minimal HTML attribute escaping: snippets are pasted into other people's pages. */
export const escapeAttr = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * Query string of the embed URL: set options only, sorted, default theme dropped, so equal
 * options give one URL (and one cached body) like the Worker's own canonical embed URLs.
 * @example embedSearch({ ...defaults, theme: 'dark', kind: 'visit' }) // 'kind=visit&theme=dark'
 */
export const embedSearch = (options: EmbedOptions): string => {
  const params = new URLSearchParams()
  for (const name of EMBED_OPTION_NAMES) {
    const value = options[name].trim()
    if (value && !(name === 'theme' && value === DEFAULT_THEME)) params.set(name, value)
  }
  return params.toString()
}

/**
 * Absolute URL of the embed page for these options.
 * @example embedUrl('https://d.example', opts) // 'https://d.example/embed/wang-yi-moscow-2023?theme=dark'
 */
export const embedUrl = (origin: string, options: EmbedOptions): string => {
  const search = embedSearch(options)
  return `${origin}/embed/${encodeURIComponent(options.timeline)}${search ? `?${search}` : ''}`
}

/** The three embed codes for a set of options. */
export interface Snippets {
  iframe: string
  script: string
  oembed: string
  /** The URL the preview iframe shows. */
  preview: string
}

/**
 * Every embed code for `options`, served from `origin`.
 * @example snippets('https://d.example', { ...defaults, timeline: 'wang-yi-moscow-2023' }).script
 */
export const snippets = (
  origin: string,
  options: EmbedOptions,
  title = 'Dateline timeline',
): Snippets => {
  const url = embedUrl(origin, options)
  const data = EMBED_OPTION_NAMES.filter((name) => {
    const value = options[name].trim()
    return value && !(name === 'theme' && value === DEFAULT_THEME)
  })
    .map((name) => ` data-${name}="${escapeAttr(options[name].trim())}"`)
    .join('')
  return {
    iframe:
      `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="640" ` +
      `style="border:0;max-width:100%" loading="lazy"></iframe>`,
    script:
      `<script src="${origin}/embed.js" async></script>` +
      `<div data-dateline="${escapeAttr(options.timeline)}"${data}></div>`,
    oembed: `${origin}/oembed?url=${encodeURIComponent(url)}`,
    preview: url,
  }
}
