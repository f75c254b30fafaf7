/**
 * @module scripts/build-landing
 * Compiles the landing page's script (src/client/landing.ts, with the snippet builder it shares
 * with the server) into `src/generated/landing-assets.ts`, a minified IIFE the page inlines and
 * allows by hash. Separate from build-client.ts so the two pages' assets build independently.
 *
 * Usage: node scripts/build-landing.ts
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { build } from 'esbuild'

const ROOT = new URL('..', import.meta.url).pathname
const OUT = join(ROOT, 'src/generated/landing-assets.ts')

const result = await build({
  entryPoints: [join(ROOT, 'src/client/landing.ts')],
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2020'],
  write: false,
  legalComments: 'none',
  charset: 'utf8',
})
const js = result.outputFiles[0]!.text.trim()
// Inlined text must not be able to close its element or open a comment in the HTML parser.
if (/<\/script|<!--/i.test(js)) {
  console.error('✗ landing.ts: the minified output contains "</script" or "<!--"')
  process.exit(1)
}
const hash = `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`
const module = `/**
 * @module generated/landing-assets
 * Written by scripts/build-landing.ts from src/client/landing.ts; do not edit.
 */
/** Minified landing page script, inlined in a <script>. */
export const LANDING_JS = ${JSON.stringify(js)}
/** CSP source expression allowing exactly {@link LANDING_JS}. */
export const LANDING_JS_HASH = ${JSON.stringify(hash)}
`
await mkdir(dirname(OUT), { recursive: true })
const previous = await readFile(OUT, 'utf8').catch(() => '')
if (previous !== module) await writeFile(OUT, module)
console.log(`✓ landing assets: landing.js ${(Buffer.byteLength(js) / 1024).toFixed(1)} KB → ${OUT}`)
