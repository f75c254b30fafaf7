/**
 * @module tests/unit/axis-layout.test
 * The time axis geometry (`src/timeline-svg/layout.ts`), on the shipped timeline and on
 * fast-check's synthetic ones: a mark per event, chronological order, spans in proportion to
 * their durations, the break rule, the tour's share of the axis, and nothing overlapping (marks,
 * labels, lane captions, tick labels, legend).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { loadDataDir } from '../../scripts/lib/data-files.ts'
import { createDataset } from '../../src/model/dataset.ts'
import type { ResolvedEvent } from '../../src/model/dataset.ts'
import { axisLayout, GEOMETRY, itemDays } from '../../src/timeline-svg/layout.ts'
import type {
  AxisItem,
  AxisLayout,
  AxisMark,
  LayoutOptions,
} from '../../src/timeline-svg/layout.ts'
import { axisItems, axisLanes, LANE_MODES } from '../../src/timeline-svg/lanes.ts'
import type { LaneMode } from '../../src/timeline-svg/lanes.ts'
import { DEFAULT_BREAK_RULE } from '../../src/timeline-svg/scale.ts'
import { textWidth } from '../../src/timeline-svg/text-width.ts'
import { stringsFor } from '../../src/i18n/embed-strings.ts'

const LEGEND = {
  happened: 'Happened',
  tentative: 'Scheduled, expected, possible or reported',
  fuzzy: 'Month, year or approximate date',
  gap: 'Time left out',
}

let events: ResolvedEvent[]
beforeAll(async () => {
  const { dataset } = await loadDataDir()
  const data = createDataset({ version: 'test', ...dataset! })
  events = data.timelines.get('wang-yi-moscow-2023')!.events.map((e) => e.event)
})

const layoutOf = (
  list: readonly ResolvedEvent[],
  mode: LaneMode,
  width: number,
  labels: LayoutOptions['labels'] = 'inside',
  locale = 'en',
) => {
  const names = { locale, kinds: stringsFor(locale).strings.kinds, other: 'Other' }
  return axisLayout(
    axisItems(list, mode, (e) => `${e.date.start}: ${e.title}`),
    { width, locale, lanes: axisLanes(list, mode, names), labels, legend: LEGEND },
  )
}

/** Where a mark stands in time: a point's centre, a span's start. */
const anchorX = (m: AxisMark) => (m.shape === 'point' ? (m.x0 + m.x1) / 2 : m.x0)

/** What a mark occupies in its row: its shape and its label. */
const occupied = (m: AxisMark): [number, number] => {
  if (!m.label || m.label.inside) return [m.x0, m.x1]
  const w = textWidth(m.label.text, GEOMETRY.font)
  return m.label.anchor === 'start'
    ? [m.x0, Math.max(m.x1, m.label.x + w)]
    : [Math.min(m.x0, m.label.x - w), m.x1]
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1]

