/**
 * @module tests/unit/draft-import.test
 * `npm run import`: TimelineJS3's own example files (shipped in @knight-lab/timelinejs) become
 * drafts that keep each slide's dates, headline and text, with every citation marked missing; a
 * Dateline timeline exported as TimelineJS3 JSON comes back with its dates, titles and kinds.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { csvToDocument, importTimelineJs, plainText } from '../../scripts/lib/draft/timelinejs.ts'
import type { TjsDocument } from '../../scripts/lib/draft/timelinejs.ts'
import { loadDataDir } from '../../scripts/lib/data-files.ts'
import { validateDataset } from '../../src/model/validate.ts'
import { createDataset } from '../../src/model/dataset.ts'
import { toTimelineJs } from '../../src/formats/timelinejs.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const TEMPLATES = join(
  dirname(createRequire(import.meta.url).resolve('@knight-lab/timelinejs/package.json')),
  'src/template',
)
const read = (path: string) => readFileSync(path, 'utf8')
const { actors } = JSON.parse(read(join(ROOT, 'data/actors.json')))
const { places } = JSON.parse(read(join(ROOT, 'data/places.json')))
const importDoc = (doc: TjsDocument, id = 'imported') =>
  importTimelineJs({ doc, input: 'test', id, actors, places })

/** The validator's verdict on a draft alone: accepted as a draft, or its issues. */
const asDraft = (draft: unknown) =>
  validateDataset({
    actors: { file: 'actors.json', content: { actors } },
    places: { file: 'places.json', content: { places } },
    timelines: [{ file: 'timelines/imported.json', content: draft }],
  })

describe('TimelineJS3 JSON (the library’s eras.json example)', () => {
  const doc: TjsDocument = JSON.parse(read(join(TEMPLATES, 'eras.json')))
  const { draft, skipped } = importDoc(doc)

  it('keeps every slide’s start date, headline and text, in order', () => {
    expect(draft.events).toHaveLength(doc.events!.length)
    for (const slide of doc.events!) {
      const event = draft.events.find((e) => e.title === plainText(slide.text!.headline))!
      expect(event, slide.text!.headline).toBeDefined()
      expect(event.date.start.slice(0, 4)).toBe(String(slide.start_date!.year).padStart(4, '0'))
      expect(event.summary).toBe(plainText(slide.text!.text).slice(0, 1200))
    }
    const starts = draft.events.map((e) => e.date.start)
    expect(starts).toEqual([...starts].sort())
  })

  it('marks every citation missing and lists the eras it cannot import', () => {
    for (const event of draft.events) {
      expect(event.citations).toEqual([])
      expect(event.draft!.fields.citations!.from).toMatch(/^missing/)
    }
    expect(skipped.filter((s) => /era/.test(s.reason))).toHaveLength(doc.eras!.length)
  })

  it('is accepted as a draft, with the missing citations left to review', () => {
    const { issues, drafts } = asDraft(draft)
    expect(issues).toEqual([])
    expect(drafts[0]!.review.join('\n')).toMatch(
      new RegExp(`${draft.events.length} events without a citation`),
    )
  })
})

describe('the Google Sheets template as CSV (my-own-timeline.csv)', () => {
  const { draft } = importDoc(csvToDocument(read(join(TEMPLATES, 'my-own-timeline.csv'))))

  it('reads the title row, day ranges and mixed precisions', () => {
    expect(draft.title).toBe('MY OWN CSV')
    expect(draft.events.find((e) => e.title === 'Ada Lovelace')!.date).toEqual({
      start: '1815-12-10',
      end: '1852-11-27',
      precision: 'day',
    })
    // Start 1943-07, end 1946: Dateline writes both at the coarser precision.
    expect(draft.events.find((e) => e.title === '...And the women who made it work')!.date).toEqual(
      {
        start: '1943',
        end: '1946',
        precision: 'year',
      },
    )
    expect(asDraft(draft).issues).toEqual([])
  })

  it('works from the command line', () => {
    const env = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` }
    const csv = join(TEMPLATES, 'my-own-timeline.csv')
    const run = spawnSync('node', ['scripts/import.ts', csv], { cwd: ROOT, env, encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout).draft.createdBy).toBe('npm run import')
    expect(run.stderr).toMatch(/events without a citation/)
  })
})

describe('dates Dateline cannot hold', () => {
  it('skips cosmological years (cosmo.json) and says why', () => {
    const doc: TjsDocument = JSON.parse(read(join(TEMPLATES, 'cosmo.json')))
    const { draft, skipped } = importDoc(doc)
    expect(draft.events).toHaveLength(0)
    expect(skipped).toHaveLength(doc.events!.length)
    expect(skipped[0]!.reason).toMatch(/outside the years 1–9999/)
  })
})

describe('a round trip through Dateline’s own TimelineJS3 export', () => {
  it('brings back every event’s dates, title and kind', async () => {
    const { dataset } = await loadDataDir(join(ROOT, 'data'))
    const data = createDataset({ version: 'test', ...dataset! })
    const timeline = data.timelines.get('wang-yi-moscow-2023')!
    const exported = toTimelineJs({
      timeline: timeline.meta,
      events: timeline.events.map((e) => e.event),
      origin: 'https://d.test',
      links: { self: 'https://d.test/x', first: 'https://d.test/x' },
      total: timeline.events.length,
    })
    const { draft } = importDoc(JSON.parse(exported), 'round-trip')
    expect(draft.events.map((e) => e.id)).toEqual(timeline.events.map((e) => e.event.id))
    for (const [i, e] of draft.events.entries()) {
      const original = timeline.events[i]!.event
      // TimelineJS3 has no "approximate": everything else about the date survives.
      const { approximate: _lost, ...date } = original.date
      expect(e.date).toEqual(date)
      expect(e.title).toBe(original.title)
      expect(e.kind).toBe(original.kind)
    }
  })
})
