/**
 * @module scripts/lib/draft/resolve
 * The rules that turn one expression chrono found into a dated claim, the way a news report means
 * it: "on Tuesday" is the most recent Tuesday on or before publication (the next one when the verb
 * is future), "last week" is the calendar week before, "later this year" is the rest of the year,
 * "two days earlier" counts from the date mentioned before it (periods and calendar dates are in
 * resolve-periods.ts). Pure: day numbers in, dates out.
 */
import type { ParsedComponents } from 'chrono-node'
import type { EventDate } from '../../../src/model/schema.ts'
import { daySpan, isoDay, monthKey, oneDay, weekdayNumber, weekStart } from './calendar.ts'
import type { Tense } from './tense.ts'
import { calendarDate, relativeUnit } from './resolve-periods.ts'

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
  if (!f.isEnglish) {
    const rule = 'tense not read (English rules only): the most recent one on or before publication'
    return on(f.published - back, rule, 0.5)
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
