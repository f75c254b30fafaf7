/**
 * @module scripts/lib/draft/publication
 * Checks a publication date against the article's own weekday words, and proposes one that fits
 * when it does not. A report is written after the weekdays it tells in the past tense and before
 * those it announces: "arrived on Tuesday" and "will meet on Wednesday" put the writing on Tuesday,
 * so a header dated on a Wednesday is wrong (the reporter would have written "later on Wednesday").
 */
import { dayFrom, dayOf, isoDay, weekdayNumber, ymd } from './calendar.ts'
import type { Tense } from './tense.ts'

/** A bare weekday word of the article ("on Tuesday", not "last Tuesday") and its tense. */
export interface WeekdayWord {
  weekday: number
  tense: Tense
  /** The expression and where it is, for messages: `"on Wednesday" (line 15)`. */
  where: string
}

export interface PublicationCheck {
  date: string
  fits: boolean
  /** Why the date does not fit. */
  problem?: string
  /** The date that fits best, when this one does not. */
  proposed?: string
  /** Why the proposal was chosen over the alternatives. */
  proposedBecause?: string
  alternatives: string[]
}

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
/** Years tried for a header with the right day and month but the wrong year, nearest first. */
const YEAR_SHIFTS = [-1, 1, -2, 2, -3, 3]

/** How far a publication weekday is from the words: days back to the latest past one, plus days
 *  ahead (beyond the next day) to the first future one. 0: written the day of the latest news. */
const distance = (weekday: number, words: readonly WeekdayWord[]): number => {
  const past = words.filter((w) => w.tense === 'past').map((w) => (weekday - w.weekday + 7) % 7)
  const future = words.filter((w) => w.tense === 'future').map((w) => (w.weekday - weekday + 7) % 7)
  return (past.length ? Math.min(...past) : 0) + (future.length ? Math.min(...future) - 1 : 0)
}

/** The future-tense weekday word that a publication on `weekday` contradicts, if any. */
const contradiction = (weekday: number, words: readonly WeekdayWord[]) =>
  words.find((w) => w.tense === 'future' && w.weekday === weekday)

/**
 * Checks `date` (YYYY-MM-DD) against the weekday words and proposes a date that fits if it does
 * not: the same day and month in the nearest year first (a scraped header usually has the right
 * day but the year it was scraped or republished), else the nearest fitting day.
 * @example
 * checkPublicationDate('2024-02-21', [{ weekday: 3, tense: 'future', where: '"on Wednesday"' }, …])
 * // { fits: false, proposed: '2023-02-21', … }
 */
export const checkPublicationDate = (
  date: string,
  words: readonly WeekdayWord[],
): PublicationCheck => {
  const day = dayOf(date)
  const weekday = weekdayNumber(day)
  const against = contradiction(weekday, words)
  if (!against) return { date, fits: true, alternatives: [] }
  const candidates = [0, 1, 2, 3, 4, 5, 6].filter((d) => !contradiction(d, words))
  const best = Math.min(...candidates.map((d) => distance(d, words)))
  const fitting = new Set(candidates.filter((d) => distance(d, words) === best))
  const problem =
    `${date} is a ${NAMES[weekday]}, but the article says ${against.where} in the future tense, ` +
    `so it was written before a ${NAMES[weekday]}; its weekday words fit a ` +
    `${[...fitting].map((d) => NAMES[d]).join(' or ')}`
  const { year, month, date: dom } = ymd(day)
  const sameDay = YEAR_SHIFTS.map((k) => dayFrom(year + k, month, dom)).filter(
    (d) => ymd(d).date === dom && fitting.has(weekdayNumber(d)),
  )
  const nearby = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6]
    .map((k) => day + k)
    .filter((d) => fitting.has(weekdayNumber(d)))
  const proposed = sameDay[0] ?? nearby[0]!
  const proposedBecause =
    sameDay[0] !== undefined
      ? `the same day and month in the nearest year that fits (${NAMES[weekdayNumber(proposed)]})`
      : `the nearest ${NAMES[weekdayNumber(proposed)]}`
  const alternatives = [...sameDay, ...nearby.slice(0, 2)].filter((d) => d !== proposed).map(isoDay)
  return { date, fits: false, problem, proposed: isoDay(proposed), proposedBecause, alternatives }
}