/** Every invariant the layout promises, for any input. */
const checkInvariants = (layout: AxisLayout, items: readonly AxisItem[]) => {
  expect(layout.marks).toHaveLength(items.length)
  expect(new Set(layout.marks.map((m) => m.id))).toEqual(new Set(items.map((i) => i.id)))
  // Chronological: an event that starts later never stands further left.
  for (const a of layout.marks) {
    for (const b of layout.marks) {
      if (a.first < b.first) expect(anchorX(a), `${a.id} / ${b.id}`).toBeLessThanOrEqual(anchorX(b))
    }
  }
  // Proportional: a span on unbroken time is exactly as long as it lasts.
  for (const m of layout.marks) {
    if (m.shape === 'point') continue
    const crosses = layout.pieces.some((p) => p.broken && p.first <= m.last && m.first < p.end)
    if (crosses) continue
    const days = m.last + 1 - m.first
    expect(m.x1 - m.x0).toBeCloseTo(Math.max(days * layout.pxPerDay, 2), 6)
  }
  // Inside the drawing.
  for (const m of layout.marks) {
    expect(m.x0).toBeGreaterThanOrEqual(0)
    expect(m.x1).toBeLessThanOrEqual(layout.width)
    const lane = layout.lanes[m.lane]!
    expect(m.y).toBeGreaterThanOrEqual(lane.y)
    expect(m.y + m.h).toBeLessThanOrEqual(lane.y + lane.height)
  }
  // No overlaps in a row: marks, labels, the lane's caption.
  layout.lanes.forEach((lane, li) => {
    for (let row = 0; row < lane.rows; row++) {
      const boxes = layout.marks
        .filter((m) => m.lane === li && m.row === row)
        .map((m) => [occupied(m), m.id] as const)
      if (
        lane.caption &&
        lane.y + row * GEOMETRY.row < lane.caption.y &&
        lane.caption.y <= lane.y + (row + 1) * GEOMETRY.row
      ) {
        const w = textWidth(lane.label, GEOMETRY.font)
        boxes.push([[lane.caption.x, lane.caption.x + w], `caption ${lane.label}`])
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlaps(boxes[i]![0], boxes[j]![0]), `${boxes[i]![1]} / ${boxes[j]![1]}`).toBe(
            false,
          )
        }
      }
    }
  })
  // Lanes stack without overlapping.
  for (let i = 1; i < layout.lanes.length; i++) {
    const prev = layout.lanes[i - 1]!
    expect(layout.lanes[i]!.y).toBeGreaterThanOrEqual(prev.y + prev.height)
  }
  // Tick labels: apart within a row, inside the drawing.
  for (const row of [0, 1]) {
    const labels = layout.ticks.filter((t) => t.row === row && t.label)
    for (const t of labels) {
      expect(t.labelX0!).toBeGreaterThanOrEqual(0)
      expect(t.labelX1!).toBeLessThanOrEqual(layout.width)
    }
    for (let i = 1; i < labels.length; i++) {
      expect(labels[i]!.labelX0!).toBeGreaterThanOrEqual(labels[i - 1]!.labelX1!)
    }
  }
  // Legend entries apart.
  const legend = layout.legend.map(
    (e) =>
      [e.y, [e.x, e.x + GEOMETRY.swatch + 4 + textWidth(e.text, GEOMETRY.font)]] as [
        number,
        [number, number],
      ],
  )
  for (let i = 0; i < legend.length; i++) {
    for (let j = i + 1; j < legend.length; j++) {
      if (legend[i]![0] === legend[j]![0])
        expect(overlaps(legend[i]![1], legend[j]![1])).toBe(false)
    }
  }
  expect(layout.height).toBeGreaterThan(Math.max(...legend.map((l) => l[0]), layout.plot.bottom))
  // Breaks: only over days no finest-precision event touches, each at least the minimum.
  const rank = { day: 0, month: 1, year: 2 }
  const finest = Math.min(...items.map((i) => rank[i.date.precision]))
  for (const p of layout.pieces.filter((p) => p.broken)) {
    expect(p.end - p.first).toBeGreaterThanOrEqual(DEFAULT_BREAK_RULE.minDays)
    for (const item of items) {
      if (rank[item.date.precision] !== finest) continue
      const d = itemDays(item.date)
      expect(d.last < p.first || d.first >= p.end, item.id).toBe(true)
    }
  }
}

describe('the axis of the shipped timeline', () => {
  it.each(LANE_MODES.flatMap((mode) => [320, 640, 1280].map((w) => [mode, w] as const)))(
    'keeps every invariant with lanes=%s at %i px',
    (mode, width) => {
      for (const labels of ['inside', 'beside'] as const) {
        const layout = layoutOf(events, mode, width, labels)
        checkInvariants(
          layout,
          axisItems(events, mode, (e) => e.title),
        )
      }
    },
  )

  it('gives the 9-day tour at least a quarter of the axis at 1280 px, and at 640', () => {
    for (const width of [640, 1280]) {
      const layout = layoutOf(events, 'country', width)
      const tour = layout.marks.find((m) => m.id === 'wang-yi-european-tour')!
      expect(tour.last - tour.first + 1).toBe(9)
      expect((tour.x1 - tour.x0) / (layout.plot.x1 - layout.plot.x0)).toBeGreaterThanOrEqual(0.25)
    }
  })

  it('compresses the year before the tour and the weeks around it behind three breaks', () => {
    const layout = layoutOf(events, 'country', 640)
    const breaks = layout.pieces.filter((p) => p.broken)
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10)
    expect(breaks.map((p) => [iso(p.first), iso(p.end - 1)])).toEqual([
      ['2022-02-25', '2022-12-29'],
      ['2022-12-31', '2023-02-13'],
      ['2023-02-28', '2023-03-19'],
    ])
    // January 2023 (month precision) is a fuzzy range drawn inside the second break.
    const january = layout.marks.find((m) => m.id === 'wang-yi-appointed-foreign-policy-chief')!
    expect(january.shape).toBe('range')
    expect(january.x0).toBeGreaterThanOrEqual(breaks[1]!.x0)
    expect(january.x1).toBeLessThanOrEqual(breaks[1]!.x1)
  })

  it('draws statuses other than happened as tentative and approximate dates as ranges', () => {
    const layout = layoutOf(events, 'country', 640)
    for (const e of events) {
      const m = layout.marks.find((m) => m.id === e.id)!
      expect(m.tentative, e.id).toBe(e.status !== 'happened')
      const fuzzy = e.date.precision !== 'day' || e.date.approximate === true
      expect(m.shape, e.id).toBe(fuzzy ? 'range' : e.date.end ? 'bar' : 'point')
    }
    expect(layout.legend.map((l) => l.key)).toEqual(['happened', 'tentative', 'fuzzy', 'gap'])
  })

  it('groups by the country of the main actor, busiest first, in the reader’s language', () => {
    expect(layoutOf(events, 'country', 640).lanes.map((l) => l.label)).toEqual([
      'China',
      'United States',
      'Russia',
      'Germany',
    ])
    expect(layoutOf(events, 'country', 640, 'inside', 'de').lanes[1]!.label).toBe(
      'Vereinigte Staaten',
    )
    expect(layoutOf(events, 'none', 640).lanes).toHaveLength(1)
    expect(layoutOf(events, 'kind', 640).lanes.length).toBe(new Set(events.map((e) => e.kind)).size)
  })

  it('labels a stretch after each break with its month, in the requested locale', () => {
    const en = layoutOf(events, 'country', 640).ticks.filter((t) => t.row === 1 && t.label)
    expect(en.map((t) => t.label)).toEqual(['Feb 2022', 'Dec 2022', 'Feb 2023', 'Mar 2023'])
    const zh = layoutOf(events, 'country', 1280, 'inside', 'zh').ticks.filter((t) => t.label)
    expect(zh.some((t) => t.label === '2023年2月')).toBe(true)
  })
})

