/**
 * @module tests/unit/draft-article.test
 * `npm run draft` on real articles: the shipped CNN copy (against the published timeline an editor
 * built from it by hand) and the fixture articles in tests/fixtures/articles (against the dates
 * each should yield). Prints precision and recall; the acceptance bar is ≥ 80 % recall of the
 * day-precision dates an article states in words, with every quote verbatim and no junk quoted.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { draftFromArticle } from '../../scripts/lib/draft/from-article.ts'
import type { ArticleDraft } from '../../scripts/lib/draft/from-article.ts'
import { JUNK_REASONS } from '../../scripts/lib/draft/article.ts'
import { validateDataset } from '../../src/model/validate.ts'
import type { Timeline } from '../../src/model/schema.ts'
import {
  addScores,
  samePassage,
  scoreAgainstExpected,
  scoreAgainstTimeline,
  scoreLine,
} from '../fixtures/draft-scoring.ts'
import type { ExpectedDate, Score } from '../fixtures/draft-scoring.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const ARTICLE = 'data/sources/cnn-2023-02-21-wang-yi-moscow.txt'
const TEXT = read(ARTICLE)
const { actors } = JSON.parse(read('data/actors.json'))
const { places } = JSON.parse(read('data/places.json'))
const PUBLISHED: Timeline = JSON.parse(read('data/timelines/wang-yi-moscow-2023.json'))
const WEEKDAY_WORD = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/

const draftOf = (text: string, published?: string) =>
  draftFromArticle({
    text,
    input: 'article.txt',
    sourceText: 'sources/cnn-2023-02-21-wang-yi-moscow.txt',
    id: 'draft-test',
    ...(published ? { published } : {}),
    actors,
    places,
  })

/** Every quote appears in the article as it stands, character for character. */
const expectVerbatim = (result: ArticleDraft, text: string) => {
  for (const event of result.draft.events) {
    for (const c of event.citations) expect(text, `quote of ${event.id}`).toContain(c.quote)
  }
}

/** No quote takes words from a skipped junk line (unrelated headlines, "See also", bylines). */
const expectNoJunk = (result: ArticleDraft) => {
  const junk = result.article.skipped.filter((s) => JUNK_REASONS.includes(s.reason))
  expect(junk.length).toBeGreaterThan(0)
  for (const event of result.draft.events) {
    for (const line of junk) {
      expect(
        samePassage(line.text, event.citations[0]!.quote),
        `${event.id} quotes "${line.text}"`,
      ).toBe(false)
    }
  }
}

const table: string[] = []
afterAll(() => console.log(`\nnpm run draft: precision and recall\n${table.join('\n')}`))

