/**
 * @module scripts/lib/draft/resolve
 * The rules that turn one expression chrono found into a dated claim, the way a news report means
 * it: "on Tuesday" is the most recent Tuesday on or before publication (the next one when the verb
 * is future), "last week" is the calendar week before, "later this year" is the rest of the year,
 * "two days earlier" counts from the date mentioned before it. Pure: day numbers in, dates out.
 */
import type { ParsedComponents } from 'chrono-node'
import type { EventDate } from '../../../src/model/schema.ts'
import {
  dayFrom,
  daySpan,
  isoDay,
  monthEnd,
  monthKey,
  oneDay,
  weekdayNumber,
  weekStart,
  ymd,
} from './calendar.ts'
import type { Tense } from './tense.ts'

export type ExpressionType =
  | 'weekday'
  | 'casual-day'
  | 'anchored'
  | 'ago'
  | 'recent-span'
  | 'relative-week'
  | 'relative-month'
  | 'relative-year'
  | 'month'
  | 'month-day'
  | 'full-date'
  | 'range'
  | 'year'

export interface MatchFacts {
  /** chrono's match, lower case, without trailing punctuation. */
  text: string
  /** A word just before the match that changes it: "later", "early", "mid", "nearly"… */
  modifier?: string
  start: ParsedComponents
  end?: ParsedComponents
  /** The day chrono itself resolved to (relative to the publication day). */
  chronoDay: number
  published: number
  anchor?: number
  tense: Tense
  isEnglish: boolean
  /** "May last year": the year relative to publication's, when words right after the month fix it. */
  yearShift?: number
}

export interface Resolution {
  type: ExpressionType
  date: EventDate
  rule: string
  confidence: number
}

/** Longest "over the past …" span still worth a candidate; longer ones describe a period, not a claim. */
const MAX_SPAN_DAYS = 31
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
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

const weekday = (f: MatchFacts): Resolution => {
  const target = f.start.get('weekday')!
  const today = weekdayNumber(f.published)
  const back = (today - target + 7) % 7
  const ahead = (target - today + 7) % 7
  const name = WEEKDAY_NAMES[target]!
  const on = (day: number, rule: string, confidence: number): Resolution => ({
    type: 'weekday',
    date: oneDay(day),
    rule: `"${name}" ${rule} (${isoDay(day)})`,
    confidence,
  })
  if (/\b(last|past|previous)\b/.test(f.text)) {
    return on(f.published - (back || 7), 'with "last": the one before publication', 0.8)
  }
  if (/\bnext\b/.test(f.text)) {
    return on(f.published + (ahead || 7), 'with "next": the first after publication', 0.75)
  }
  if (/\bthis\b/.test(f.text)) {
    return on(
      weekStart(f.published) + ((target + 6) % 7),
      'with "this": in the week of publication',
      0.7,
    )
  }
  if (f.tense === 'future') {
    // "will meet on Wednesday" is written before that Wednesday; "later on Wednesday" may be today.
    const days = f.modifier === 'later' ? ahead : ahead || 7
    return on(f.published + days, 'in the future tense: the next one after publication', 0.8)
  }
  return on(
    f.published - back,
    'in the past tense: the most recent one on or before publication',
    0.85,
  )
}

const unitOf = (text: string) => /\b(day|week|month|year|decade)s?\b/.exec(text)?.[1]

const anchored = (f: MatchFacts): Resolution => {
  const base = f.anchor ?? f.published
  const day = base + (f.chronoDay - f.published)
  const from =
    f.anchor === undefined
      ? 'publication, no earlier date being mentioned'
      : 'the date mentioned before it'
  return {
    type: 'anchored',
    date: oneDay(day),
    rule: `"${f.text}" counted from ${isoDay(base)}, ${from}`,
    confidence: f.anchor === undefined ? 0.3 : 0.6,
  }
}

const ago = (f: MatchFacts): Resolution => {
  const unit = unitOf(f.text)
  const nearly = f.modifier ? `${f.modifier} ` : ''
  const rule = `"${nearly}${f.text}" before publication (${isoDay(f.published)})`
  if (unit === 'day') return { type: 'ago', date: oneDay(f.chronoDay), rule, confidence: 0.8 }
  if (unit === 'week') {
    const first = weekStart(f.chronoDay)
    return {
      type: 'ago',
      date: daySpan(first, first + 6, `Week of ${long(first)}`),
      rule,
      confidence: 0.5,
    }
  }
  // Counting months or years, a report fixes the month at best.
  const month = monthKey(f.chronoDay)
  return { type: 'ago', date: { start: month, precision: 'month' }, rule, confidence: 0.4 }
}

const recentSpan = (f: MatchFacts): Resolution | undefined => {
  if (f.published - f.chronoDay > MAX_SPAN_DAYS) return undefined
  return {
    type: 'recent-span',
    date: daySpan(f.chronoDay, f.published, `In the days before ${long(f.published)}`),
    rule: `"${f.text}": the days up to publication (${isoDay(f.published)})`,
    confidence: 0.3,
  }
}

const relativeUnit = (f: MatchFacts, which: string, unit: string): Resolution | undefined => {
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

const calendarDate = (f: MatchFacts): Resolution | undefined => {
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

/**
 * Resolves one chrono match, or `undefined` when it does not date a claim ("now", a bare time,
 * "over the past year").
 * @example resolveMatch(facts) // { type: 'weekday', date: { start: '2023-02-21', … }, … }
 */
export const resolveMatch = (f: MatchFacts): Resolution | undefined => {
  const t = f.text
  if (f.isEnglish && f.yearShift === undefined) {
    if (/^(?:right )?now$/.test(t)) return undefined
    // "for three days" and "his first trip in six years" are durations, not dates; "in six years"
    // dates something only when the verb is future ("will expire in six years").
    if (/^for\s/.test(t)) return undefined
    if (/^in\s+(?!recent\b)\S+\s+(?:day|week|month|year)s?$/.test(t) && f.tense === 'past') {
      return undefined
    }
    if (/^(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow)$/.test(t)) {
      const rule = `"${t}": relative to publication (${isoDay(f.published)})`
      return { type: 'casual-day', date: oneDay(f.chronoDay), rule, confidence: 0.9 }
    }
    if (
      /\b(?:earlier|later|before|after)$/.test(t) ||
      (/\bday$/.test(t) && /\b(previous|following|next|same)\b/.test(t)) ||
      /^the day (?:before|after)$/.test(t)
    ) {
      return anchored(f)
    }
    if (/\bago$/.test(t)) return ago(f)
    if (
      /\b(?:past|recent|last)\s+(?:\w+\s+)?(?:days|weeks|months|years)$/.test(t) ||
      /^(?:the )?past (?:day|week|month|year)$/.test(t)
    ) {
      return recentSpan(f)
    }
    const end = /^the end of (?:the|this) (year|month)$/.exec(t)
    if (end) return relativeUnit({ ...f, modifier: 'the end of' }, 'this', end[1]!)
    const relative = /\b(last|this|next|coming|past)\s+(week|month|year)$/.exec(t)
    if (relative) return relativeUnit(f, relative[1]!, relative[2]!)
  }
  if (f.start.isCertain('weekday') && !f.start.isCertain('day')) return weekday(f)
  return calendarDate(f)
}
