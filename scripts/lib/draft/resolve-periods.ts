/**
 * @module scripts/lib/draft/resolve-periods
 * The rules for periods and calendar dates, apart from resolve.ts's weekday and relative-day
 * rules: "last week" is the Monday-to-Sunday week before publication, "later this year" the rest
 * of the year, a month or day written without a year is the nearest one on the side of
 * publication the tense points to.
 */
import type { EventDate } from '../../../src/model/schema.ts'
import { dayFrom, daySpan, isoDay, monthEnd, monthKey, oneDay, weekStart, ymd } from './calendar.ts'
import type { MatchFacts, Resolution } from './resolve.ts'

const long = (day: number) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(day * 86_400_000)

/** Thirds of a period: "early", "mid" and "late" March are days 1–10, 11–20 and 21–end. */
const partOfMonth = (first: number, modifier: string | undefined): [number, number] | undefined => {
  const last = monthEnd(first)
  if (modifier === 'early' || modifier === 'the beginning of' || modifier === 'the start of') {
    return [first, first + 9]
  }
  if (modifier === 'mid') return [first + 10, first + 19]
  if (modifier === 'late' || modifier === 'the end of') return [first + 20, last]
  return undefined
}

/**
 * "last week", "this month", "later this year", "early next year", "the end of the year":
 * the period relative to publication, narrowed by the modifier before it.
 * @example relativeUnit(facts, 'last', 'week') // { type: 'relative-week', date: { start: '2023-02-13', … } }
 */
export const relativeUnit = (
  f: MatchFacts,
  which: string,
  unit: string,
): Resolution | undefined => {
  const shift = which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0
  const rule = `"${f.modifier ? `${f.modifier} ` : ''}${f.text}" relative to publication (${isoDay(f.published)})`
  const { year } = ymd(f.published)
  if (unit === 'week') {
    const first = weekStart(f.published) + 7 * shift
    const date = daySpan(first, first + 6, `Week of ${long(first)}`)
    return { type: 'relative-week', date, rule: `${rule}: Monday to Sunday`, confidence: 0.55 }
  }
  if (unit === 'month') {
    const first = dayFrom(ymd(f.published).year, ymd(f.published).month + shift, 1)
    if (shift === 0 && f.modifier === 'later') {
      return {
        type: 'relative-month',
        date: daySpan(f.published + 1, monthEnd(first)),
        rule,
        confidence: 0.5,
      }
    }
    if (shift === 0 && f.modifier === 'earlier') {
      return {
        type: 'relative-month',
        date: daySpan(first, f.published - 1),
        rule,
        confidence: 0.5,
      }
    }
    const part = partOfMonth(first, f.modifier)
    if (part) return { type: 'relative-month', date: daySpan(...part), rule, confidence: 0.5 }
    return {
      type: 'relative-month',
      date: { start: monthKey(first), precision: 'month' },
      rule,
      confidence: 0.8,
    }
  }
  const target = year + shift
  if (shift === 0 && f.modifier === 'later') {
    // Published on 31 December, "later this year" has no day left to name.
    if (f.published + 1 > dayFrom(year, 12, 31)) return undefined
    const date = daySpan(f.published + 1, dayFrom(year, 12, 31), `Later in ${year}`)
    return { type: 'relative-year', date, rule, confidence: 0.5 }
  }
  if (shift === 0 && f.modifier === 'earlier') {
    const date = daySpan(dayFrom(year, 1, 1), f.published - 1, `Earlier in ${year}`)
    return { type: 'relative-year', date, rule, confidence: 0.5 }
  }
  const thirds: Record<string, [number, number, string]> = {
    early: [1, 4, 'Early'],
    mid: [5, 8, 'Mid-'],
    late: [9, 12, 'Late'],
    'the end of': [10, 12, 'The end of'],
  }
  const third = f.modifier ? thirds[f.modifier] : undefined
  if (third) {
    const [from, to, word] = third
    const pad = (m: number) => `${target}-${String(m).padStart(2, '0')}`
    const display = word.endsWith('-') ? `${word}${target}` : `${word} ${target}`
    const date: EventDate = {
      start: pad(from),
      end: pad(to),
      precision: 'month',
      approximate: true,
      display,
    }
    return { type: 'relative-year', date, rule, confidence: 0.45 }
  }
  return {
    type: 'relative-year',
    date: { start: String(target), precision: 'year' },
    rule,
    confidence: 0.7,
  }
}

/** The year of a day and month given without one: by tense, the nearest that is past (or future). */
const yearFor = (f: MatchFacts, month: number, date: number): number => {
  const { year } = ymd(f.published)
  if (f.yearShift !== undefined) return year + f.yearShift
  const day = dayFrom(year, month, date)
  if (f.tense === 'future') return day >= f.published ? year : year + 1
  return day <= f.published ? year : year - 1
}

/**
 * A calendar date, month or year as written ("Feb. 20", "in February", "Jan. 3, 2022", "in 2021"),
 * with the year a report leaves out supplied by tense.
 * @example calendarDate(facts) // { type: 'month-day', date: { start: '2023-02-20', precision: 'day' }, … }
 */
export const calendarDate = (f: MatchFacts): Resolution | undefined => {
  const s = f.start
  const certainYear = s.isCertain('year')
  const why = certainYear
    ? 'written in full'
    : f.yearShift !== undefined
      ? `year relative to publication (${isoDay(f.published)})`
      : `year from the ${f.tense} tense and publication (${isoDay(f.published)})`
  if (s.isCertain('day') && s.isCertain('month')) {
    const month = s.get('month')!
    const date = s.get('day')!
    const year = certainYear ? s.get('year')! : yearFor(f, month, date)
    const first = dayFrom(year, month, date)
    if (f.end?.isCertain('day')) {
      const endMonth = f.end.get('month')!
      const endDate = f.end.get('day')!
      let last = dayFrom(f.end.isCertain('year') ? f.end.get('year')! : year, endMonth, endDate)
      if (last < first) last = dayFrom(year + 1, endMonth, endDate)
      const date: EventDate = { start: isoDay(first), end: isoDay(last), precision: 'day' }
      return { type: 'range', date, rule: `"${f.text}": ${why}`, confidence: 0.8 }
    }
    const type = certainYear ? 'full-date' : 'month-day'
    return {
      type,
      date: oneDay(first),
      rule: `"${f.text}": ${why}`,
      confidence: certainYear ? 0.95 : 0.85,
    }
  }
  if (s.isCertain('month')) {
    const month = s.get('month')!
    const year = certainYear ? s.get('year')! : yearFor(f, month, 1)
    const first = dayFrom(year, month, 1)
    const part = partOfMonth(first, f.modifier)
    const rule = `"${f.modifier ? `${f.modifier} ` : ''}${f.text}": ${why}`
    if (part)
      return { type: 'month', date: daySpan(...part), rule, confidence: certainYear ? 0.6 : 0.5 }
    const date: EventDate = { start: monthKey(first), precision: 'month' }
    return { type: 'month', date, rule, confidence: certainYear ? 0.9 : 0.7 }
  }
  if (certainYear) {
    const date: EventDate = { start: String(s.get('year')), precision: 'year' }
    return { type: 'year', date, rule: `"${f.text}": written in full`, confidence: 0.9 }
  }
  return undefined
}
