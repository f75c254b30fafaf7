/**
 * @module tests/unit/axis-draw.test
 * The SVG drawing of the time axis (`src/timeline-svg/draw.ts` through `render.ts`), read back
 * with fast-xml-parser: well-formed, one link per event with its date and title as name, only
 * the elements and attributes an inert drawing needs, localized ticks and legend, the theme's
 * palette, and hostile titles kept as text, never markup.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { loadDataDir } from '../../scripts/lib/data-files.ts'
import { createDataset } from '../../src/model/dataset.ts'
import type { ResolvedEvent } from '../../src/model/dataset.ts'
import { axisSvg } from '../../src/timeline-svg/render.ts'
import type { AxisSvgOptions } from '../../src/timeline-svg/render.ts'
import { AXIS_SVG_CSS } from '../../src/generated/client-assets.ts'
import { FIXTURE_EVENTS, NASTY } from '../fixtures/formats-fixture.ts'
import { SVG_ELEMENTS } from '../fixtures/svg-elements.ts'

let events: ResolvedEvent[]
beforeAll(async () => {
  const { dataset } = await loadDataDir()
  events = createDataset({ version: 'test', ...dataset! })
    .timelines.get('wang-yi-moscow-2023')!
    .events.map((e) => e.event)
})

const options = (over: Partial<AxisSvgOptions> = {}): AxisSvgOptions => ({
  locale: 'en',
  lanes: 'country',
  width: 1200,
  labels: 'beside',
  mode: 'fixed',
  name: (e) => `${e.date.start}: ${e.title}`,
  href: (id) => `https://d.test/embed/t#event-${id}`,
  title: 'A timeline',
  legend: true,
  style: AXIS_SVG_CSS,
  ...over,
})

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
})

interface Node {
  name: string
  attrs: Record<string, string>
  children: Node[]
  text: string
}

/** The parsed document as a tree of named nodes. */
const tree = (svg: string): Node => {
  expect(XMLValidator.validate(svg)).toBe(true)
  const convert = (raw: any): Node[] =>
    raw.flatMap((entry: any) => {
      const name = Object.keys(entry).find((k) => k !== ':@')!
      if (name === '#text') return [{ name, attrs: {}, children: [], text: entry[name] }]
      const children = convert(entry[name])
      const attrs = Object.fromEntries(
        Object.entries(entry[':@'] ?? {}).map(([k, v]) => [k.slice(1), String(v)]),
      )
      return [{ name, attrs, children, text: children.map((c) => c.text).join('') }]
    })
  const [root] = convert(parser.parse(svg))
  return root!
}

const all = (node: Node): Node[] => [node, ...node.children.flatMap(all)]

