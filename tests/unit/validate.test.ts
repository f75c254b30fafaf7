/**
 * @module tests/unit/validate.test
 * Every validation rule, each fed a fixture broken in exactly one way: the message must name the
 * file, the event and the field, so an author can fix it without reading code.
 */
import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { formatIssues, validateDataset } from '../../src/model/validate.ts'
import type { DataFile } from '../../src/model/validate.ts'
import { loadDataDir } from '../../scripts/lib/data-files.ts'

const FIXTURE_DIR = new URL('../fixtures/data/', import.meta.url).pathname
const read = async (path: string) => JSON.parse(await readFile(FIXTURE_DIR + path, 'utf8'))
const FILE = 'data/timelines/mini.json'
const SHARED = 'data/translations/de/shared.json'
const TRANSLATION = 'data/translations/de/mini.json'

/** The valid fixture, freshly parsed, for a test to break. */
const fixture = async () => ({
  actors: { file: 'data/actors.json', content: await read('actors.json') } as DataFile,
  places: { file: 'data/places.json', content: await read('places.json') } as DataFile,
  timeline: await read('timelines/mini.json'),
  tags: await read('tags.json'),
  shared: await read('translations/de/shared.json'),
  translation: await read('translations/de/mini.json'),
  sourceTexts: new Map([
    ['sources/mini-source.txt', await readFile(FIXTURE_DIR + 'sources/mini-source.txt', 'utf8')],
  ]),
})

/** Validates the fixture after `breakIt` changed it; returns the formatted messages. */
const messagesAfter = async (breakIt: (f: Awaited<ReturnType<typeof fixture>>) => void) => {
  const f = await fixture()
  breakIt(f)
  const { dataset, issues } = validateDataset({
    actors: f.actors,
    places: f.places,
    timelines: [{ file: FILE, content: f.timeline }],
    sourceTexts: f.sourceTexts,
    translations: {
      tags: { file: 'data/tags.json', content: f.tags },
      files: [
        { file: SHARED, content: f.shared },
        { file: TRANSLATION, content: f.translation },
      ],
    },
  })
  return { dataset, issues, text: formatIssues(issues) }
}

describe('the valid fixture', () => {
  it('passes every rule', async () => {
    const { dataset, issues } = await messagesAfter(() => {})
    expect(issues).toEqual([])
    expect(dataset?.timelines[0]?.events).toHaveLength(3)
    expect(dataset?.translations.timelines[0]?.language).toBe('de')
  })

  it('passes when read from disk too', async () => {
    const { dataset, issues } = await loadDataDir(FIXTURE_DIR)
    expect(formatIssues(issues)).toBe('')
    expect(dataset?.timelines).toHaveLength(1)
  })
})

describe('the shipped data', () => {
  it('passes every rule, and every event has a verbatim quote', async () => {
    const { dataset, issues } = await loadDataDir()
    expect(formatIssues(issues)).toBe('')
    const events = dataset!.timelines.flatMap((t) => t.events)
    expect(events.length).toBeGreaterThanOrEqual(20)
    for (const event of events) expect(event.citations.length).toBeGreaterThan(0)
  })
})

describe('each rule rejects its broken fixture', () => {
  it('schema: a missing field', async () => {
    const { text } = await messagesAfter((f) => delete f.timeline.events[1].title)
    expect(text).toContain(`${FILE} › event "minister-arrives" › title:`)
  })

  it('schema: an unknown kind', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[2].kind = 'party'))
    expect(text).toMatch(/event "talks-with-mayor" › kind: .*appointment/)
  })

  it('schema: an unknown top-level field', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.colour = 'red'))
    expect(text).toMatch(/mini\.json › \(file\): .*colour/)
  })

  it('duplicate event ids', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[2].id = 'minister-arrives'))
    expect(text).toContain('event "minister-arrives" › id: duplicate event id "minister-arrives"')
  })

  it('duplicate actor ids', async () => {
    const { text } = await messagesAfter(
      (f) => ((f.actors.content as any).actors[1].id = 'the-minister'),
    )
    expect(text).toContain('data/actors.json › actors: duplicate actor id "the-minister"')
  })

  it('duplicate timeline ids across files', async () => {
    const f = await fixture()
    const { issues } = validateDataset({
      actors: f.actors,
      places: f.places,
      timelines: [
        { file: FILE, content: f.timeline },
        { file: 'data/timelines/copy/mini.json', content: structuredClone(f.timeline) },
      ],
      sourceTexts: f.sourceTexts,
    })
    expect(formatIssues(issues)).toContain(
      'timeline id "mini" is also used by data/timelines/mini.json',
    )
  })

  it('a dangling actor reference', async () => {
    const { text } = await messagesAfter(
      (f) => (f.timeline.events[2].participants[1].actor = 'ghost'),
    )
    expect(text).toContain('event "talks-with-mayor" › participants.1.actor: unknown actor "ghost"')
  })

  it('a dangling place reference', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[1].places = ['atlantis']))
    expect(text).toContain('event "minister-arrives" › places.0: unknown place "atlantis"')
  })

  it('a dangling related event', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[1].related = ['nope']))
    expect(text).toContain('event "minister-arrives" › related.0: unknown event "nope"')
  })

  it('a dangling source', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[0].citations[0].source = 'blog'))
    expect(text).toContain('event "minister-appointed" › citations.0.source: unknown source "blog"')
  })

  it('events out of chronological order', async () => {
    const { text } = await messagesAfter((f) => f.timeline.events.reverse())
    expect(text).toContain(
      'event "minister-arrives" › date.start: out of chronological order: starts before "talks-with-mayor" above it',
    )
  })

  it('an end before its start', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[1].date.end = '2023-02-20'))
    expect(text).toContain(
      'event "minister-arrives" › date.end: the event ends (2023-02-20) before it starts (2023-02-21)',
    )
  })

  it('a quote that is not verbatim in its source', async () => {
    const { text } = await messagesAfter(
      (f) =>
        (f.timeline.events[2].citations[0].quote =
          'The talks will resume on Wednesday with the mayor.'),
    )
    expect(text).toContain(
      'event "talks-with-mayor" › citations.0.quote: the quote does not appear verbatim in sources/mini-source.txt',
    )
  })

  it('accepts a quote whose whitespace differs', async () => {
    const { issues } = await messagesAfter(
      (f) =>
        (f.timeline.events[2].citations[0].quote =
          'The talks  will continue\non Wednesday with the mayor.'),
    )
    expect(issues).toEqual([])
  })

  it('a weekday word that cannot match the event date', async () => {
    // "on Wednesday" next to a 2023-02-21 (Tuesday) source can only mean 2023-02-22 or 2023-02-15.
    const { text } = await messagesAfter((f) => (f.timeline.events[2].date.start = '2023-02-23'))
    expect(text).toContain(
      'event "talks-with-mayor" › citations.0.quote: the quote says "Wednesday", but no Wednesday within 6 days',
    )
  })

  it('the weekday rule follows the source date (a wrong header year breaks it)', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.sources[0].published = '2024-02-21'))
    expect(text).toMatch(/event "minister-arrives" › citations\.0\.quote: .*"Tuesday"/)
  })

  it('an impossible date', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[2].date.start = '2023-02-30'))
    expect(text).toContain(
      'event "talks-with-mayor" › date.start: "2023-02-30" is not a real calendar date',
    )
  })

  it('a date not written at its precision', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.events[0].date.precision = 'day'))
    expect(text).toContain(
      'event "minister-appointed" › date.start: "2023-01" is not written at the event\'s precision "day"',
    )
  })

  it('a file named differently from its id', async () => {
    const { text } = await messagesAfter((f) => (f.timeline.id = 'other'))
    expect(text).toContain(`${FILE} › id: the file must be named other.json`)
  })

  it('a missing source text', async () => {
    const { text } = await messagesAfter((f) => f.sourceTexts.clear())
    expect(text).toContain('citations.0.source: source text sources/mini-source.txt is missing')
  })
})

