/**
 * @module timeline-svg/layout
 * The geometry of a time axis, with no DOM and no HTTP: events in, positions out. Shared by the
 * embed page (inline SVG above the list) and the `events.svg` format.
 *
 * - Time is proportional: one scale (px per day) for the whole axis, a single day is a dot in the
 *   middle of its day, a span is a bar from the start of its first day to the end of its last.
 *   Long empty stretches are compressed behind a fixed-width break (rule: `scale.ts`).
 * - Month- and year-precision dates, and approximate ones (“some day within”), are fuzzy ranges
 *   over every day they may cover; statuses other than `happened` are marked `tentative`, which
 *   the drawing shows hollow and dashed.
 * - Lanes group events (by country of the main actor, by kind, or one lane; see `lanes.ts`).
 *   Within a lane, marks are packed into rows first-fit in order of their left edge, longest
 *   first on ties, so no two marks (nor their labels, nor the lane's caption) overlap: interval
 *   colouring, which this order makes optimal.
 * - Labels: `inside` puts a bar's title in the bar when at least a few characters fit (the embed,
 *   whose list below carries every title); `beside` gives every mark its title, in the bar when
 *   it fits whole, else next to it (the standalone SVG, for print and slides).
 */
import type { EventDate, EventStatus } from '../model/schema.ts'
import { partialDateRange } from '../model/dates.ts'
import { brokenGaps, DEFAULT_BREAK_RULE, timeScale } from './scale.ts'
import type { AxisPiece, BreakRule, DayRange } from './scale.ts'
import { axisTicks } from './ticks.ts'
import type { Tick } from './ticks.ts'
import { fitText, textWidth } from './text-width.ts'

/** One event as the axis needs it. */
export interface AxisItem {
  id: string
  /** Accessible name: date and title. */
  name: string
  /** Text drawn on or beside the mark. */
  title: string
  date: Pick<EventDate, 'start' | 'end' | 'precision' | 'approximate'>
  status: EventStatus
  /** Key of its lane. */
  lane: string
}

export interface AxisLane {
  key: string
  /** Caption; empty for a single unnamed lane. */
  label: string
}

export type LegendKey = 'happened' | 'tentative' | 'fuzzy' | 'gap'

export interface LayoutOptions {
  /** Width in px (user units); the drawing may scale it. */
  width: number
  /** Locale of the tick labels. */
  locale: string
  /** Lanes in the order they are drawn; lanes without events are left out. */
  lanes: readonly AxisLane[]
  labels: 'inside' | 'beside'
  /**
   * Legend wording for each key; keys that apply to no mark are left out. No legend without it
   * (the embed writes its legend in HTML, where it wraps on any screen).
   */
  legend?: Record<LegendKey, string>
  breakRule?: BreakRule
}

export interface AxisMark {
  id: string
  name: string
  shape: 'point' | 'bar' | 'range'
  tentative: boolean
  /** First and last day covered (days since 1970-01-01). */
  first: number
  last: number
  /** Drawn extent; a point is centred on `(x0 + x1) / 2`. */
  x0: number
  x1: number
  y: number
  h: number
  lane: number
  row: number
  label?: { text: string; x: number; y: number; anchor: 'start' | 'end'; inside: boolean }
}

export interface LaneBox {
  key: string
  label: string
  y: number
  height: number
  rows: number
  /** Where the label starts (x, baseline y), when there is one. */
  caption?: { x: number; y: number }
}

export interface LegendEntry {
  key: LegendKey
  text: string
  /** Swatch at x, text from x + SWATCH + 4, baseline y. */
  x: number
  y: number
}

export interface AxisLayout {
  width: number
  height: number
  /** x range of time, and the y of the axis line. */
  plot: { x0: number; x1: number; axisY: number; top: number; bottom: number }
  pieces: AxisPiece[]
  pxPerDay: number
  ticks: Tick[]
  lanes: LaneBox[]
  marks: AxisMark[]
  legend: LegendEntry[]
}

