/**
 * @module scripts/lib/cards
 * Social cards to PNG, at build time: the card's SVG (src/timeline-svg/card.ts) with the axis's
 * stylesheet and the light palette of the embed, rasterized by resvg with fonts loaded from
 * node_modules (never committed, never shipped to the Worker: only the PNG bytes are).
 *
 * Fonts, all from Google's Noto family (SIL Open Font License 1.1, which allows bundling), as the
 * TTF files of the `@expo-google-fonts/*` packages (resvg reads TTF and OTF, not the WOFF2 that
 * `@fontsource/*` ships):
 * - Noto Sans: Latin, Greek and Cyrillic, Ukrainian's Ґ ї є і included (the CJK font lacks them);
 * - Noto Sans SC: Chinese (the `zh` interface and content), and Japanese kana besides;
 * - Noto Sans Arabic: for the Arabic interface that is coming (resvg shapes and reorders it).
 * resvg falls back per character to whichever of them has the glyph, so one stack covers every
 * script the interface ships. Regular and bold only: the card uses no other weight.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { CARD_CSS } from '../../src/timeline-svg/card.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const require = createRequire(import.meta.url)

/** The font files, as package paths. */
export const CARD_FONTS = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
] as const

const fontFiles = () => CARD_FONTS.map((path) => require.resolve(path))

/**
 * The custom properties of one block of a stylesheet, e.g. `:root {` of embed.css.
 * @example paletteOf(':root {\n  --bg: #fff;\n}', ':root') // { bg: '#fff' }
 */
export const paletteOf = (css: string, selector: string): Record<string, string> => {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`no "${selector}" block`)
  const block = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start))
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
  )
}

/**
 * `var(--name)` replaced by its value: resvg implements CSS selectors but not custom properties.
 * @example resolveVars('a{fill:var(--ac)}', { ac: '#0b57d0' }) // 'a{fill:#0b57d0}'
 */
export const resolveVars = (css: string, palette: Record<string, string>): string =>
  css.replace(/var\(--([\w-]+)\)/g, (_, name: string) => {
    const value = palette[name]
    if (value === undefined) throw new Error(`no colour --${name} in the palette`)
    return value
  })

/**
 * The card's stylesheet: the axis's rules and the card's, in the embed's light palette (a
 * preview sits on a feed of either colour; light is what people print and share).
 * @example cardSvg({ …, style: await cardStyle() })
 */
export const cardStyle = async (): Promise<string> => {
  const read = (file: string) => readFile(join(ROOT, 'src/client', file), 'utf8')
  const [embed, axis] = await Promise.all([read('embed.css'), read('axis.css')])
  // The axis's `font` shorthand names system fonts the build has not got: the card's stack wins.
  const fonts = `.ax{font-family:'Noto Sans',sans-serif;font-size:11px}`
  return resolveVars(`${axis}\n${CARD_CSS}\n${fonts}`, paletteOf(embed, ':root'))
}

/**
 * Rasterizes an SVG document at its own size, with the bundled fonts only (no system fonts, so
 * every machine draws the same picture).
 * @example const png = renderPng(cardSvg(options))
 */
export const renderPng = (svg: string): Uint8Array => {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
    },
  })
  return resvg.render().asPng()
}