/** Synthetic events: dates over a few years at every precision, spans, statuses, lanes. */
const syntheticEvent = fc
  .record({
    day: fc.integer({ min: 0, max: 1500 }),
    length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
    precision: fc.constantFrom('day', 'day', 'day', 'month', 'year'),
    approximate: fc.boolean(),
    status: fc.constantFrom('happened', 'scheduled', 'expected', 'possible', 'reported'),
    lane: fc.constantFrom('a', 'b', 'c'),
    title: fc.string({ minLength: 3, maxLength: 80 }),
  })
  .map((r) => {
    const iso = (d: number) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)
    const cut = r.precision === 'day' ? 10 : r.precision === 'month' ? 7 : 4
    const start = iso(r.day).slice(0, cut)
    const end = iso(r.day + r.length * (cut === 10 ? 1 : cut === 7 ? 31 : 366)).slice(0, cut)
    return {
      name: r.title,
      title: r.title,
      date: {
        start,
        ...(end > start ? { end } : {}),
        precision: r.precision,
        ...(r.approximate ? { approximate: true } : {}),
      },
      status: r.status,
      lane: r.lane,
    }
  })

describe('the axis of synthetic timelines', () => {
  it('keeps every invariant', () => {
    fc.assert(
      fc.property(
        fc.array(syntheticEvent, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(320, 640, 1200),
        fc.constantFrom('inside', 'beside'),
        fc.constantFrom('en', 'de', 'ru', 'zh'),
        (list, width, labels, locale) => {
          const items = list.map((e, i) => ({ ...e, id: `e${i}` })) as AxisItem[]
          const lanes = ['a', 'b', 'c'].map((key) => ({ key, label: `Lane ${key}` }))
          const layout = axisLayout(items, { width, locale, lanes, labels, legend: LEGEND })
          checkInvariants(layout, items)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('keeps an evenly spread timeline unbroken, and breaks one dense week among months', () => {
    const at = (days: number[]) =>
      days.map((d, i) => ({
        id: `e${i}`,
        name: 'x',
        title: 'x',
        date: {
          start: new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10),
          precision: 'day' as const,
        },
        status: 'happened' as const,
        lane: '',
      }))
    const options = {
      width: 640,
      locale: 'en',
      lanes: [{ key: '', label: '' }],
      labels: 'inside' as const,
      legend: LEGEND,
    }
    const even = axisLayout(at([0, 30, 60, 90, 120, 150]), options)
    expect(even.pieces.filter((p) => p.broken)).toHaveLength(0)
    const dense = axisLayout(at([0, 200, 201, 202, 203, 204, 400]), options)
    expect(dense.pieces.filter((p) => p.broken)).toHaveLength(2)
  })

  it('lays out no events as an empty axis', () => {
    const layout = axisLayout([], {
      width: 640,
      locale: 'en',
      lanes: [],
      labels: 'inside',
      legend: LEGEND,
    })
    expect(layout.marks).toEqual([])
    expect(layout.legend).toEqual([])
    expect(layout.height).toBeGreaterThan(0)
  })
})
