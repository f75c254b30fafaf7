/**
 * @module views/landing/snippets
 * The embed codes the landing page's generator offers (iframe, script, oEmbed URL), built from
 * generator options. Pure, with no dependencies beyond embed/options.ts and urls.ts: the server
 * renders them for the no-JS page and src/client/landing.ts bundles this same module to rebuild
 * them as options change.
 */
import {
  embedOptionEntries,
  escapeAttr,
  GENERATOR_OPTIONS,
  type GeneratorOption,
} from '../../embed/options.ts'
import { embedPath, oembedPath, WIDGET_PATH } from '../../urls.ts'

/** Generator options, as form fields hold them (empty string = not set). */
export type EmbedOptions = { timeline: string } & Record<GeneratorOption, string>

/** The options' values with surrounding spaces dropped, as pasted text should not carry them. */
const trimmed = (options: EmbedOptions): Record<GeneratorOption, string> =>
  Object.fromEntries(GENERATOR_OPTIONS.map((name) => [name, options[name].trim()])) as Record<
    GeneratorOption,
    string
  >

/**
 * Absolute URL of the embed page for these options: the canonical embed URL, as the Worker makes.
 * @example embedUrl('https://d.example', opts) // 'https://d.example/embed/wang-yi-moscow-2023?theme=dark'
 */
const embedUrl = (origin: string, options: EmbedOptions): string =>
  `${origin}${embedPath(options.timeline, trimmed(options))}`

/** The three embed codes for a set of options. */
export interface Snippets {
  iframe: string
  script: string
  oembed: string
  /** The URL the live timeline shows. */
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
  const data = embedOptionEntries(trimmed(options))
    .map(([name, value]) => ` data-${name}="${escapeAttr(value)}"`)
    .join('')
  return {
    iframe:
      `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="640" ` +
      `style="border:0;max-width:100%" loading="lazy"></iframe>`,
    script:
      `<script src="${origin}${WIDGET_PATH}" async></script>` +
      `<div data-dateline="${escapeAttr(options.timeline)}"${data}></div>`,
    oembed: `${origin}${oembedPath(url)}`,
    preview: url,
  }
}
