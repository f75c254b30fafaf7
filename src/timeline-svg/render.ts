/**
 * @module timeline-svg/render
 * Events to SVG markup in one call: lanes, layout and drawing with the axis's words in the
 * reader's language. What the embed page and the `events.svg` format call.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import { isoDay } from '../model/dates.ts'
import { axisStringsFor } from '../i18n/axis-strings.ts'
import { fill, stringsFor } from '../i18n/embed-strings.ts'
import { drawAxis } from './draw.ts'
import type { DrawOptions } from './draw.ts'
import { axisLayout } from './layout.ts'
import type { AxisLayout, LayoutOptions } from './layout.ts'
import { axisItems, axisLanes } from './lanes.ts'
import type { LaneMode } from './lanes.ts'

export interface AxisSvgOptions {
  /** Canonical locale of dates, tick labels, country names and the axis's words. */
  locale: string
  lanes: LaneMode
  width: number
  labels: LayoutOptions['labels']
  mode: DrawOptions['mode']
  /** Accessible name of an event's mark (its date and title). */
  name: (event: ResolvedEvent) => string
  href: DrawOptions['href']
  /** What the drawing is of, e.g. the timeline's title. */
  title: string
  /** Draw the legend in the SVG (else the caller writes it). */
  legend: boolean
  style?: string
  lang?: string
  tickLang?: string
  uiLang?: string
}

const dayFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' })

/**
 * The axis of some events, as SVG markup, with its layout (for callers that need sizes).
 * @example axisSvg(events, { locale: 'en', lanes: 'country', width: 640, labels: 'inside', … })
 */
export const axisSvg = (
  events: readonly ResolvedEvent[],
  options: AxisSvgOptions,
): { svg: string; layout: AxisLayout } => {
  const { locale } = options
  const strings = axisStringsFor(locale)
  const lanes = axisLanes(events, options.lanes, {
    locale,
    kinds: stringsFor(locale).strings.kinds,
    other: strings.other,
  })
  const layout = axisLayout(axisItems(events, options.lanes, options.name), {
    width: options.width,
    locale,
    lanes,
    labels: options.labels,
    legend: options.legend ? strings.legend : undefined,
  })
  const days = layout.marks
  const format = dayFormat(locale)
  const day = (d: number) => format.format(new Date(`${isoDay(d)}T00:00:00Z`))
  const desc = days.length
    ? fill(strings.summary, {
        n: days.length,
        from: day(Math.min(...days.map((m) => m.first))),
        to: day(Math.max(...days.map((m) => m.last))),
      })
    : strings.none
  const svg = drawAxis(layout, {
    mode: options.mode,
    title: `${strings.axis}: ${options.title}`,
    desc,
    href: options.href,
    gapTitle: (n) => fill(strings.gap, { n }),
    style: options.style,
    lang: options.lang,
    tickLang: options.tickLang,
    uiLang: options.uiLang,
  })
  return { svg, layout }
}
