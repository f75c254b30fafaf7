/**
 * @module tests/unit/formats.test
 * The pure serializers, called directly with a synthetic fixture full of hostile text, and read
 * back by real parsers (ical.js, papaparse, fast-xml-parser + feedsmith, check-geojson, jsonld).
 * Property tests push arbitrary Unicode through the hand-written escaping and folding.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import ICAL from 'ical.js'
import Papa from 'papaparse'
import { XMLParser } from 'fast-xml-parser'
import jsonld from 'jsonld'
import { SERIALIZERS } from '../../src/formats/serializers.ts'
import { foldLine, escapeText } from '../../src/formats/ics.ts'
import { csvField } from '../../src/formats/csv.ts'
import { escapeXml } from '../../src/formats/common.ts'
import { FORMAT_SPECS, FORMAT_BY_EXTENSION } from '../../src/formats/registry.ts'
import { FORMATS } from '../../src/query/schema.ts'
import { CHECKS } from '../fixtures/format-checks.ts'
import {
  FIXTURE_EVENTS,
  FIXTURE_ORIGIN,
  FIXTURE_TIMELINE,
  NASTY,
  fixtureInput,
} from '../fixtures/formats-fixture.ts'

/**
 * Strings biased toward what breaks serializers: the characters each format escapes, multi-byte
 * characters for folding, mixed with arbitrary code points (which alone would rarely hit them).
 */
const hostileString = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '"',
        "'",
        ',',
        ';',
        '\\',
        '\n',
        '\r',
        '<',
        '>',
        '&',
        ' ',
        'é',
        '👩🏽‍💻',
        'ש',
        '\t',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength,
  })

const ctx = { origin: FIXTURE_ORIGIN, timeline: FIXTURE_TIMELINE }
const FORMAT_NAMES = Object.keys(CHECKS) as (keyof typeof CHECKS)[]

/** What a TEXT value can carry: RFC 5545 TEXT has no control characters but tab and newline. */
const textSafe = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')

describe('format registry', () => {
  it('lists every format of the query schema once, with distinct extensions', () => {
    expect(FORMAT_SPECS.map((f) => f.format).sort()).toEqual([...FORMATS].sort())
    const extensions = FORMAT_SPECS.flatMap((f) => f.extensions)
    expect(new Set(extensions).size).toBe(extensions.length)
    expect(FORMAT_BY_EXTENSION.get('feed.json')?.format).toBe('jsonfeed')
  })
})

describe.each(FORMAT_NAMES)('%s serializer with the hostile fixture', (format) => {
  it('is read back by an independent parser with every field intact', () => {
    CHECKS[format](SERIALIZERS[format](fixtureInput()), FIXTURE_EVENTS, ctx)
  })

  it('is really fed the hostile text', () => {
    // The check above compares parsed titles, summaries and quotes with these, so it only proves
    // something if they hold every troublesome character.
    expect(FIXTURE_EVENTS[0]!.title).toContain(NASTY)
    for (const ch of [',', '"', ';', '\\', '\n', '<', '&', 'é', '👩🏽‍💻', 'ש', 'م']) {
      expect(NASTY).toContain(ch)
    }
  })

  it('gives the same bytes for the same input: no clock, no randomness', () => {
    expect(SERIALIZERS[format](fixtureInput())).toBe(SERIALIZERS[format](fixtureInput()))
  })
})

