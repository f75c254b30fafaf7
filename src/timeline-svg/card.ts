/**
 * @module timeline-svg/card
 * A timeline's social card: the 1200 × 630 picture a shared link previews as (`og:image`), drawn
 * as SVG by the same layout and drawing code as the embed's axis and `events.svg`, under the
 * timeline's title and date range. scripts/build-cards.ts turns it into a PNG at build time;
 * nothing here runs in the Worker.
 *
 * The axis is laid out narrower than the card and scaled up, so its words stay readable when a
 * feed shows the card at a third of its size; the largest scale whose drawing fits wins. Every
 * text goes through `escapeXml` (here and in draw.ts), so no title can become markup, nor stop
 * the build with an XML error.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import { escapeXml } from '../formats/common.ts'
import { axisSvg } from './render.ts'
import type { AxisLayout } from './layout.ts'
import { DEFAULT_LANES } from './lanes.ts'
import { textWidth, wrapText } from './text-width.ts'

/** Size of a social card: what Open Graph consumers and `summary_large_image` expect (1.91:1). */
export const CARD_WIDTH = 1200
export const CARD_HEIGHT = 630

const PAD = 56
const TITLE = { size: 52, line: 62, lines: 2, y: 150 }
const DATES = { size: 28, gap: 50 }
/** Scales tried for the axis, largest first. */
const SCALES = [1.6, 1.45, 1.3, 1.15, 1] as const

/**
 * The card's own rules, with the theme's custom properties: the build resolves them with the
 * axis's rules (resvg knows no custom properties).
 */
export const CARD_CSS = `
.card{font-family:'Noto Sans',sans-serif}
.card .bg{fill:var(--bg)}
.card .bar{fill:var(--ac)}
.card .brand{fill:var(--ac);font-weight:700;font-size:26px;letter-spacing:.04em}
.card .title{fill:var(--fg);font-weight:700;font-size:${TITLE.size}px}
.card .dates{fill:var(--mut);font-size:${DATES.size}px}
.card .rule{stroke:var(--ln)}
`

export interface CardOptions {
  /** The timeline's title, in its language. */
  title: string
  /** The timeline's language: dates, lane names, `xml:lang`. */
  locale: string
  events: readonly ResolvedEvent[]
  /** Stylesheet of the card and the axis, with colours resolved. */
  style: string
  /** Name shown above the title. */
  brand?: string
}

const dayFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' })

/** First to last day of the drawn marks, localized; empty without events. */
const dateRange = (layout: AxisLayout, locale: string): string => {
  if (!layout.marks.length) return ''
  const day = (d: number) => new Date(d * 86_400_000)
  const first = Math.min(...layout.marks.map((m) => m.first))
  const last = Math.max(...layout.marks.map((m) => m.last))
  const format = dayFormat(locale)
  return first === last ? format.format(day(first)) : format.formatRange(day(first), day(last))
}

/**
 * The card of a timeline as an SVG document.
 * @example cardSvg({ title: timeline.meta.title, locale: 'en', events, style })
 */
export const cardSvg = (options: CardOptions): string => {
  const { locale } = options
  const inner = CARD_WIDTH - 2 * PAD
  const titleLines = wrapText(options.title, inner, TITLE.size * 1.08, TITLE.lines)
  const datesY = TITLE.y + (titleLines.length - 1) * TITLE.line + DATES.gap
  const top = datesY + 30
  const room = CARD_HEIGHT - top - 24

  const draw = (scale: number) =>
    axisSvg(options.events, {
      locale,
      lanes: DEFAULT_LANES,
      width: Math.round(inner / scale),
      labels: 'inside',
      mode: 'fixed',
      legend: false,
      // Nobody hovers or follows a mark in a picture: plain names and fragment links do.
      name: (event) => `${event.date.start}: ${event.title}`,
      href: (id) => `#event-${id}`,
      title: options.title,
    })
  let scale: number = SCALES[0]
  let axis = draw(scale)
  for (const s of SCALES.slice(1)) {
    if (axis.layout.height * scale <= room) break
    scale = s
    axis = draw(s)
  }
  // Too tall even at 1:1 (hundreds of events): shrink to fit.
  if (axis.layout.height * scale > room) scale = room / axis.layout.height

  const brand = options.brand ?? 'Dateline'
  const dates = dateRange(axis.layout, locale)
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="card" width="${CARD_WIDTH}" ` +
      `height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" ` +
      `xml:lang="${escapeXml(locale)}">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<desc>${escapeXml(dates ? `${brand}: ${dates}` : brand)}</desc>`,
    `<style>${escapeXml(options.style)}</style>`,
    `<rect class="bg" width="100%" height="100%"/>`,
    `<rect class="bar" width="100%" height="10"/>`,
    `<text class="brand" x="${PAD}" y="74">${escapeXml(brand)}</text>`,
    ...titleLines.map(
      (line, i) =>
        `<text class="title" x="${PAD}" y="${TITLE.y + i * TITLE.line}">${escapeXml(line)}</text>`,
    ),
  ]
  if (dates) {
    out.push(`<text class="dates" x="${PAD}" y="${datesY}">${escapeXml(dates)}</text>`)
  }
  // A hairline between the words and the drawing, as wide as the date line or a third of the card.
  const ruleEnd = PAD + Math.max(inner / 3, textWidth(dates, DATES.size))
  out.push(
    `<line class="rule" x1="${PAD}" x2="${Math.min(ruleEnd, CARD_WIDTH - PAD)}" ` +
      `y1="${top - 8}" y2="${top - 8}"/>`,
    `<g transform="translate(${PAD - 8 * scale} ${top}) scale(${Math.round(scale * 1000) / 1000})">`,
    axis.svg,
    '</g>',
    '</svg>',
  )
  return out.join('\n')
}