describe('the SVG of the shipped timeline', () => {
  it('is well-formed, sized, titled and described, with one named link per event', () => {
    const { svg } = axisSvg(events, options())
    const root = tree(svg)
    expect(root.name).toBe('svg')
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg')
    expect(Number(root.attrs.width)).toBe(1200)
    expect(Number(root.attrs.height)).toBeGreaterThan(100)
    expect(root.attrs.viewBox).toBe(`0 0 1200 ${root.attrs.height}`)
    expect(root.children[0]!.name).toBe('title')
    expect(root.children[0]!.text).toBe('Time axis: A timeline')
    expect(root.children[1]!.name).toBe('desc')
    expect(root.children[1]!.text).toBe(
      '28 events, Feb 24, 2022 – Mar 22, 2023. Long empty stretches are shortened.',
    )
    const links = all(root).filter((n) => n.name === 'a')
    expect(links.map((a) => a.attrs.href)).toEqual(
      expect.arrayContaining(events.map((e) => `https://d.test/embed/t#event-${e.id}`)),
    )
    expect(links).toHaveLength(events.length)
    for (const a of links) {
      const event = events.find((e) => a.attrs.href!.endsWith(`#event-${e.id}`))!
      expect(a.children[0]!.name).toBe('title')
      expect(a.children[0]!.text).toBe(`${event.date.start}: ${event.title}`)
    }
    // Links in chronological order, so Tab walks the axis in time.
    const order = links.map((a) => events.findIndex((e) => a.attrs.href!.endsWith(`-${e.id}`)))
    const starts = order.map((i) => events[i]!.date.start)
    expect(starts).toEqual([...starts].sort())
  })

  it('is inert and self-contained: known elements only, no script, handlers or outside refs', () => {
    for (const mode of ['fixed', 'fluid'] as const) {
      const { svg } = axisSvg(
        events,
        options({ mode, style: mode === 'fixed' ? AXIS_SVG_CSS : undefined }),
      )
      for (const node of all(tree(svg))) {
        if (node.name === '#text') continue
        expect(SVG_ELEMENTS.has(node.name), node.name).toBe(true)
        for (const [name, value] of Object.entries(node.attrs)) {
          expect(name.toLowerCase().startsWith('on'), name).toBe(false)
          expect(name).not.toMatch(/^xlink:/)
          if (name === 'href') expect(node.name).toBe('a')
          expect(value).not.toMatch(/javascript:|url\(\s*['"]?(?!#)/i)
        }
      }
      expect(svg).not.toMatch(/<script|@import|@font-face|url\((?!#dl-fz\))/i)
    }
  })

  it('sets a palette for light and dark in the file, and only classes in the embed', () => {
    const fixed = axisSvg(events, options()).svg
    expect(fixed).toContain('<style>')
    expect(fixed).toMatch(/:root\{[^}]*--bg:\s*#fff/)
    expect(fixed).toMatch(/@media\s*\(prefers-color-scheme:\s*dark\)\{:root\{[^}]*--bg:\s*#121417/)
    const fluid = axisSvg(events, options({ mode: 'fluid', style: undefined, legend: false })).svg
    expect(fluid).not.toContain('<style')
    expect(fluid).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="ax" width="100%"/)
    // Every x of the fluid drawing is a percentage, so it stretches with the page.
    for (const m of fluid.matchAll(/ (x|x1|x2|cx)="([^"]+)"/g)) {
      expect(m[2], m[0]).toMatch(/%$|^[08]$/)
    }
  })

  it('localizes ticks, legend and lanes with the locale', () => {
    const de = tree(axisSvg(events, options({ locale: 'de' })).svg)
    const texts = all(de)
      .filter((n) => n.name === 'text')
      .map((n) => n.text)
    expect(texts).toContain('Feb. 2023')
    expect(texts).toContain('Geschehen')
    expect(texts).toContain('Vereinigte Staaten')
    const zh = all(tree(axisSvg(events, options({ locale: 'zh' })).svg)).map((n) => n.text)
    expect(zh).toContain('2023年2月')
    expect(zh).toContain('美国')
  })

  it('draws a break for each compressed gap, with its length as tooltip', () => {
    const root = tree(axisSvg(events, options()).svg)
    const breaks = all(root).find((n) => n.attrs.class === 'bk')!
    expect(breaks.children.map((g) => g.children[0]!.text)).toEqual([
      '308 days left out',
      '45 days left out',
      '20 days left out',
    ])
  })

  it('says so when no event matches', () => {
    const root = tree(axisSvg([], options()).svg)
    expect(all(root).filter((n) => n.name === 'a')).toEqual([])
    expect(all(root).some((n) => n.name === 'text' && n.text === 'No events match.')).toBe(true)
  })
})

describe('hostile text', () => {
  const PAYLOADS = [
    NASTY,
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    "'><a href=javascript:alert(1)>x</a>",
    ']]><!-- --><![CDATA[',
    '&amp; &#x3c;script&#x3e; &lt;',
    '\u0000\u0001\u000b\ufffe control',
  ]

  it.each(PAYLOADS)('keeps %j as text in titles, labels and the description', (payload) => {
    const list = FIXTURE_EVENTS.map((e) => ({ ...e, title: `${payload} ${e.id}` }))
    for (const mode of ['fixed', 'fluid'] as const) {
      const { svg } = axisSvg(list, options({ mode, title: payload }))
      const root = tree(svg)
      expect(all(root).filter((n) => n.name === 'a')).toHaveLength(list.length)
      for (const node of all(root)) {
        if (node.name !== '#text') expect(SVG_ELEMENTS.has(node.name), node.name).toBe(true)
        for (const name of Object.keys(node.attrs)) expect(name.startsWith('on')).toBe(false)
      }
      // XML 1.0 cannot carry some control characters at all: they are dropped, the rest is kept.
      const kept = payload.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      expect(root.children[0]!.text).toBe(`Time axis: ${kept}`)
      const names = all(root)
        .filter((n) => n.name === 'a')
        .map((a) => a.children[0]!.text)
      for (const e of list) expect(names).toContain(`${e.date.start}: ${kept} ${e.id}`)
    }
  })

  it('never lets arbitrary titles out of their text nodes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { minLength: 1, maxLength: 5 }),
        (titles) => {
          const list = FIXTURE_EVENTS.slice(0, titles.length).map((e, i) => ({
            ...e,
            title: titles[i]!,
          }))
          const root = tree(axisSvg(list, options()).svg)
          for (const node of all(root)) {
            if (node.name !== '#text') expect(SVG_ELEMENTS.has(node.name)).toBe(true)
          }
          expect(all(root).filter((n) => n.name === 'a')).toHaveLength(list.length)
        },
      ),
      { numRuns: 150 },
    )
  })
})
