/**
 * @module tests/unit/corpus.test
 * The corpus benchmark's generator (scripts/bench/corpus.ts): N timelines that the real validator
 * accepts, under N distinct ids, with the shipped timeline (and only it) keeping its translations.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  corpusTimelineId,
  SHIPPED_EVENT_COUNT,
  SHIPPED_TIMELINE_ID,
  writeCorpus,
} from '../../scripts/bench/corpus.ts'
import { spread } from '../../scripts/bench/corpus-measure.ts'
import { DEFAULT_DATA_DIR, loadDataDir } from '../../scripts/lib/data-files.ts'
import { formatIssues } from '../../src/model/validate.ts'

const tmp = await mkdtemp(join(tmpdir(), 'dateline-corpus-test-'))
afterAll(() => rm(tmp, { recursive: true, force: true }))

describe('writeCorpus', () => {
  it('writes N copies that validate, under unique ids matching their file names', async () => {
    const corpus = await writeCorpus(join(tmp, 'c12'), 12)
    const { dataset, issues } = await loadDataDir(corpus.dir)
    expect(formatIssues(issues)).toBe('')
    expect(dataset!.timelines.map((t) => t.id).sort()).toEqual([...corpus.timelineIds].sort())
    expect(new Set(corpus.timelineIds).size).toBe(12)
    expect(corpus.timelineIds[0]).toBe(SHIPPED_TIMELINE_ID)
    const files = (await readdir(join(corpus.dir, 'timelines'))).sort()
    expect(files).toEqual(corpus.timelineIds.map((id) => `${id}.json`).sort())
    // Copies share the shipped events; only their id and title differ.
    const [shipped, ...copies] = dataset!.timelines
    for (const copy of copies) {
      expect(copy.events).toEqual(shipped!.events)
      expect(copy.title).not.toBe(shipped!.title)
    }
    // Translations stay with the shipped timeline alone.
    const translated = new Set(dataset!.translations.timelines.map((t) => t.timeline))
    expect([...translated]).toEqual([SHIPPED_TIMELINE_ID])
  })

  it('makes a corpus of one exactly the shipped data', async () => {
    const corpus = await writeCorpus(join(tmp, 'c1'), 1)
    expect(corpus.timelineIds).toEqual([SHIPPED_TIMELINE_ID])
    const [written, shipped] = await Promise.all([
      loadDataDir(corpus.dir),
      loadDataDir(DEFAULT_DATA_DIR),
    ])
    expect(written.dataset).toEqual(shipped.dataset)
    // The bench labels rows by this count.
    expect(shipped.dataset!.timelines[0]!.events).toHaveLength(SHIPPED_EVENT_COUNT)
  })

  it('names copies by number and refuses an empty corpus', async () => {
    expect(corpusTimelineId(1000)).toBe(`${SHIPPED_TIMELINE_ID}-copy-1000`)
    await expect(writeCorpus(join(tmp, 'c0'), 0)).rejects.toThrow(/≥ 1/)
  })
})

describe('the corpus probe', () => {
  it('touch timelines spread over the corpus, each once', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => corpusTimelineId(i + 1))
    const touched = spread(ids, 10)
    expect(new Set(touched).size).toBe(10)
    expect(touched[0]).toBe(SHIPPED_TIMELINE_ID)
    expect(touched[9]).toBe(corpusTimelineId(901))
    expect(spread(ids.slice(0, 3), 10)).toEqual(ids.slice(0, 3))
  })
})
