/**
 * @module tests/unit/draft-resolver.test
 * The draft tool's date resolver (scripts/lib/draft/temporal.ts, resolve.ts): every kind of
 * expression a news report dates things with, resolved against the publication day the way the
 * report means it, keeping its precision; around month and year ends; with the publication day on
 * each day of the week. Expected weekdays are computed with `Date`, not with the resolver's code.
 */
import { describe, expect, it } from 'vitest'
import { findMentions, resolveExpression } from '../../scripts/lib/draft/temporal.ts'
import { checkPublicationDate } from '../../scripts/lib/draft/publication.ts'

const date = (phrase: string, published: string, anchor?: string) =>
  resolveExpression(phrase, published, anchor)?.date
/** A month-precision date, as the resolver writes one. */
const month = (start: string) => ({ start, precision: 'month' })
const day = (iso: string) => ({ start: iso, precision: 'day' })
const span = (start: string, end: string) => ({ start, end, precision: 'day', approximate: true })

/** The ISO day `n` days from `iso`, and its weekday (0 = Sunday), by the Date API. */
const shift = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay()

// One publication day for each day of the week: Sunday 19 to Saturday 25 February 2023.
const WEEK = Array.from({ length: 7 }, (_, i) => shift('2023-02-19', i))
const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

describe('weekday words, with the publication day on each weekday', () => {
  it.each(WEEK)(
    'published %s: "on Tuesday" (past) is the most recent Tuesday on or before it',
    (p) => {
      let expected = p
      while (weekday(expected) !== 2) expected = shift(expected, -1)
      expect(date('Wang arrived in Moscow on Tuesday.', p)).toEqual(day(expected))
    },
  )

  it.each(WEEK)('published %s: every weekday word in the past is within the last 7 days', (p) => {
    for (const [w, name] of NAMES.entries()) {
      const resolved = date(`Officials said ${name} that talks had ended.`, p)!.start
      expect(weekday(resolved)).toBe(w)
      expect(resolved <= p && resolved > shift(p, -7), `${name} from ${p}: ${resolved}`).toBe(true)
    }
  })

  it.each(WEEK)('published %s: "will meet … on Wednesday" is the next Wednesday after it', (p) => {
    let expected = shift(p, 1)
    while (weekday(expected) !== 3) expected = shift(expected, 1)
    expect(date('He will meet Lavrov on Wednesday.', p)).toEqual(day(expected))
  })

  it('"later on Wednesday" in a Wednesday report is the same day', () => {
    expect(date('He will speak later on Wednesday.', '2023-02-22')).toEqual(day('2023-02-22'))
  })

  it('"next" and "last" override the tense', () => {
    expect(date('next Tuesday', '2023-02-21')).toEqual(day('2023-02-28'))
    expect(date('He left last Friday.', '2023-02-24')).toEqual(day('2023-02-17'))
    expect(date('He left last Friday.', '2023-02-25')).toEqual(day('2023-02-24'))
  })

  it('a "will" inside quoted speech does not make a past report future', () => {
    expect(date('Peskov said Monday that “we will see” about a meeting.', '2023-02-21')).toEqual(
      day('2023-02-20'),
    )
  })
})

describe('relative weeks, months and years', () => {
  it('"last week" is the Monday-to-Sunday week before publication, approximately', () => {
    expect(date('last week', '2023-02-21')).toMatchObject(span('2023-02-13', '2023-02-19'))
    expect(date('last week', '2023-02-20')).toMatchObject(span('2023-02-13', '2023-02-19'))
    expect(date('last week', '2023-02-26')).toMatchObject(span('2023-02-13', '2023-02-19'))
  })

  it('"this week" on a Sunday is the week ending that day', () => {
    expect(date('joint exercises, including this week', '2023-02-26')).toMatchObject(
      span('2023-02-20', '2023-02-26'),
    )
  })

  it('"later this year" is the rest of the year, approximately', () => {
    expect(date('a state visit later this year', '2023-02-21')).toMatchObject(
      span('2023-02-22', '2023-12-31'),
    )
    expect(date('a visit later this year', '2023-12-30')).toMatchObject(day('2023-12-31'))
    expect(date('a visit later this year', '2023-12-31')).toBeUndefined()
  })

  it('"last month", "next month", "last year", "next year" keep month or year precision', () => {
    expect(date('appointed last month', '2023-02-21')).toEqual(month('2023-01'))
    expect(date('appointed last month', '2023-01-02')).toEqual(month('2022-12'))
    expect(date('the G20 next month', '2023-12-31')).toEqual(month('2024-01'))
    expect(date('the summit next year', '2023-08-24')).toEqual({ start: '2024', precision: 'year' })
    expect(date('elected last year', '2023-01-01')).toEqual({ start: '2022', precision: 'year' })
  })

  it('"early next year" and "the end of the year" are approximate month spans', () => {
    expect(date('early next year', '2023-02-21')).toMatchObject({
      start: '2024-01',
      end: '2024-04',
      precision: 'month',
      approximate: true,
    })
    expect(date('by the end of the year', '2023-02-21')).toMatchObject({
      start: '2023-10',
      end: '2023-12',
      precision: 'month',
    })
  })
})

