/**
 * @module timeline-svg/draw
 * SVG markup of an axis layout, as a string, shared by the embed page and the `events.svg` format.
 *
 * - `fluid` (embed): `width="100%"`, every x a percentage of the layout width and every size in
 *   px, so the axis stretches with the page while text, dots and rows keep their size; the layout
 *   width is the narrowest it is drawn at (below it, the axis scrolls inside its own box). No
 *   `<style>`: the page's stylesheet (allowed by its CSP hash) styles the classes.
 * - `fixed` (file): `width`, `height` and `viewBox`, a background, and an inline `<style>` with
 *   the palette (light, dark when the viewer prefers it).
 *
 * Every mark is an `<a href>` to its event whose `<title>` names it (date and title): a tooltip
 * for the pointer, the accessible name for assistive technology. Ticks, breaks, captions and the
 * legend are drawn `aria-hidden`: the marks and the list below carry the same facts in words.
 * All text goes through `escapeXml`, so no title can become markup. Hand-written rather than
 * built with a DOM or an SVG library: a Worker has no DOM, and string output is what both callers
 * send.
 */
import { escapeXml } from '../formats/common.ts'
import type { AxisLayout, AxisMark, LegendKey } from './layout.ts'
import { GEOMETRY } from './layout.ts'

export interface DrawOptions {
  mode: 'fluid' | 'fixed'
  /** `<title>` of the drawing. */
  title: string
  /** `<desc>` of the drawing. */
  desc: string
  /** Link of a mark. */
  href: (id: string) => string
  /** Tooltip of a break, from its length in days. */
  gapTitle: (days: number) => string
  /** `<style>` text (fixed mode). */
  style?: string
  /** Language of the drawing's text (`xml:lang`, fixed mode). */
  lang?: string
  /** `lang` of the tick labels, when it differs from the page's. */
  tickLang?: string
  /** `lang` of the legend, when it differs from the page's. */
  uiLang?: string
}

/** Id of the fuzzy-range gradient: one per document, so it is prefixed. */
export const FUZZY_GRADIENT_ID = 'dl-fz'

const num = (n: number) => String(Math.round(n * 10) / 10)
const attr = (value: string) => escapeXml(value)
const langAttr = (lang?: string) => (lang ? ` lang="${attr(lang)}"` : '')

/**
 * Draws an axis layout.
 * @example drawAxis(axisLayout(items, options), { mode: 'fixed', … })
 */
