/**
 * @module tests/unit/card.test
 * The social card, as scripts/build-cards.ts makes it: the SVG (src/timeline-svg/card.ts) is
 * well-formed and inert whatever the titles hold, resvg turns it into a PNG that decodes (every
 * chunk's CRC, the image data inflating and unfiltering to 630 rows of 1200 pixels) with ink
 * where the title goes (a copy goes to test-results/card-en.png); and the title wrapping it
 * relies on.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, inflateSync } from 'node:zlib'
import { XMLValidator } from 'fast-xml-parser'
import { loadDataDir } from '../../scripts/lib/data-files.ts'
import { cardStyle, renderPng } from '../../scripts/lib/cards.ts'
import { createDataset } from '../../src/model/dataset.ts'
import type { ResolvedEvent } from '../../src/model/dataset.ts'
import { CARD_HEIGHT, CARD_WIDTH, cardSvg } from '../../src/timeline-svg/card.ts'
import { textWidth, wrapText } from '../../src/timeline-svg/text-width.ts'
import { NASTY } from '../fixtures/formats-fixture.ts'
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts'
import { SVG_ELEMENTS } from '../fixtures/svg-elements.ts'

/** Where the card is written for a look (gitignored). */
const ARTIFACTS = new URL('../../test-results', import.meta.url).pathname

let events: ResolvedEvent[]
let style: string
beforeAll(async () => {
  const { dataset } = await loadDataDir()
  events = createDataset({ version: 'test', ...dataset! })
    .timelines.get('wang-yi-moscow-2023')!
    .events.map((e) => e.event)
  style = await cardStyle()
})

/** A PNG read chunk by chunk, checked as a decoder would; throws on anything malformed. */
const decodePng = (png: Uint8Array) => {
  const bytes = Buffer.from(png)
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  let at = 8
  let header: { width: number; height: number; depth: number; colour: number } | undefined
  const data: Buffer[] = []
  let ended = false
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const body = bytes.subarray(at + 8, at + 8 + length)
    expect(bytes.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(
      crc32(bytes.subarray(at + 4, at + 8 + length)),
    )
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8]!,
        colour: body[9]!,
      }
    }
    if (type === 'IDAT') data.push(body)
    if (type === 'IEND') ended = true
    at += 12 + length
  }
  expect(ended).toBe(true)
  const { width, height, depth, colour } = header!
  expect(depth).toBe(8)
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colour]!
  const raw = inflateSync(Buffer.concat(data))
  // Each row: one filter byte, then its pixels.
  const stride = width * channels
  expect(raw.length).toBe(height * (1 + stride))
  // Undo the row filters (PNG spec §9): None, Sub, Up, Average, Paeth.
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (1 + stride)]!
    expect(filter).toBeLessThanOrEqual(4)
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (1 + stride) + 1 + x]!
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0
      const p = a + b - c
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)]
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!
      pixels[y * stride + x] = (v + predictor) & 0xff
    }
  }
  return { width, height, channels, pixels }
}

/** Dark pixels (text, marks) in a band of rows of a decoded card. */
const inkIn = (png: ReturnType<typeof decodePng>, y0: number, y1: number): number => {
  let ink = 0
  for (let i = y0 * png.width; i < y1 * png.width; i++) {
    const at = i * png.channels
    if (png.pixels[at]! < 100 && png.pixels[at + 1]! < 100) ink++
  }
  return ink
}

describe('the social card', () => {
  it('of the shipped timeline is a 1200 × 630 PNG with the title drawn', () => {
    const svg = cardSvg({ title: 'Wang Yi in Moscow', locale: 'en', events, style })
    expect(XMLValidator.validate(svg)).toBe(true)
    const bytes = renderPng(svg)
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(join(ARTIFACTS, 'card-en.png'), bytes)
    const png = decodePng(bytes)
    expect(png).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT })
    // Ink where the title is (so the fonts loaded), and none in the margin above it.
    expect(inkIn(png, 110, 160)).toBeGreaterThan(1000)
    expect(inkIn(png, 12, 40)).toBe(0)
    // Without events the card still builds, with its title.
    const empty = decodePng(
      renderPng(cardSvg({ title: 'Nothing', locale: 'en', events: [], style })),
    )
    expect(empty).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT })
    expect(inkIn(empty, 110, 160)).toBeGreaterThan(500)
  })

  const hostile = [
    NASTY,
    '</text></svg><script>alert(1)</script>]]><!--',
    '&amp; &#0; &#x1; &lt;not a tag&gt; \u0001\u000b\ufffe control characters',
    'Ґанок їжак 王毅访问莫斯科，以莫斯科为终点：中国外交 وانغ يي في موسكو',
    'W'.repeat(400),
    ...XSS_PAYLOADS.filter((p) => p.context === 'html')
      .slice(0, 8)
      .map((p) => p.text),
  ]

  it.each(hostile.map((t, i) => [i, t] as const))(
    'hostile title #%i stays text and the PNG still builds',
    (_, title) => {
      // In the card's title and in every event's title on the axis.
      const nasty = events.map((e) => ({ ...e, title: `${title} ${e.title}` }))
      const svg = cardSvg({ title, locale: 'en', events: nasty, style })
      expect(XMLValidator.validate(svg)).toBe(true)
      // Text is escaped, so every `<` opens one of the drawing's own elements.
      for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
        const name = /^<\/?([\w:-]+)/.exec(tag)?.[1] ?? tag
        expect(SVG_ELEMENTS, name).toContain(name)
        for (const [, attr] of tag.matchAll(/\s([\w:-]+)=/g)) {
          expect(attr, tag).not.toMatch(/^on|^xlink|^src$/i)
        }
      }
      expect(svg).not.toContain(title.slice(0, 40).includes('<') ? title.slice(0, 40) : '\0')
      expect(decodePng(renderPng(svg))).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT })
    },
  )
})

describe('wrapText', () => {
  it('breaks at spaces, within the width, in at most maxLines lines', () => {
    const text = 'Wang Yi’s February 2023 tour, ending in Moscow'
    const lines = wrapText(text, 500, 40, 2)
    expect(lines).toEqual(['Wang Yi’s February', '2023 tour, ending in…'])
    for (const line of lines) expect(textWidth(line, 40)).toBeLessThanOrEqual(500)
    expect(wrapText(text, 300, 40, 3)).toEqual(['Wang Yi’s', 'February 2023', 'tour, ending…'])
    expect(wrapText(text, 2000, 40, 2)).toEqual([text])
  })

  it('breaks CJK anywhere but never before closing punctuation', () => {
    const lines = wrapText('王毅欧洲之行以莫斯科为终点，中国最高外交官', 12 * 40, 40, 3)
    expect(lines.join('')).toBe('王毅欧洲之行以莫斯科为终点，中国最高外交官')
    expect(lines[0]).toBe('王毅欧洲之行以莫斯科为终')
    expect(lines[1]!.startsWith('，')).toBe(false)
  })

  it('cuts a word longer than a line', () => {
    const lines = wrapText('x'.repeat(100), 100, 10, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(100)
  })
})
