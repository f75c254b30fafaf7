/**
 * @module scripts/build-cards
 * Renders every timeline's social card (src/timeline-svg/card.ts) to a 1200 × 630 PNG with resvg
 * and writes `src/generated/cards.ts`: the PNG bytes as base64, by timeline id, which the Worker
 * serves at `/v1/timelines/{id}/card.png`. At build time because a Worker has no fonts and no
 * rasterizer, and a card changes only when the data or the drawing code does, i.e. with a build.
 * Runs after scripts/build-data.ts (it reads the compiled dataset).
 *
 * Usage: node scripts/build-cards.ts
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { DATA } from '../src/data.ts'
import { cardSvg } from '../src/timeline-svg/card.ts'
import { cardStyle, renderPng } from './lib/cards.ts'

const ROOT = new URL('..', import.meta.url).pathname
const OUT = join(ROOT, 'src/generated/cards.ts')

const started = Date.now()
const style = await cardStyle()
const cards: Record<string, string> = {}
let bytes = 0
for (const timeline of DATA.timelines.values()) {
  const svg = cardSvg({
    title: timeline.meta.title,
    locale: timeline.meta.language,
    events: timeline.events.map((e) => e.event),
    style,
  })
  const png = renderPng(svg)
  bytes += png.byteLength
  cards[timeline.meta.id] = Buffer.from(png).toString('base64')
}

const module = `/**
 * @module generated/cards
 * Written by scripts/build-cards.ts from the data and src/timeline-svg/card.ts; do not edit.
 */
/** Each timeline's social card, a 1200 × 630 PNG, base64-encoded, by timeline id. */
export const CARDS: Readonly<Record<string, string>> = ${JSON.stringify(cards, null, 1)}
`
await mkdir(dirname(OUT), { recursive: true })
const previous = await readFile(OUT, 'utf8').catch(() => '')
// Unchanged output is not rewritten, so watchers and parallel test runs see no churn.
if (previous !== module) await writeFile(OUT, module)
const n = Object.keys(cards).length
console.log(
  `✓ cards: ${n} PNG(s), ${(bytes / 1024).toFixed(1)} KB, in ${Date.now() - started} ms → ${OUT}`,
)
