/**
 * @module scripts/build-client
 * Compiles the browser code in `src/client/` with esbuild (minified IIFEs: the embed page's script,
 * the widget, the landing page's generator; plus the minified embed stylesheet, the events.svg one
 * and the landing page's print one) and writes
 * `src/generated/client-assets.ts`: the exact strings the Worker inlines or serves, and the sha256
 * CSP hashes of every inline style and script of every page (embed, docs, landing). Hashing here, at build time, keeps the embed's CSP strict
 * (`script-src 'sha256-…'`) at no cost per request.
 *
 * Usage: node scripts/build-client.ts
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { build, transform } from 'esbuild'
import { PAGE_CSS } from '../src/views/docs/styles.ts'

const ROOT = new URL('..', import.meta.url).pathname
const OUT = join(ROOT, 'src/generated/client-assets.ts')
/** ES2020: every browser with ResizeObserver and custom elements, which the scripts need. */
const TARGET = ['es2020']

const script = async (entry: string): Promise<string> => {
  const result = await build({
    entryPoints: [join(ROOT, 'src/client', entry)],
    bundle: true,
    format: 'iife',
    minify: true,
    target: TARGET,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  })
  return result.outputFiles[0]!.text.trim()
}

const style = async (...files: string[]): Promise<string> => {
  const texts = await Promise.all(files.map((f) => readFile(join(ROOT, 'src/client', f), 'utf8')))
  const result = await transform(texts.join('\n'), { loader: 'css', minify: true, target: TARGET })
  return result.code.trim()
}

/** The declarations of one rule block of embed.css, e.g. the light palette of `:root`. */
const embedBlock = async (selector: string): Promise<string> => {
  const css = await readFile(join(ROOT, 'src/client/embed.css'), 'utf8')
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`embed.css has no "${selector}" block`)
  return css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start))
}

/**
 * The stylesheet of a standalone events.svg: embed.css's light palette, its dark one when the
 * viewer prefers it, and the axis rules. Read from embed.css so the two never drift apart.
 */
const svgStyle = async (): Promise<string> => {
  const axis = await readFile(join(ROOT, 'src/client/axis.css'), 'utf8')
  const text = `:root{${await embedBlock(':root')}}@media (prefers-color-scheme: dark){:root{${await embedBlock(":root[data-theme='dark']")}}}${axis}`
  const result = await transform(text, { loader: 'css', minify: true, target: TARGET })
  return result.code.trim()
}

/**
 * The landing page's print stylesheet: the embed's light palette, the axis and legend rules, scoped to
 * the printed copy of the timeline (`.pv`, where the page's own custom properties do not reach),
 * and landing-print.css.
 */
const landingPrintStyle = async (): Promise<string> => {
  const read = (file: string) => readFile(join(ROOT, 'src/client', file), 'utf8')
  const text = `.pv{${await embedBlock(':root')}}${await read('axis.css')}${await read('legend.css')}${await read('landing-print.css')}`
  const result = await transform(text, { loader: 'css', minify: true, target: TARGET })
  return result.code.trim()
}

/** `sha256-…` source expression for a CSP header, over the exact bytes that get inlined. */
const cspHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

const [embedJs, sourcesJs, widgetJs, landingJs, embedCss, svgCss, landingPrintCss] =
  await Promise.all([
    script('embed.ts'),
    script('sources.ts'),
    script('widget.ts'),
    script('landing.ts'),
    style('embed.css', 'axis.css', 'legend.css'),
    svgStyle(),
    landingPrintStyle(),
  ])

// Inlined text must not be able to close its element or open a comment in the HTML parser.
for (const [name, text, tag] of [
  ['embed.ts', embedJs, 'script'],
  ['sources.ts', sourcesJs, 'script'],
  ['landing.ts', landingJs, 'script'],
  ['embed.css', embedCss, 'style'],
  ['landing-print.css', landingPrintCss, 'style'],
] as const) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) {
    console.error(`✗ ${name}: the minified output contains "</${tag}" or "<!--"`)
    process.exit(1)
  }
}

const module = `/**
 * @module generated/client-assets
 * Written by scripts/build-client.ts from src/client/; do not edit.
 */
/** Minified embed page script, inlined in a <script>. */
export const EMBED_JS = ${JSON.stringify(embedJs)}
/** CSP source expression allowing exactly {@link EMBED_JS}. */
export const EMBED_JS_HASH = ${JSON.stringify(cspHash(embedJs))}
/** Minified loader of a translated embed's sources and notes, inlined in a <script> there. */
export const SOURCES_JS = ${JSON.stringify(sourcesJs)}
/** CSP source expression allowing exactly {@link SOURCES_JS}. */
export const SOURCES_JS_HASH = ${JSON.stringify(cspHash(sourcesJs))}
/** Minified embed stylesheet, inlined in a <style>. */
export const EMBED_CSS = ${JSON.stringify(embedCss)}
/** CSP source expression allowing exactly {@link EMBED_CSS}. */
export const EMBED_CSS_HASH = ${JSON.stringify(cspHash(embedCss))}
/** Palette and axis rules inlined in every events.svg. */
export const AXIS_SVG_CSS = ${JSON.stringify(svgCss)}
/** Minified widget served at /embed.js. */
export const WIDGET_JS = ${JSON.stringify(widgetJs)}
/** Landing page print stylesheet (with the axis rules), inlined in a <style>. */
export const LANDING_PRINT_CSS = ${JSON.stringify(landingPrintCss)}
/** CSP source expression allowing exactly {@link LANDING_PRINT_CSS}. */
export const LANDING_PRINT_CSS_HASH = ${JSON.stringify(cspHash(landingPrintCss))}
/** Minified landing page script (the live embed-code generator), inlined in a <script>. */
export const LANDING_JS = ${JSON.stringify(landingJs)}
/** CSP source expression allowing exactly {@link LANDING_JS}. */
export const LANDING_JS_HASH = ${JSON.stringify(cspHash(landingJs))}
/** CSP source expression allowing exactly the docs and landing stylesheet (views/docs/styles.ts). */
export const PAGE_CSS_HASH = ${JSON.stringify(cspHash(PAGE_CSS))}
`
await mkdir(dirname(OUT), { recursive: true })
const previous = await readFile(OUT, 'utf8').catch(() => '')
// Unchanged output is not rewritten, so watchers and parallel test runs see no churn.
if (previous !== module) await writeFile(OUT, module)
const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(1)} KB`
console.log(
  `✓ client assets: embed.js ${kb(embedJs)}, sources.js ${kb(sourcesJs)}, embed.css ${kb(embedCss)}, widget ${kb(widgetJs)}, ` +
    `landing.js ${kb(landingJs)} → ${OUT}`,
)