/** Geometry, in px; fonts are the system stack. */
export const GEOMETRY = {
  padX: 8,
  font: 11,
  coarseY: 12,
  fineY: 26,
  axisY: 32,
  laneTop: 40,
  row: 18,
  bar: 12,
  radius: 5,
  laneGap: 8,
  breakWidth: 32,
  swatch: 16,
  legendRow: 18,
  /** Longest label beside a mark. */
  maxLabel: 220,
  /** Gap kept between neighbours in a row. */
  gap: 3,
  /** Rows per lane before marks share the last one (only with hundreds on one day). */
  maxRows: 40,
} as const

const G = GEOMETRY

/**
 * The days an event may cover.
 * @example itemDays({ start: '2023-02', precision: 'month' }) // { first: 19389, last: 19416 }
 */
export const itemDays = (date: AxisItem['date']): DayRange => {
  const start = partialDateRange(date.start)!
  const end = date.end ? partialDateRange(date.end)! : start
  return { first: start.first, last: Math.max(start.first, end.last) }
}

const precisionRank = { day: 0, month: 1, year: 2 } as const

/**
 * Where a lane's caption goes: at the left of the first row that is free there, else on a row of
 * its own (below the others), so captions always read down the left edge.
 */
const captionRow = (label: string, starts: readonly number[], x0: number): number => {
  const w = textWidth(label, G.font) + 2 * G.gap
  const row = starts.findIndex((start) => start >= x0 + w)
  return row >= 0 ? row : starts.length
}

interface Placed {
  item: AxisItem
  days: DayRange
  mark: AxisMark
  /** Occupied extent, label included. */
  a: number
  b: number
}

/**
 * Lays out an axis.
 * @example axisLayout(items, { width: 640, locale: 'en', lanes, labels: 'inside', legend })
 */
