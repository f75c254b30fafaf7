/**
 * @module formats/svg
 * An event query as a time axis in SVG (`events.svg`, `?format=svg`), for print, slides and
 * newsletters: the drawing the embed shows, at a fixed 1200 px width, every mark labelled, with
 * its legend, lanes by country of the main actor, and the theme's palette (dark when the viewer
 * prefers it). Self-contained: system fonts, an inline `<style>`, no script, no external
 * references; every mark links to its event on the embed page. The route serves it with a CSP
 * that forbids everything but that style, and `sandbox`.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import { AXIS_SVG_CSS } from '../generated/client-assets.ts'
import { stringsFor } from '../i18n/embed-strings.ts'
import { axisSvg } from '../timeline-svg/render.ts'
import { DEFAULT_LANES } from '../timeline-svg/lanes.ts'
import { markName } from '../timeline-svg/names.ts'
import type { FormatInput } from './common.ts'
import { eventUrl } from './common.ts'

/** Width of the drawing: a slide's or a newsletter column's, at 1×. */
export const SVG_WIDTH = 1200

/**
 * Serializes a page of events as an SVG time axis.
 * @example toSvg({ timeline, events, origin, links, total })
 */
export const toSvg = ({ timeline, events, origin }: FormatInput): string => {
  const locale = timeline.language
  const { strings } = stringsFor(locale)
  const { svg } = axisSvg(events, {
    locale,
    lanes: DEFAULT_LANES,
    width: SVG_WIDTH,
    labels: 'beside',
    mode: 'fixed',
    legend: true,
    name: (event: ResolvedEvent) => markName(event, { locale, contentLang: locale, strings }),
    href: (id) => eventUrl(origin, timeline.id, id),
    title: timeline.title,
    style: AXIS_SVG_CSS,
    lang: locale,
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`
}
