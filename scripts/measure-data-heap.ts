/**
 * @module scripts/measure-data-heap
 * Measures what a loaded data file costs the isolate's heap per character of its JSON text: the
 * factor (`HEAP_BYTES_PER_JSON_CHAR`, src/data/store.ts) that turns a file's length into the
 * bytes the data tier's LRU counts. For each compiled timeline file it parses and indexes
 * `COPIES` copies exactly as the store does (JSON.parse, then `indexTimeline`) and divides the
 * heap growth after a full collection by their total JSON length. V8 in Node, not workerd: the
 * same engine and object layout, close enough for a budget.
 *
 * Usage: node --expose-gc scripts/measure-data-heap.ts [--assets DIR]
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { indexTimeline, wordIndex } from '../src/model/dataset.ts'
import type { TimelineFile } from '../src/data/files.ts'

const COPIES = 200
const ROOT = new URL('..', import.meta.url).pathname
const { values } = parseArgs({
  options: { assets: { type: 'string', default: join(ROOT, 'build/assets') } },
})
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

const dir = join(values.assets!, 'data/timelines')
for (const id of await readdir(dir)) {
  for (const name of (await readdir(join(dir, id))).sort()) {
    const text = await readFile(join(dir, id, name), 'utf8')
    for (const search of [false, true]) {
      gc()
      const before = process.memoryUsage().heapUsed
      const kept: unknown[] = []
      for (let i = 0; i < COPIES; i++) {
        // A fresh string per copy, as each read of the binding gives one.
        const file = JSON.parse(text.slice(0, -1) + text.slice(-1)) as TimelineFile
        const timeline = indexTimeline(
          file.timeline,
          new Map(file.actors.map((a) => [a.id, a])),
          new Map(file.places.map((p) => [p.id, p])),
          file.draft,
        )
        // A text query also builds the word index, kept with the timeline.
        if (search) wordIndex(timeline)
        kept.push(timeline, file.tags)
      }
      gc()
      const grown = process.memoryUsage().heapUsed - before
      const factor = grown / (COPIES * text.length)
      console.log(
        `${id}/${name}: ${text.length} chars, ${(grown / COPIES / 1024).toFixed(0)} KB each, ` +
          `${factor.toFixed(2)} bytes/char${search ? ' (with word index)' : ''}`,
      )
      kept.length = 0
    }
  }
}