describe('months and calendar dates without a year', () => {
  it('"in February" is the most recent February, or the next when the verb is future', () => {
    expect(date('He visited in February.', '2023-03-10')).toEqual(month('2023-02'))
    expect(date('He visited in February.', '2023-01-10')).toEqual(month('2022-02'))
    expect(date('He visited in February.', '2023-02-01')).toEqual(month('2023-02'))
    expect(date('He will visit in February.', '2023-03-10')).toEqual(month('2024-02'))
  })

  it('"in May last year": the year word fixes the month’s year', () => {
    expect(date('They applied in May last year.', '2023-04-03')).toEqual(month('2022-05'))
  })

  it('"on Feb. 20" takes the year that puts it on the right side of publication', () => {
    expect(date('He spoke on Feb. 20.', '2023-02-21')).toEqual(day('2023-02-20'))
    expect(date('He spoke on Feb. 20.', '2023-01-05')).toEqual(day('2022-02-20'))
    expect(date('He will speak on Feb. 20.', '2023-01-05')).toEqual(day('2023-02-20'))
    expect(date('The call came on Dec. 30.', '2023-01-02')).toEqual(day('2022-12-30'))
  })

  it('a full date and a bare year keep their own precision', () => {
    expect(date('on Jan. 3, 2022', '2023-02-21')).toEqual(day('2022-01-03'))
    expect(date('the treaty signed in 2021', '2023-02-21')).toEqual({
      start: '2021',
      precision: 'year',
    })
    expect(date('in mid-March', '2023-04-01')).toMatchObject(span('2023-03-11', '2023-03-20'))
  })

  it('a range keeps both ends', () => {
    expect(date('from Feb. 14 to 17', '2023-02-21')).toEqual({
      start: '2023-02-14',
      end: '2023-02-17',
      precision: 'day',
    })
  })
})

describe('"ago" and dates counted from another date', () => {
  it('"a year ago" fixes the month; "three days ago" the day; "two weeks ago" a week', () => {
    expect(date('the invasion nearly a year ago', '2023-02-21')).toEqual(month('2022-02'))
    expect(date('three days ago', '2023-03-02')).toEqual(day('2023-02-27'))
    expect(date('two weeks ago', '2023-02-21')).toMatchObject(span('2023-02-06', '2023-02-12'))
  })

  it('"two days earlier" counts from the date mentioned before it, across a month end', () => {
    const [first, second] = findMentions(
      'The talks ended on March 1. Two days earlier, they met.',
      {
        published: '2024-03-04',
      },
    )
    expect(first!.date).toEqual(day('2024-03-01'))
    expect(second!.date).toEqual(day('2024-02-28')) // 2024 is a leap year
    expect(second!.type).toBe('anchored')
  })

  it('"the following day" and "three days later" count from an anchor given by earlier text', () => {
    expect(date('The following day, he left.', '2023-02-21', '2023-01-31')).toEqual(
      day('2023-02-01'),
    )
    expect(date('Three days later, Xi arrived.', '2023-03-25', '2023-03-17')).toEqual(
      day('2023-03-20'),
    )
  })

  it('"a year after the country applied" counts from an event: no date', () => {
    expect(date('less than a year after the country applied', '2023-04-03')).toBeUndefined()
  })
})

describe('what is not a dated claim', () => {
  it.each([
    ['over the past year', 'a period, not a date'],
    ['The concern we now have', '"now"'],
    ['protesters march through the city', 'a lowercase "march" is a verb'],
    ['China may provide support', 'a lowercase "may" is a verb'],
    ['Zelensky sat down with the allies', 'a lowercase "sat" is a verb'],
    ['at 3 p.m.', 'a bare time'],
  ])('"%s" (%s)', (phrase) => {
    expect(findMentions(phrase, { published: '2023-02-21' })).toEqual([])
  })
})

describe('the publication day against the weekday words', () => {
  const words = [
    { weekday: 2, tense: 'past' as const, where: '"on Tuesday"' },
    { weekday: 1, tense: 'past' as const, where: '"on Monday"' },
    { weekday: 3, tense: 'future' as const, where: '"on Wednesday"' },
  ]

  it('a Wednesday header contradicts "will meet on Wednesday"; the same day a year earlier fits', () => {
    const check = checkPublicationDate('2024-02-21', words)
    expect(check.fits).toBe(false)
    expect(check.problem).toMatch(/Wednesday/)
    expect(check.proposed).toBe('2023-02-21')
    expect(check.alternatives).toContain('2024-02-20')
  })

  it('a Tuesday fits, and so does any day when the words set no future weekday', () => {
    expect(checkPublicationDate('2023-02-21', words).fits).toBe(true)
    for (const p of WEEK) expect(checkPublicationDate(p, words.slice(0, 2)).fits).toBe(true)
  })
})
