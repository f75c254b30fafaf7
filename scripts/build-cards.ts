/**
 * @module scripts/build-cards
 * Renders every timeline's social card (src/timeline-svg/card.ts) to a 1200 × 630 PNG with resvg
 * and writes it into the assets as `cards/{id}.png` (src/data/files.ts), which the Worker reads
 * through its `ASSETS` binding and serves at `/v1/timelines/{id}/card.png`. At build time because
 * a Worker has no fonts and no rasterizer, and a card changes only when the data or the drawing
 * code does, i.e. with a build. Runs after scripts/build-data.ts (it reads the compiled dataset).
 *
 * Usage: node scripts/build-cards.ts [--assets DIR] [--dataset FILE]
 */
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createDataset } from '../src/model/dataset.ts'
import { localizeDataset } from '../src/model/localize.ts'
import type { CompiledDataset } from '../src/model/types.ts'
import { FILES } from '../src/data/files.ts'
import { cardSvg } from '../src/timeline-svg/card.ts'
import { cardStyle, renderPng } from './lib/cards.ts'
import { writeTree } from './lib/write-tree.ts'

const ROOT = new URL('..', import.meta.url).pathname
const { values } = parseArgs({
  options: {
    assets: { type: 'string', default: join(ROOT, 'build/assets') },
    dataset: { type: 'string' },
  },
})
const assetsDir = resolve(values.assets!)
const datasetFile = values.dataset ?? join(dirname(assetsDir), 'dataset.json')
const compiled = JSON.parse(await readFile(datasetFile, 'utf8')) as CompiledDataset
const data = createDataset(localizeDataset(compiled, ''))

const started = Date.now()
const style = await cardStyle()
const cards = new Map<string, Uint8Array>()
let bytes = 0
for (const timeline of data.timelines.values()) {
  const svg = cardSvg({
    title: timeline.meta.title,
    locale: timeline.meta.language,
    events: timeline.events.map((e) => e.event),
    style,
  })
  const png = renderPng(svg)
  bytes += png.byteLength
  // Paths relative to the cards directory, which this script alone writes.
  cards.set(FILES.card(timeline.meta.id).slice('cards/'.length), png)
}
const out = join(assetsDir, 'cards')
const { written } = await writeTree(out, cards)
console.log(
  `✓ cards: ${cards.size} PNG(s) (${written} changed), ${(bytes / 1024).toFixed(1)} KB, ` +
    `in ${Date.now() - started} ms → ${out}`,
)