describe('the shipped article (header "February 21, 2024"; published 21 February 2023)', () => {
  it('reports the header contradiction and proposes 2023-02-21, using it only with --published', () => {
    const result = draftOf(TEXT)
    expect(result.headerCheck?.fits).toBe(false)
    expect(result.headerCheck?.proposed).toBe('2023-02-21')
    expect(result.warnings.join('\n')).toMatch(
      /February 21, 2024.*Wednesday.*--published 2023-02-21/s,
    )
    expect(result.draft.draft!.published!.value).toBe('2024-02-21') // the header's, until told
    expect(result.draft.draft!.published!.proposed).toBe('2023-02-21')
    const withFlag = draftOf(TEXT, '2023-02-21')
    expect(withFlag.draft.sources[0]!.published).toBe('2023-02-21')
    expect(withFlag.draft.draft!.published!.fits).toBe(true)
  })

  it('says so on stderr from the command line, and still writes the draft', () => {
    const env = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` }
    const run = spawnSync('node', ['scripts/draft.ts', ARTICLE], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/header "February 21, 2024".*Proposed: 2023-02-21/s)
    expect(run.stderr).toContain('rerun with --published 2023-02-21')
    expect(JSON.parse(run.stdout).draft.status).toBe('unreviewed')
  })

  const result = draftOf(TEXT, '2023-02-21')

  it('with --published 2023-02-21 finds the arrival, Biden’s visit, the Munich speech, the interview and the Lavrov meeting', () => {
    for (const id of [
      'wang-yi-visits-russia',
      'biden-visits-kyiv',
      'wang-yi-msc-speech',
      'blinken-face-the-nation-interview',
      'wang-yi-meets-lavrov',
    ]) {
      const published = PUBLISHED.events.find((e) => e.id === id)!
      const found = result.draft.events.find(
        (c) =>
          c.date.start === published.date.start &&
          c.date.precision === 'day' &&
          published.citations.some((q) => samePassage(q.quote, c.citations[0]!.quote)),
      )
      expect(found, `${id} on ${published.date.start}`).toBeDefined()
    }
  })

  it('quotes verbatim, never from a junk line, and is accepted by the validator as a draft', () => {
    expectVerbatim(result, TEXT)
    expectNoJunk(result)
    const { issues, drafts, dataset } = validateDataset({
      actors: { file: 'actors.json', content: { actors } },
      places: { file: 'places.json', content: { places } },
      timelines: [{ file: 'timelines/draft-test.json', content: result.draft }],
      sourceTexts: new Map([['sources/cnn-2023-02-21-wang-yi-moscow.txt', TEXT]]),
    })
    expect(issues).toEqual([])
    expect(drafts).toHaveLength(1)
    expect(dataset!.timelines).toHaveLength(0) // accepted only as a draft
  })

  it('recalls ≥ 80 % of the day-precision dates the article states in words', () => {
    const score = scoreAgainstTimeline(result.draft, PUBLISHED.events, (e) =>
      e.citations.some((c) => WEEKDAY_WORD.test(c.quote)),
    )
    table.push(scoreLine('shipped article (CNN copy)', score))
    expect(score.dayRecall, `missed: ${score.missedDays.join(', ')}`).toBeGreaterThanOrEqual(0.8)
    expect(score.precision).toBeGreaterThan(0.5)
  })
})

describe('fixture articles (tests/fixtures/articles)', () => {
  const dir = join(ROOT, 'tests/fixtures/articles')
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
  const scores: Score[] = []

  it('there are at least three, published on different weekdays, with "last week" and "later this year"', () => {
    const texts = names.map((n) => readFileSync(join(dir, `${n}.txt`), 'utf8'))
    const days = names.map(
      (n) => JSON.parse(readFileSync(join(dir, `${n}.expected.json`), 'utf8')).published,
    )
    expect(names.length).toBeGreaterThanOrEqual(3)
    expect(new Set(days.map((d: string) => new Date(d).getUTCDay())).size).toBe(names.length)
    expect(texts.some((t) => /\blast week\b/.test(t))).toBe(true)
    expect(texts.some((t) => /\blater this year\b/.test(t))).toBe(true)
  })

  it.each(names)(
    '%s: header date, verbatim quotes, no junk, day-precision recall ≥ 0.8',
    (name) => {
      const text = readFileSync(join(dir, `${name}.txt`), 'utf8')
      const fixture = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as {
        published: string
        expected: ExpectedDate[]
        junk: string[]
      }
      const result = draftOf(text)
      expect(result.draft.sources[0]!.published).toBe(fixture.published)
      expect(result.headerCheck?.fits).toBe(true)
      expectVerbatim(result, text)
      expectNoJunk(result)
      for (const line of fixture.junk) {
        expect(result.article.skipped.map((s) => s.text)).toContain(line)
      }
      const score = scoreAgainstExpected(result.draft, fixture.expected)
      scores.push(score)
      table.push(scoreLine(name, score))
      expect(score.dayRecall, `missed: ${score.missedDays.join('; ')}`).toBeGreaterThanOrEqual(0.8)
    },
  )

  afterAll(() => {
    if (scores.length) table.push(scoreLine('fixtures, all', addScores(scores)))
  })
})