describe('each translation rule rejects its broken fixture', () => {
  it('every tag has a label', async () => {
    const { text } = await messagesAfter((f) => delete f.tags.tags.travel)
    expect(text).toContain(
      'data/tags.json › tags.travel: tag "travel" (event "minister-arrives") has no label',
    )
  })

  it('every language has every translatable field: a missing event', async () => {
    const { text } = await messagesAfter((f) => delete f.translation.events['talks-with-mayor'])
    expect(text).toContain(
      `${TRANSLATION} › events.talks-with-mayor: is missing: every event needs its title, summary, notes and glosses`,
    )
  })

  it('every language has every translatable field: a gloss per quote', async () => {
    const { text } = await messagesAfter(
      (f) => (f.translation.events['minister-arrives'].glosses = []),
    )
    expect(text).toContain(
      `${TRANSLATION} › events.minister-arrives.glosses: needs 1 gloss(es), one per quote`,
    )
  })

  it('every language has every translatable field: a missing actor name', async () => {
    const { text } = await messagesAfter((f) => delete f.shared.actors['the-mayor'])
    expect(text).toContain(
      `${SHARED} › actors.the-mayor: is missing: every actor needs a name in every language`,
    )
  })

  it('a translation identical to the original, unless marked as unchanged', async () => {
    const broken = await messagesAfter((f) => (f.translation.attribution = 'Test fixture'))
    expect(broken.text).toContain(
      `${TRANSLATION} › attribution: is identical to the original; translate it, or list the path in "unchanged"`,
    )
    const marked = await messagesAfter((f) => {
      f.translation.attribution = 'Test fixture'
      f.translation.unchanged = ['attribution']
    })
    expect(marked.issues).toEqual([])
  })

  it('names must be those of the language', async () => {
    const { text } = await messagesAfter(
      (f) =>
        (f.translation.events['minister-arrives'].title = 'Die Ministerin besucht Exampleville'),
    )
    expect(text).toContain(
      `${TRANSLATION} › events.minister-arrives.title: uses "Exampleville" in the original but not its name here, "Beispielstadt"`,
    )
  })

  it('numbers must match the original', async () => {
    const { text } = await messagesAfter(
      (f) => (f.timeline.events[1].summary = 'The minister arrives for 2 days of talks.'),
    )
    expect(text).toContain(
      `${TRANSLATION} › events.minister-arrives.summary: the number 2 of the original is missing`,
    )
  })

  it('placeholders must match the original', async () => {
    const { text } = await messagesAfter(
      (f) => (f.translation.events['talks-with-mayor'].summary = 'Die Ministerin trifft {mayor}.'),
    )
    expect(text).toContain(
      `${TRANSLATION} › events.talks-with-mayor.summary: placeholders must be exactly those of the original`,
    )
  })

  it('a translation never touches a quote', async () => {
    const { text } = await messagesAfter(
      (f) => (f.translation.events['minister-arrives'].quote = 'Die Ministerin traf ein.'),
    )
    expect(text).toContain(
      `${TRANSLATION} › events.minister-arrives.quote: a translation never touches a quote: quotes stay verbatim; give "glosses"`,
    )
  })

  it('a translation file in the wrong folder', async () => {
    const { text } = await messagesAfter((f) => (f.translation.language = 'fr'))
    expect(text).toContain(`${TRANSLATION} › language: must name the folder the file is in`)
  })
})
