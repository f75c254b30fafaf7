/**
 * @module scripts/bench/corpus
 * Synthetic corpora for the corpus-size benchmark (issue 13): the shipped timeline and N − 1
 * copies of it under new ids, in a data dir laid out like data/ and sharing its actors, places,
 * tags and source texts. Only the shipped timeline keeps its translations, so a corpus of one is
 * exactly data/. Every copy passes the same validator as the shipped data (a copy's file is
 * named after its id, as the validator requires). Written to a temp dir; never shipped.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_DATA_DIR } from '../lib/data-files.ts'
import type { Timeline } from '../../src/model/schema.ts'

/** The timeline every corpus is made of. */
export const SHIPPED_TIMELINE_ID = 'wang-yi-moscow-2023'
/** Its events, which every timeline of a corpus copies (the bench's labels count them). */
export const SHIPPED_EVENT_COUNT = 28

export interface Corpus {
  /** The data dir (actors.json, places.json, tags.json, sources/, translations/, timelines/). */
  dir: string
  /** Every timeline id, the shipped one first. */
  timelineIds: string[]
}

/**
 * The id of the `n`th timeline of a corpus (1 is the shipped one).
 * @example corpusTimelineId(2) // 'wang-yi-moscow-2023-copy-0002'
 */
export const corpusTimelineId = (n: number): string =>
  n === 1 ? SHIPPED_TIMELINE_ID : `${SHIPPED_TIMELINE_ID}-copy-${String(n).padStart(4, '0')}`

/**
 * Writes a data dir of `count` timelines: data/ as it is, plus `count − 1` copies of the shipped
 * timeline, each under its own id and file name and with "(copy n)" after its title.
 * @example const corpus = await writeCorpus('/tmp/bench/corpus-1000', 1000)
 */
export const writeCorpus = async (
  dir: string,
  count: number,
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<Corpus> => {
  if (!Number.isInteger(count) || count < 1) throw new Error(`corpus size ${count}: must be ≥ 1`)
  await mkdir(join(dir, 'timelines'), { recursive: true })
  for (const shared of ['actors.json', 'places.json', 'tags.json', 'sources', 'translations']) {
    await cp(join(dataDir, shared), join(dir, shared), { recursive: true })
  }
  const file = `${SHIPPED_TIMELINE_ID}.json`
  const text = await readFile(join(dataDir, 'timelines', file), 'utf8')
  await writeFile(join(dir, 'timelines', file), text)
  const shipped = JSON.parse(text) as Timeline
  const timelineIds = [SHIPPED_TIMELINE_ID]
  for (let n = 2; n <= count; n++) {
    const id = corpusTimelineId(n)
    const copy = { ...shipped, id, title: `${shipped.title} (copy ${n})` }
    await writeFile(join(dir, 'timelines', `${id}.json`), JSON.stringify(copy))
    timelineIds.push(id)
  }
  return { dir, timelineIds }
}
