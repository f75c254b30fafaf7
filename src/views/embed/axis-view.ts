/**
 * @module views/embed/axis-view
 * The time axis of the embed page, ready to render: the inline SVG (fluid, styled by the page's
 * stylesheet), the legend entries that apply, and the words the script needs for brushing.
 * Marks are named like the cards (the card's date text, title, status), so a screen reader hears
 * the same thing on the axis and in the list.
 */
import type { ResolvedEvent } from '../../model/dataset.ts'
import { axisStringsFor } from '../../i18n/axis-strings.ts'
import type { AxisStrings } from '../../i18n/axis-strings.ts'
import type { LegendKey } from '../../timeline-svg/layout.ts'
import { DEFAULT_LANES } from '../../timeline-svg/lanes.ts'
import type { LaneMode } from '../../timeline-svg/lanes.ts'
import { axisSvg } from '../../timeline-svg/render.ts'

/**
 * The narrowest width the axis is laid out for: wider, it stretches; narrower (phones), it
 * scrolls sideways inside its own box. At 640 px the shipped timeline's tour takes 40 % of it.
 */
export const AXIS_MIN_WIDTH = 640

export interface AxisView {
  svg: string
  /**
   * The scale for the script, which turns a brushed stretch back into dates: pieces as
   * `first,end,x0,x1` (days since 1970-01-01, end exclusive; x as fractions of the width), `;`-joined.
   */
  scale: string
  legend: { key: LegendKey; text: string }[]
  strings: AxisStrings
}

export interface AxisViewOptions {
  locale: string
  lanes?: LaneMode
  title: string
  /** Card date text and status label by event id, for the marks' names. */
  names: ReadonlyMap<string, { dateText: string; statusLabel?: string }>
  tickLang?: string
}

/**
 * @example embedAxis(events, { locale: 'en', title, names })
 */
export const embedAxis = (events: readonly ResolvedEvent[], options: AxisViewOptions): AxisView => {
  const strings = axisStringsFor(options.locale)
  const { svg, layout } = axisSvg(events, {
    locale: options.locale,
    lanes: options.lanes ?? DEFAULT_LANES,
    width: AXIS_MIN_WIDTH,
    labels: 'inside',
    mode: 'fluid',
    legend: false,
    name: (e) => {
      const card = options.names.get(e.id)
      const status = card?.statusLabel ? ` (${card.statusLabel})` : ''
      return `${card?.dateText ?? e.date.start}: ${e.title}${status}`
    },
    href: (id) => `#event-${id}`,
    title: options.title,
    tickLang: options.tickLang,
  })
  const present: Record<LegendKey, boolean> = {
    happened: layout.marks.some((m) => !m.tentative),
    tentative: layout.marks.some((m) => m.tentative),
    fuzzy: layout.marks.some((m) => m.shape === 'range'),
    gap: layout.pieces.some((p) => p.broken),
  }
  const keys = (Object.keys(present) as LegendKey[]).filter((k) => present[k])
  const w = layout.width
  const frac = (x: number) => Math.round((x / w) * 10_000) / 10_000
  const scale = layout.pieces.map((p) => `${p.first},${p.end},${frac(p.x0)},${frac(p.x1)}`)
  return {
    svg,
    scale: scale.join(';'),
    legend: keys.map((key) => ({ key, text: strings.legend[key] })),
    strings,
  }
}
