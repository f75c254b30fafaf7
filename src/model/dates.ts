/**
 * @module model/dates
 * Partial calendar dates (YYYY, YYYY-MM, YYYY-MM-DD) as day ranges. Pure and allocation-light:
 * the query layer compares day numbers, never Date objects, on the request path.
 */

const MS_PER_DAY = 86_400_000
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const

/** A closed range of days since 1970-01-01 (UTC). */
export interface DayRange {
  first: number
  last: number
}

/** Days since the epoch for a real calendar day, or `undefined` for 2023-02-30 and friends. */
const dayNumber = (year: number, month: number, day: number): number | undefined => {
  const ms = Date.UTC(year, month - 1, day)
  const check = new Date(ms)
  if (
    year < 1 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return undefined
  }
  return ms / MS_PER_DAY
}

/** Ranges already worked out, by text: query bounds repeat (`from=2023-02`), Dates are slow. */
const ranges = new Map<string, DayRange | undefined>()
/** Texts remembered at most (each under 11 characters); past it the memo starts over. */
const MAX_RANGES = 4096

/**
 * The days a partial date covers: a whole year, a whole month or one day. The result is shared
 * (frozen): callers read it, never change it.
 * @example partialDateRange('2023-02') // { first: 19389, last: 19416 }
 * @returns `undefined` when the text is not a real date.
 */
export const partialDateRange = (text: string): DayRange | undefined => {
  if (ranges.has(text)) return ranges.get(text)
  if (ranges.size >= MAX_RANGES) ranges.clear()
  const range = parseRange(text)
  ranges.set(text, range && Object.freeze(range))
  return range
}

const parseRange = (text: string): DayRange | undefined => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text)
  if (!match) return undefined
  const year = Number(match[1])
  if (match[2] === undefined) {
    const first = dayNumber(year, 1, 1)
    const last = dayNumber(year, 12, 31)
    return first === undefined || last === undefined ? undefined : { first, last }
  }
  const month = Number(match[2])
  if (match[3] === undefined) {
    const first = dayNumber(year, month, 1)
    if (first === undefined) return undefined
    const last = dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)
    return last === undefined ? undefined : { first, last: last - 1 }
  }
  const day = dayNumber(year, month, Number(match[3]))
  return day === undefined ? undefined : { first: day, last: day }
}

/** The precision a partial date is written at. */
export const precisionOf = (text: string): 'year' | 'month' | 'day' =>
  text.length === 4 ? 'year' : text.length === 7 ? 'month' : 'day'

/** ISO date (YYYY-MM-DD) of a day number. */
export const isoDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10)

/** Weekday name (lowercase English) of a day number. */
export const weekdayOf = (day: number): (typeof WEEKDAYS)[number] =>
  WEEKDAYS[(((day + 4) % 7) + 7) % 7]!
