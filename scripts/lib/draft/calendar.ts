/**
 * @module scripts/lib/draft/calendar
 * Day arithmetic for the draft tool, on day numbers (days since 1970-01-01, UTC) like the model's
 * own `dates.ts`, so resolved dates compare with the validator's without time-zone drift.
 */
import { isoDay, partialDateRange } from '../../../src/model/dates.ts'
import type { EventDate } from '../../../src/model/schema.ts'

export { isoDay }

/**
 * Day number of an ISO day (YYYY-MM-DD); throws on anything else, since callers pass checked input.
 * @example dayOf('1970-01-02') // 1
 */
export const dayOf = (iso: string): number => {
  const range = partialDateRange(iso)
  if (!range || range.first !== range.last) throw new Error(`not a real day: "${iso}"`)
  return range.first
}

/**
 * Weekday of a day number, 0 = Sunday … 6 = Saturday (chrono's and `Date#getUTCDay`'s numbering).
 * @example weekdayNumber(dayOf('2023-02-21')) // 2 (a Tuesday)
 */
export const weekdayNumber = (day: number): number => (((day + 4) % 7) + 7) % 7

/**
 * Year, month (1–12) and day of the month of a day number.
 * @example ymd(0) // { year: 1970, month: 1, date: 1 }
 */
export const ymd = (day: number): { year: number; month: number; date: number } => {
  const d = new Date(day * 86_400_000)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() }
}

/**
 * Day number of a calendar date; `date` may overflow (32 January is 1 February) on purpose.
 * @example isoDay(dayFrom(2023, 1, 32)) // '2023-02-01'
 */
export const dayFrom = (year: number, month: number, date: number): number =>
  Date.UTC(year, month - 1, date) / 86_400_000

/**
 * Monday of the ISO week (Monday to Sunday) that contains `day`.
 * @example isoDay(weekStart(dayOf('2023-02-26'))) // '2023-02-20'
 */
export const weekStart = (day: number): number => day - ((weekdayNumber(day) + 6) % 7)

/**
 * Last day of the month that contains `day`.
 * @example isoDay(monthEnd(dayOf('2024-02-10'))) // '2024-02-29'
 */
export const monthEnd = (day: number): number => {
  const { year, month } = ymd(day)
  return dayFrom(year, month + 1, 0)
}

/**
 * YYYY-MM of the month `offset` months from the one containing `day`.
 * @example monthKey(dayOf('2023-01-15'), -1) // '2022-12'
 */
export const monthKey = (day: number, offset = 0): string => {
  const { year, month } = ymd(day)
  return isoDay(dayFrom(year, month + offset, 1)).slice(0, 7)
}

/**
 * An approximate span of days as an event date: `on some day between first and last`.
 * @example daySpan(19404, 19410, 'Last week') // { start: '2023-02-13', end: '2023-02-19', … }
 */
export const daySpan = (first: number, last: number, display?: string): EventDate => ({
  start: isoDay(first),
  ...(last > first ? { end: isoDay(last) } : {}),
  precision: 'day',
  ...(last > first ? { approximate: true } : {}),
  ...(display ? { display } : {}),
})

/**
 * One day, exactly.
 * @example oneDay(0) // { start: '1970-01-01', precision: 'day' }
 */
export const oneDay = (day: number): EventDate => ({ start: isoDay(day), precision: 'day' })
