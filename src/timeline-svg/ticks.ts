/**
 * @module timeline-svg/ticks
 * Tick marks and their labels for a time scale, in two rows: a fine row (days, months or years,
 * at the densest step whose labels fit) and a coarse row that names the month or year the fine
 * labels belong to, at each change and at the start of every stretch after a break. Labels come
 * from `Intl.DateTimeFormat` in UTC, so they follow the `lang` option and never shift by a day.
 * A label that would overlap one already placed is dropped; stretch starts are placed first.
 */
import type { TimeScale } from './scale.ts'
import { textWidth } from './text-width.ts'

export type TickUnit = 'day' | 'month' | 'year'

export interface Tick {
  x: number
  /** Day number of the tick (a boundary, or the first day after a break). */
  day: number
  /** 0: fine row, 1: coarse row. */
  row: 0 | 1
  /** The label, when there was room for it. */
  label?: string
  /** Label extent, for overlap checks. */
  labelX0?: number
  labelX1?: number
}

export interface TickOptions {
  locale: string
  fontSize: number
  /** Labels must end before this x. */
  maxX: number
  /** Space kept between labels. */
  spacing?: number
}

const STEPS: readonly { unit: TickUnit; step: number; days: number }[] = [
  ...[1, 2, 5, 10].map((step) => ({ unit: 'day' as const, step, days: step })),
  ...[1, 3, 6].map((step) => ({ unit: 'month' as const, step, days: 30.4 * step })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((step) => ({
    unit: 'year' as const,
    step,
    days: 365.25 * step,
  })),
]

const FINE: Record<TickUnit, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric' },
  month: { month: 'short' },
  year: { year: 'numeric' },
}
const COARSE: Record<TickUnit, Intl.DateTimeFormatOptions | undefined> = {
  day: { month: 'short', year: 'numeric' },
  month: { year: 'numeric' },
  year: undefined,
}

const MS_PER_DAY = 86_400_000
const utc = (day: number) => new Date(day * MS_PER_DAY)
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m, d) / MS_PER_DAY

const formatter = (locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options })

/** Boundaries of a unit and step in `[first, end)`, as day numbers. */
const boundaries = (unit: TickUnit, step: number, first: number, end: number): number[] => {
  const out: number[] = []
  const start = utc(first)
  let y = start.getUTCFullYear()
  let m = start.getUTCMonth()
  if (unit === 'day') {
    for (let d = first; d < end; d++) {
      const date = utc(d)
      const dom = date.getUTCDate()
      const monthDays = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0))
      // Keep a whole half step before the month ends, so "31" never crowds the next "1".
      if ((dom - 1) % step === 0 && dom - 1 + step / 2 < monthDays.getUTCDate()) out.push(d)
    }
  } else if (unit === 'month') {
    for (let d = dayOf(y, m, 1); d < end; d = dayOf(y, ++m, 1)) {
      if (d >= first && utc(d).getUTCMonth() % step === 0) out.push(d)
    }
  } else {
    y = Math.ceil(y / step) * step
    for (let d = dayOf(y, 0, 1); d < end; y += step, d = dayOf(y, 0, 1)) {
      if (d >= first) out.push(d)
    }
  }
  return out
}

/** The widest fine label of a unit, measured on samples. */
const widestLabel = (fmt: Intl.DateTimeFormat, unit: TickUnit, size: number): number => {
  const samples =
    unit === 'day'
      ? [dayOf(2000, 0, 28)]
      : unit === 'month'
        ? Array.from({ length: 12 }, (_, i) => dayOf(2000, i, 1))
        : [dayOf(2000, 0, 1)]
  return Math.max(...samples.map((d) => textWidth(fmt.format(utc(d)), size)))
}

/**
 * The densest unit and step whose labels fit at this scale.
 * @example chooseStep(30, 'en', 11) // { unit: 'day', step: 1, … }
 */
export const chooseStep = (pxPerDay: number, locale: string, fontSize: number, spacing = 8) =>
  STEPS.find((s) => {
    const width = widestLabel(formatter(locale, FINE[s.unit]), s.unit, fontSize)
    return s.days * pxPerDay >= width + spacing
  }) ?? STEPS[STEPS.length - 1]!

/**
 * Ticks for every unbroken stretch of a scale, with the labels that fit.
 * @example axisTicks(scale, { locale: 'de', fontSize: 11, maxX: 640 })
 */
export const axisTicks = (scale: TimeScale, options: TickOptions): Tick[] => {
  const { locale, fontSize, maxX, spacing = 6 } = options
  const { unit, step } = chooseStep(scale.pxPerDay, locale, fontSize)
  const fine = formatter(locale, FINE[unit])
  const coarseOptions = COARSE[unit]
  const coarse = coarseOptions && formatter(locale, coarseOptions)
  const coarseUnit: TickUnit = unit === 'day' ? 'month' : 'year'
  // A month label that does not fit may drop its year when the label before it has that year.
  const short = unit === 'day' ? formatter(locale, FINE.month) : undefined
  const starts: Tick[] = []
  const rest: Tick[] = []
  for (const piece of scale.pieces) {
    if (piece.broken) continue
    const marks = boundaries(unit, step, piece.first, piece.end)
    const fineStart = unit === 'day' && marks[0] !== piece.first
    for (const day of fineStart ? [piece.first, ...marks] : marks) {
      const tick: Tick = { x: scale.x(day), day, row: 0, label: fine.format(utc(day)) }
      ;(day === piece.first ? starts : rest).push(tick)
    }
    if (!coarse) continue
    const changes = boundaries(coarseUnit, 1, piece.first, piece.end)
    for (const day of changes[0] === piece.first ? changes : [piece.first, ...changes]) {
      const tick: Tick = { x: scale.x(day), day, row: 1, label: coarse.format(utc(day)) }
      ;(day === piece.first ? starts : rest).push(tick)
    }
  }
  const placed: [Tick[], Tick[]] = [[], []]
  const free = (row: Tick[], x0: number, x1: number) =>
    x1 <= maxX &&
    !row.some(
      (t) => t.labelX0 !== undefined && x0 < t.labelX1! + spacing && t.labelX0 < x1 + spacing,
    )
  const year = (day: number) => utc(day).getUTCFullYear()
  const place = (tick: Tick, label: string): boolean => {
    const x0 = tick.x + 3
    const x1 = x0 + textWidth(label, fontSize)
    if (!free(placed[tick.row], x0, x1)) return false
    Object.assign(tick, { label, labelX0: x0, labelX1: x1 })
    placed[tick.row].push(tick)
    return true
  }
  for (const tick of [...starts, ...rest]) {
    if (place(tick, tick.label!)) continue
    if (tick.row === 1 && short) {
      const before = placed[1].filter((t) => t.x < tick.x).sort((a, b) => b.x - a.x)[0]
      if (before && year(before.day) === year(tick.day) && place(tick, short.format(utc(tick.day))))
        continue
    }
    if (tick.row === 0) {
      // A fine tick without room for its label keeps its mark; a coarse one is dropped.
      delete tick.label
      placed[0].push(tick)
    }
  }
  return [...placed[0], ...placed[1]].sort((a, b) => a.row - b.row || a.x - b.x)
}