export const axisLayout = (items: readonly AxisItem[], options: LayoutOptions): AxisLayout => {
  const { width, locale } = options
  const days = items.map((item) => itemDays(item.date))
  const finest = Math.min(...items.map((i) => precisionRank[i.date.precision]))
  const anchors = days.filter((_, i) => precisionRank[items[i]!.date.precision] === finest)
  const domain: DayRange = days.length
    ? { first: Math.min(...days.map((d) => d.first)), last: Math.max(...days.map((d) => d.last)) }
    : { first: 0, last: 0 }
  const x0 = G.padX
  const x1 = width - G.padX
  const gaps = brokenGaps(anchors, domain, x1 - x0, G.breakWidth, options.breakRule)
  const scale = timeScale(domain, gaps, x0, x1, G.breakWidth)
  const ticks = items.length ? axisTicks(scale, { locale, fontSize: G.font, maxX: x1 }) : []

  const laneIndex = new Map<string, number>()
  const lanes = options.lanes.filter((lane) => items.some((i) => i.lane === lane.key))
  lanes.forEach((lane, i) => laneIndex.set(lane.key, i))
  const placed: Placed[][] = lanes.map(() => [])
  items.forEach((item, i) => {
    const d = days[i]!
    const fuzzy = item.date.precision !== 'day' || item.date.approximate === true
    const shape = fuzzy ? 'range' : d.first === d.last ? 'point' : 'bar'
    const left = scale.x(d.first)
    const right = scale.x(d.last + 1)
    const mid = (left + right) / 2
    const [m0, m1] =
      shape === 'point' ? [mid - G.radius, mid + G.radius] : [left, Math.max(right, left + 2)]
    const mark: AxisMark = {
      id: item.id,
      name: item.name,
      shape,
      tentative: item.status !== 'happened',
      first: d.first,
      last: d.last,
      x0: m0,
      x1: m1,
      y: 0,
      h: shape === 'point' ? 2 * G.radius : G.bar,
      lane: laneIndex.get(item.lane) ?? 0,
      row: 0,
    }
    let [a, b] = [m0, m1 + G.gap]
    // A label inside a bar is worth drawing whole, or with at least a dozen characters.
    const inside = shape === 'point' ? undefined : fitText(item.title, m1 - m0 - 8, G.font, 12)
    if (inside && (options.labels === 'inside' || inside === item.title)) {
      mark.label = { text: inside, x: m0 + 4, y: 0, anchor: 'start', inside: true }
    } else if (options.labels === 'beside') {
      const text = fitText(item.title, G.maxLabel, G.font) ?? item.title.slice(0, 1)
      const w = textWidth(text, G.font)
      if (m1 + 4 + w <= x1) {
        mark.label = { text, x: m1 + 4, y: 0, anchor: 'start', inside: false }
        b = m1 + 4 + w + G.gap
      } else {
        mark.label = { text, x: m0 - 4, y: 0, anchor: 'end', inside: false }
        a = m0 - 4 - w
      }
    }
    if (lanes.length) placed[mark.lane]!.push({ item, days: d, mark, a, b })
  })

  const laneBoxes: LaneBox[] = []
  const marks: AxisMark[] = []
  let y = G.laneTop
  lanes.forEach((lane, li) => {
    const list = placed[li]!.sort(
      (p, q) =>
        p.a - q.a || q.b - p.b || p.days.first - q.days.first || (p.item.id < q.item.id ? -1 : 1),
    )
    // Left and right ends of what each row holds.
    const starts: number[] = []
    const ends: number[] = []
    for (const p of list) {
      let row = ends.findIndex((end) => end <= p.a)
      if (row < 0) row = ends.length < G.maxRows ? ends.length : G.maxRows - 1
      starts[row] = Math.min(starts[row] ?? Infinity, p.a)
      ends[row] = Math.max(ends[row] ?? -Infinity, p.b)
      p.mark.row = row
    }
    const caption = lane.label ? captionRow(lane.label, starts, x0) : undefined
    const rows = Math.max(1, ends.length, caption === undefined ? 0 : caption + 1)
    for (const p of list) {
      const top = y + p.mark.row * G.row
      p.mark.y = top + (G.row - p.mark.h) / 2
      if (p.mark.label) p.mark.label.y = top + G.row / 2 + 4
    }
    laneBoxes.push({
      key: lane.key,
      label: lane.label,
      y,
      height: rows * G.row,
      rows,
      ...(caption !== undefined && { caption: { x: x0, y: y + caption * G.row + G.row / 2 + 4 } }),
    })
    y += rows * G.row + G.laneGap
    marks.push(...list.map((p) => p.mark))
  })
  // With no events, one empty row, where the drawing says so.
  const bottom = lanes.length ? y - G.laneGap : G.laneTop + G.row

  const present: Record<LegendKey, boolean> = {
    happened: marks.some((m) => !m.tentative),
    tentative: marks.some((m) => m.tentative),
    fuzzy: marks.some((m) => m.shape === 'range'),
    gap: scale.pieces.some((p) => p.broken),
  }
  const legend: LegendEntry[] = []
  let lx = x0
  let ly = bottom + G.legendRow
  for (const key of ['happened', 'tentative', 'fuzzy', 'gap'] as const) {
    if (!present[key] || !options.legend) continue
    const text = options.legend[key]
    const w = G.swatch + 4 + textWidth(text, G.font)
    if (lx > x0 && lx + w > x1) {
      lx = x0
      ly += G.legendRow
    }
    legend.push({ key, text, x: lx, y: ly })
    lx += w + 14
  }
  return {
    width,
    height: Math.ceil((legend.length ? ly : bottom) + 8),
    plot: { x0, x1, axisY: G.axisY, top: G.laneTop, bottom },
    pieces: scale.pieces,
    pxPerDay: scale.pxPerDay,
    ticks,
    lanes: laneBoxes,
    marks: marks.sort((p, q) => p.first - q.first || p.x0 - q.x0 || (p.id < q.id ? -1 : 1)),
    legend,
  }
}