describe('iCalendar writing rules (RFC 5545)', () => {
  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'👩🏽‍💻'.repeat(10)}${'ש'.repeat(50)}`
    const folded = foldLine(line)
    const encoder = new TextEncoder()
    const decoder = new TextDecoder('utf-8', { fatal: true })
    for (const physical of folded.split('\r\n')) {
      const bytes = encoder.encode(physical)
      expect(bytes.length).toBeLessThanOrEqual(75)
      expect(decoder.decode(bytes)).toBe(physical)
    }
    expect(folded.replaceAll('\r\n ', '')).toBe(line)
  })

  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })

  it('round-trips arbitrary Unicode through ical.js', () => {
    fc.assert(
      fc.property(hostileString(300), (text) => {
        const event = { ...FIXTURE_EVENTS[0]!, title: text, summary: text }
        const body = SERIALIZERS.ics({ ...fixtureInput(), events: [event] })
        const vevent = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!
        expect(vevent.getFirstPropertyValue('summary') ?? '').toBe(textSafe(text))
        for (const physical of body.split('\r\n')) {
          expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('makes month and year events whole-month and whole-year all-day events', () => {
    const body = SERIALIZERS.ics(fixtureInput())
    expect(body).toContain('DTSTART;VALUE=DATE:20231201\r\nDTEND;VALUE=DATE:20240101\r\n')
    expect(body).toContain('DTSTART;VALUE=DATE:20200101\r\nDTEND;VALUE=DATE:20220101\r\n')
    expect(body).toContain('DTSTART;VALUE=DATE:20230227\r\nDTEND;VALUE=DATE:20230303\r\n')
    expect(body).toContain('DTSTAMP:20261128T000000Z\r\n')
  })
})

/** One record in RFC 4180 §2's grammar (papaparse alone forgives stray quotes). */
const CSV_FIELD = '(?:"(?:[^"]|"")*"|[^",\\r\\n]*)'
const RFC_4180_RECORD = new RegExp(`^${CSV_FIELD}(?:,${CSV_FIELD})*\\r\\n$`)

describe('CSV writing rules (RFC 4180)', () => {
  it('round-trips arbitrary Unicode through papaparse', () => {
    fc.assert(
      fc.property(fc.array(hostileString(60), { minLength: 2, maxLength: 6 }), (cells) => {
        const line = `${cells.map(csvField).join(',')}\r\n`
        expect(line).toMatch(RFC_4180_RECORD)
        const parsed = Papa.parse<string[]>(line, { newline: '\r\n', delimiter: ',' })
        expect(parsed.data[0]).toEqual(cells)
      }),
      { numRuns: 300 },
    )
  })
})

describe('XML escaping for Atom', () => {
  it('round-trips arbitrary XML-legal text through fast-xml-parser', () => {
    const parser = new XMLParser({ parseTagValue: false, trimValues: false, htmlEntities: false })
    fc.assert(
      fc.property(hostileString(200), (text) => {
        const legal = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
        // XML normalizes CR and CRLF to LF when it reads a document.
        const expected = legal.replace(/\r\n?/g, '\n')
        const parsed = parser.parse(`<x>${escapeXml(text)}</x>`).x ?? ''
        expect(String(parsed)).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('JSON-LD', () => {
  it('expands with a JSON-LD processor into schema.org Events with coordinates', async () => {
    // The processor would fetch schema.org's context; tests run offline, so a local loader serves
    // the part of it this document relies on: schema.org terms under @vocab.
    const documentLoader = async (url: string) => {
      if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`unexpected fetch ${url}`)
      return {
        contextUrl: undefined,
        documentUrl: url,
        document: { '@context': { '@vocab': 'https://schema.org/' } },
      }
    }
    const doc = JSON.parse(SERIALIZERS.jsonld(fixtureInput()))
    const [list] = (await jsonld.expand(doc, { documentLoader: documentLoader as any })) as any[]
    const s = (term: string) => `https://schema.org/${term}`
    expect(list['@type']).toEqual([s('ItemList')])
    const events = list[s('itemListElement')].map((e: any) => e[s('item')][0])
    expect(events.map((e: any) => e['@type'][0])).toEqual(FIXTURE_EVENTS.map(() => s('Event')))
    expect(events.map((e: any) => e[s('name')][0]['@value'])).toEqual(
      FIXTURE_EVENTS.map((e) => e.title),
    )
    expect(events.map((e: any) => e[s('startDate')][0]['@value'])).toEqual(
      FIXTURE_EVENTS.map((e) => e.date.start),
    )
    const geo = events[0][s('location')][0][s('geo')][0]
    expect(geo[s('latitude')][0]['@value']).toBe(FIXTURE_EVENTS[0]!.places[0]!.coordinates.lat)
    expect(geo[s('longitude')][0]['@value']).toBe(FIXTURE_EVENTS[0]!.places[0]!.coordinates.lon)
    expect(events[0][s('eventStatus')][0]['@value']).toBe(s('EventScheduled'))
    expect(events[1][s('eventStatus')]).toBeUndefined()
  })
})