export const drawAxis = (layout: AxisLayout, options: DrawOptions): string => {
  const fluid = options.mode === 'fluid'
  // x as the drawing needs it: a percentage of the layout width (fluid) or user units (fixed).
  const x = (v: number) => (fluid ? `${Math.round((v / layout.width) * 10_000) / 100}%` : num(v))
  const { height, plot } = layout
  const out: string[] = []
  const root = fluid
    ? `width="100%" height="${height}"`
    : `width="${layout.width}" height="${height}" viewBox="0 0 ${layout.width} ${height}"` +
      (options.lang ? ` xml:lang="${attr(options.lang)}"` : '')
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="ax" ${root}>`,
    `<title>${escapeXml(options.title)}</title><desc>${escapeXml(options.desc)}</desc>`,
  )
  if (options.style) out.push(`<style>${escapeXml(options.style)}</style>`)
  out.push(
    `<defs><linearGradient id="${FUZZY_GRADIENT_ID}"><stop offset="0" stop-opacity="0"/>` +
      `<stop offset=".3" stop-opacity=".5"/><stop offset=".7" stop-opacity=".5"/>` +
      `<stop offset="1" stop-opacity="0"/></linearGradient></defs>`,
  )
  if (!fluid) out.push(`<rect class="bg" width="100%" height="100%"/>`)

  // Ticks: a mark on the axis line per fine tick (in files: the embed saves the bytes, its labels
  // start at the tick), a grid line per labelled coarse tick.
  out.push(`<g class="tk" aria-hidden="true"${langAttr(options.tickLang)}>`)
  out.push(`<line x1="${x(plot.x0)}" x2="${x(plot.x1)}" y1="${plot.axisY}" y2="${plot.axisY}"/>`)
  for (const t of layout.ticks) {
    if (t.row === 0) {
      if (!fluid)
        out.push(
          `<line x1="${num(t.x)}" x2="${num(t.x)}" y1="${plot.axisY - 4}" y2="${plot.axisY}"/>`,
        )
    } else {
      out.push(
        `<line class="g" x1="${x(t.x)}" x2="${x(t.x)}" y1="${GEOMETRY.coarseY - 10}" ` +
          `y2="${plot.bottom}"/>`,
      )
    }
    if (t.label) {
      const y = t.row === 0 ? GEOMETRY.fineY : GEOMETRY.coarseY
      out.push(`<text x="${x(t.x)}" dx="3" y="${y}">${escapeXml(t.label)}</text>`)
    }
  }
  out.push('</g>')

  // Breaks: a blank band with two slanted strokes, across the ruler and every lane.
  out.push(`<g class="bk" aria-hidden="true">`)
  for (const p of layout.pieces) {
    if (!p.broken) continue
    const mid = (p.x0 + p.x1) / 2
    const top = plot.axisY - 8
    out.push(
      `<g><title>${escapeXml(options.gapTitle(p.end - p.first))}</title>` +
        `<rect x="${x(p.x0 + 4)}" width="${x(p.x1 - p.x0 - 8)}" ` +
        `y="${top}" height="${num(plot.bottom - top)}"/>` +
        slash(x, mid - 5, top, plot.bottom) +
        slash(x, mid + 1, top, plot.bottom) +
        '</g>',
    )
  }
  out.push('</g>')

  // Lanes: a rule between lanes and each lane's caption.
  out.push(`<g class="la" aria-hidden="true">`)
  layout.lanes.forEach((lane, i) => {
    if (i > 0) {
      const y = num(lane.y - GEOMETRY.laneGap / 2)
      out.push(`<line x1="0" x2="100%" y1="${y}" y2="${y}"/>`)
    }
    if (lane.caption) {
      // A fixed distance from the left edge, over the breaks (with a halo: see axis.css).
      const { x: cx, y: cy } = lane.caption
      out.push(`<text x="${num(cx)}" y="${num(cy)}">${escapeXml(lane.label)}</text>`)
    }
  })
  out.push('</g>')

  if (layout.marks.length === 0) {
    out.push(`<text x="${plot.x0}" y="${plot.top + 12}">${escapeXml(options.desc)}</text>`)
  }
  out.push(`<g class="mk">`)
  for (const m of layout.marks) out.push(drawMark(m, x, options))
  out.push('</g>')

  if (layout.legend.length) {
    out.push(`<g class="lg" aria-hidden="true"${langAttr(options.uiLang)}>`)
    for (const entry of layout.legend) {
      out.push(
        swatch(entry.key, entry.x, entry.y),
        `<text x="${num(entry.x + GEOMETRY.swatch + 4)}" y="${entry.y}">${escapeXml(entry.text)}</text>`,
      )
    }
    out.push('</g>')
  }
  out.push('</svg>')
  return out.join('')
}

/** A break stroke: a short slant from top to bottom. */
const slash = (x: (v: number) => string, at: number, top: number, bottom: number) =>
  `<line x1="${x(at)}" x2="${x(at + 4)}" y1="${num(bottom)}" y2="${top}"/>`

const drawMark = (m: AxisMark, x: (v: number) => string, options: DrawOptions): string => {
  const cls = `${m.shape === 'point' ? 'p' : m.shape === 'bar' ? 'b' : 'r'}${m.tentative ? ' t' : ''}`
  const shape =
    m.shape === 'point'
      ? `<circle class="${cls}" cx="${x((m.x0 + m.x1) / 2)}" cy="${num(m.y + m.h / 2)}" ` +
        `r="${GEOMETRY.radius}"/>`
      : `<rect class="${cls}" x="${x(m.x0)}" y="${num(m.y)}" width="${x(m.x1 - m.x0)}" ` +
        `height="${m.h}" rx="3"/>`
  // Labels sit 4 px from the mark's edge, so they keep that distance when the drawing stretches.
  const l = m.label
  const label = !l
    ? ''
    : `<text x="${x(l.inside || l.anchor === 'end' ? m.x0 : m.x1)}" ` +
      (l.anchor === 'end' && !l.inside ? 'text-anchor="end" dx="-4"' : 'dx="4"') +
      ` y="${num(l.y)}"${l.inside ? '' : ' class="o"'}>${escapeXml(l.text)}</text>`
  return (
    `<a href="${attr(options.href(m.id))}">` +
    `<title>${escapeXml(m.name)}</title>${shape}${label}</a>`
  )
}

/** The legend's sample of each key. */
const swatch = (key: LegendKey, x: number, y: number): string => {
  const cy = y - 4
  const s = GEOMETRY.swatch
  switch (key) {
    case 'happened':
      return `<circle class="p" cx="${x + s / 2}" cy="${cy}" r="${GEOMETRY.radius}"/>`
    case 'tentative':
      return `<circle class="p t" cx="${x + s / 2}" cy="${cy}" r="${GEOMETRY.radius}"/>`
    case 'fuzzy':
      return `<rect class="r" x="${x}" y="${cy - 6}" width="${s}" height="12" rx="3"/>`
    case 'gap':
      return (
        `<g class="bk"><line x1="${x + 3}" x2="${x + 7}" y1="${cy + 6}" y2="${cy - 6}"/>` +
        `<line x1="${x + 9}" x2="${x + 13}" y1="${cy + 6}" y2="${cy - 6}"/></g>`
      )
  }
}
