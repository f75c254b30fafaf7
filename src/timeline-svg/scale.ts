/**
 * @module timeline-svg/scale
 * Days → x on a time axis that is proportional everywhere except in long empty stretches, which
 * are compressed behind an axis break of fixed width.
 *
 * The break rule (documented in the README too):
 * - *Anchors* are the day ranges of the events dated at the finest precision present (day, if any
 *   event has a day). Coarser events (“January 2023”) are fuzzy ranges drawn wherever their days
 *   fall, even across a break: they neither need room nor keep a gap open.
 * - A *gap* is a run of days between merged anchors (and before the first / after the last anchor
 *   when a fuzzy range reaches beyond them) in which no anchor lies.
 * - A gap is broken when it is at least `minDays` long and longer than `factor` times the median
 *   gap between consecutive anchor starts (so a timeline of evenly spread events keeps its true
 *   proportions, and one dense week among months of quiet does not), longest gaps first, at most
 *   `maxBreaks` of them, and only while a break saves room (the gap would be drawn at least twice
 *   as wide as the break).
 * - One scale (px per day) holds on the whole axis, so every span is drawn in proportion to its
 *   duration; a break is `breakWidth` px, inside which days map linearly onto the break.
 */

/** Days since 1970-01-01, `first` and `last` inclusive. */
export interface DayRange {
  first: number
  last: number
}

export interface BreakRule {
  /** A gap must be longer than `factor` × the median gap between consecutive anchor starts… */
  factor: number
  /** …and at least this many days. */
  minDays: number
  maxBreaks: number
}

/** Two weeks, five times the usual spacing, at most six breaks. */
export const DEFAULT_BREAK_RULE: BreakRule = { factor: 5, minDays: 14, maxBreaks: 6 }

/** A stretch of the axis: days `[first, end)` drawn over `[x0, x1)`. */
export interface AxisPiece {
  first: number
  end: number
  x0: number
  x1: number
  /** A compressed gap rather than time at scale. */
  broken: boolean
}

export interface TimeScale {
  pieces: AxisPiece[]
  /** px per day on the unbroken pieces. */
  pxPerDay: number
  /** x of the start of a day (days past the ends extrapolate at scale). */
  x(day: number): number
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Overlapping or touching ranges merged, in order.
 * @example mergeRanges([{ first: 3, last: 4 }, { first: 0, last: 2 }]) // [{ first: 0, last: 4 }]
 */
export const mergeRanges = (ranges: readonly DayRange[]): DayRange[] => {
  const sorted = [...ranges].sort((a, b) => a.first - b.first || a.last - b.last)
  const out: DayRange[] = []
  for (const r of sorted) {
    const top = out[out.length - 1]
    if (top && r.first <= top.last + 1) top.last = Math.max(top.last, r.last)
    else out.push({ ...r })
  }
  return out
}

/**
 * The gaps the rule compresses, as day ranges `[first, end)`, in order.
 * @example brokenGaps([{first:0,last:0},{first:300,last:300}], {first:0,last:300}, 1000, 24)
 */
export const brokenGaps = (
  anchors: readonly DayRange[],
  domain: DayRange,
  width: number,
  breakWidth: number,
  rule: BreakRule = DEFAULT_BREAK_RULE,
): { first: number; end: number }[] => {
  const merged = mergeRanges(anchors)
  if (merged.length === 0) return []
  const gaps: { first: number; end: number }[] = []
  if (domain.first < merged[0]!.first) gaps.push({ first: domain.first, end: merged[0]!.first })
  for (let i = 1; i < merged.length; i++) {
    gaps.push({ first: merged[i - 1]!.last + 1, end: merged[i]!.first })
  }
  const last = merged[merged.length - 1]!.last
  if (domain.last > last) gaps.push({ first: last + 1, end: domain.last + 1 })
  const starts = anchors.map((a) => a.first).sort((a, b) => a - b)
  const spacing = median(starts.slice(1).map((s, i) => s - starts[i]!))
  const threshold = Math.max(rule.minDays, rule.factor * spacing)
  const candidates = gaps
    .filter((g) => g.end - g.first >= threshold)
    .sort((a, b) => b.end - b.first - (a.end - a.first) || a.first - b.first)
  const total = domain.last + 1 - domain.first
  const chosen: { first: number; end: number }[] = []
  let brokenDays = 0
  for (const gap of candidates) {
    if (chosen.length >= rule.maxBreaks) break
    const days = gap.end - gap.first
    const scale = (width - (chosen.length + 1) * breakWidth) / (total - brokenDays - days)
    // Longest first: the first gap that does not pay for its break ends the search, as shorter
    // ones would pay even less.
    if (!(scale > 0) || days * scale < 2 * breakWidth) break
    chosen.push(gap)
    brokenDays += days
  }
  return chosen.sort((a, b) => a.first - b.first)
}

/**
 * The scale of an axis over `domain` drawn from `x0` to `x1`, with the given gaps broken.
 * @example timeScale({ first: 0, last: 9 }, [], 0, 100, 20).x(5) // 50
 */
export const timeScale = (
  domain: DayRange,
  gaps: readonly { first: number; end: number }[],
  x0: number,
  x1: number,
  breakWidth: number,
): TimeScale => {
  const total = domain.last + 1 - domain.first
  const brokenDays = gaps.reduce((sum, g) => sum + g.end - g.first, 0)
  const pxPerDay = Math.max(0, x1 - x0 - gaps.length * breakWidth) / Math.max(1, total - brokenDays)
  const pieces: AxisPiece[] = []
  let day = domain.first
  let at = x0
  const add = (end: number, broken: boolean) => {
    if (end <= day) return
    const w = broken ? breakWidth : (end - day) * pxPerDay
    pieces.push({ first: day, end, x0: at, x1: at + w, broken })
    day = end
    at += w
  }
  for (const gap of gaps) {
    add(gap.first, false)
    add(gap.end, true)
  }
  add(domain.last + 1, false)
  const x = (d: number): number => {
    if (pieces.length === 0) return x0
    if (d <= pieces[0]!.first) return pieces[0]!.x0 - (pieces[0]!.first - d) * pxPerDay
    // Binary search for the piece holding d: axes with many events call this often.
    let lo = 0
    let hi = pieces.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (pieces[mid]!.first <= d) lo = mid
      else hi = mid - 1
    }
    const p = pieces[lo]!
    if (d >= p.end) return p.x1 + (d - p.end) * pxPerDay
    return p.x0 + ((d - p.first) / (p.end - p.first)) * (p.x1 - p.x0)
  }
  return { pieces, pxPerDay, x }
}
