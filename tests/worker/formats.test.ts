/**
 * @module tests/worker/formats.test
 * `GET /v1/timelines/{id}/events` in every format, over HTTP inside workerd with the shipped data:
 * each representation is read back by a real parser and must match the JSON answer to the same
 * query; then the negotiation (`?format`, `Accept`, extensions), caching and headers.
 */
import { describe, expect, it } from 'vitest'
import { exports } from 'cloudflare:workers'
import { call, getJson, ORIGIN, TIMELINE } from './helpers.ts'
import { CHECKS } from '../fixtures/format-checks.ts'
import { FORMAT_SPECS, NEGOTIABLE_MEDIA_TYPES } from '../../src/formats/registry.ts'

const EVENTS = `/v1/timelines/${TIMELINE}/events`
const FORMAT_NAMES = Object.keys(CHECKS) as (keyof typeof CHECKS)[]
const extensionOf = (format: string) => FORMAT_SPECS.find((f) => f.format === format)!.extensions[0]
const json = async (query: string) => {
  const { res, body } = await getJson(`${EVENTS}${query ? `?${query}` : ''}`)
  expect(res.status).toBe(200)
  return { res, body }
}

/** Queries whose answers differ in size, order, precision and paging. */
const QUERIES = [
  '',
  'limit=5',
  'kind=visit,meeting&sort=desc',
  'from=2023-01&to=2023-01',
  'q=munich&status=happened,reported',
  'place=moscow&limit=2&sort=desc',
]

describe.each(FORMAT_NAMES)('GET …/events as %s', (format) => {
  it.each(QUERIES)(
    'matches the JSON answer to "%s", by ?format and by extension',
    async (query) => {
      const { res: jsonRes, body } = await json(query)
      const title = (await getJson(`/v1/timelines/${TIMELINE}`)).body.title as string
      const ctx = { origin: ORIGIN, timeline: { id: TIMELINE, title } }
      const spec = FORMAT_SPECS.find((f) => f.format === format)!
      for (const path of [
        `${EVENTS}?format=${format}${query ? `&${query}` : ''}`,
        `${EVENTS}.${extensionOf(format)}${query ? `?${query}` : ''}`,
      ]) {
        const res = await call(path)
        expect(res.status, path).toBe(200)
        expect(res.headers.get('content-type')).toBe(spec.contentType)
        expect(res.headers.get('x-total-count')).toBe(jsonRes.headers.get('x-total-count'))
        // The format is named in the URL, so the answer does not vary on Accept; the language is
        // not, so it varies on Accept-Language.
        expect(res.headers.get('vary')).toBe('Accept-Language')
        expect(res.headers.get('cache-tag')).toBe(
          `timeline:${TIMELINE},kind:events,format:${format},lang:en`,
        )
        CHECKS[format](await res.text(), body.items, ctx)
      }
    },
  )

  it('pages with a Link header to the same format, and the next page matches JSON’s', async () => {
    const ext = extensionOf(format)
    const res = await call(`${EVENTS}.${ext}?limit=4`)
    const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1]
    expect(next).toMatch(
      new RegExp(`^/v1/timelines/${TIMELINE}/events\\.${ext.replace('.', '\\.')}\\?cursor=`),
    )
    const { body } = await json(
      `limit=4&cursor=${new URL(next!, ORIGIN).searchParams.get('cursor')}`,
    )
    const title = (await getJson(`/v1/timelines/${TIMELINE}`)).body.title as string
    const page2 = await call(next!)
    CHECKS[format](await page2.text(), body.items, {
      origin: ORIGIN,
      timeline: { id: TIMELINE, title },
    })
  })
})

describe('GET …/events.json and ?format=json', () => {
  it('are the JSON answer', async () => {
    const { body } = await json('limit=3')
    const viaExt = await getJson(`${EVENTS}.json?limit=3`)
    const viaParam = await getJson(`${EVENTS}?format=json&limit=3`)
    expect(viaExt.body.items).toEqual(body.items)
    expect(viaParam.body.items).toEqual(body.items)
    expect(viaExt.res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('serves a TimelineJS document at .timelinejs.json, not JSON', async () => {
    const { body } = await getJson(`${EVENTS}.timelinejs.json`)
    expect(body.events.length).toBeGreaterThan(0)
    expect(body.items).toBeUndefined()
  })
})

describe('content negotiation on Accept', () => {
  const accepting = (accept: string | null, query = 'limit=1') =>
    call(`${EVENTS}?${query}`, accept === null ? {} : { headers: { Accept: accept } })
  const typeOf = (res: Response) => res.headers.get('content-type')?.split(';')[0]

  it.each(NEGOTIABLE_MEDIA_TYPES)('serves %s when asked for it', async (mediaType) => {
    const res = await accepting(mediaType)
    expect(res.status).toBe(200)
    expect(typeOf(res)).toBe(mediaType)
    expect(res.headers.get('vary')).toMatch(/\bAccept\b/)
  })

  it('answers JSON with no Accept, */*, * and a browser’s Accept', async () => {
    for (const accept of [
      null,
      '',
      '*/*',
      '*',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    ]) {
      const res = await accepting(accept)
      expect(res.status, String(accept)).toBe(200)
      expect(typeOf(res), String(accept)).toBe('application/json')
    }
  })

  it('follows q-values and specificity', async () => {
    const cases: [string, string][] = [
      ['text/csv;q=0.5, text/calendar', 'text/calendar'],
      ['text/csv;q=0.9, text/calendar;q=0.4', 'text/csv'],
      ['application/atom+xml;q=0.1, application/feed+json;q=0.2', 'application/feed+json'],
      ['text/*', 'text/calendar'],
      ['text/*;q=0.3, text/csv', 'text/csv'],
      ['application/json;q=0, */*', 'application/ld+json'],
      ['text/html, application/geo+json;q=0.1', 'application/geo+json'],
      ['TEXT/CSV', 'text/csv'],
    ]
    for (const [accept, expected] of cases) {
      const res = await accepting(accept)
      expect(res.status, accept).toBe(200)
      expect(typeOf(res), accept).toBe(expected)
    }
  })

  it('answers 406 with the available media types when nothing acceptable is on offer', async () => {
    for (const accept of [
      'text/html',
      'image/png, application/xml;q=0.9',
      'text/csv;q=0, text/calendar;q=0, text/html',
    ]) {
      const res = await accepting(accept)
      expect(res.status, accept).toBe(406)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(res.headers.get('vary')).toMatch(/\bAccept\b/)
      const problem = await res.json<any>()
      expect(problem.status).toBe(406)
      expect(problem.available).toEqual(NEGOTIABLE_MEDIA_TYPES)
    }
  })

  it('lets ?format and the extension beat Accept', async () => {
    const byFormat = await call(`${EVENTS}?format=csv&limit=1`, {
      headers: { Accept: 'text/html' },
    })
    expect(byFormat.status).toBe(200)
    expect(typeOf(byFormat)).toBe('text/csv')
    const byExt = await call(`${EVENTS}.ics?limit=1`, { headers: { Accept: 'application/json' } })
    expect(typeOf(byExt)).toBe('text/calendar')
  })
})

describe('extension routes', () => {
  it.each(FORMAT_SPECS.flatMap((f) => f.extensions.map((ext) => [ext, f] as const)))(
    '.%s serves its format',
    async (ext, spec) => {
      const res = await call(`${EVENTS}.${ext}?limit=1`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(spec.contentType)
      // The file name carries the language: the timeline is offered in several.
      expect(res.headers.get('content-disposition')).toBe(
        `${spec.disposition}; filename="${TIMELINE}.en.${spec.extensions[0]}"`,
      )
    },
  )

  it('offers calendars and spreadsheets as downloads, feeds inline', async () => {
    const header = async (ext: string) =>
      (await call(`${EVENTS}.${ext}`)).headers.get('content-disposition')
    expect(await header('ics')).toBe(`attachment; filename="${TIMELINE}.en.ics"`)
    expect(await header('csv')).toBe(`attachment; filename="${TIMELINE}.en.csv"`)
    expect(await header('atom')).toMatch(/^inline;/)
    expect(await header('feed.json')).toMatch(/^inline;/)
  })

  it('answers an unknown extension with a 404 problem', async () => {
    for (const ext of ['xml', 'ics.bak', 'exe', '%3Cscript%3E']) {
      const res = await call(`${EVENTS}.${ext}`)
      expect(res.status, ext).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await res.text()).not.toContain('<script>')
    }
  })

  it('answers a format that contradicts the extension with a 400 problem', async () => {
    const res = await call(`${EVENTS}.ics?format=csv`)
    expect(res.status).toBe(400)
    expect((await res.json<any>()).parameter).toBe('format')
    expect((await call(`${EVENTS}.ics?format=ics`)).status).toBe(200)
  })

  it('validates the query like the JSON route', async () => {
    const res = await call(`${EVENTS}.csv?limit=0`)
    expect(res.status).toBe(400)
    // The extension names the format: nothing at this URL depends on Accept.
    expect(res.headers.get('vary')).toBe('Accept-Language')
    expect((await call(`/v1/timelines/nope/events.ics`)).status).toBe(404)
  })
})

describe('caching per representation', () => {
  const paths = [
    `${EVENTS}?limit=3`,
    ...FORMAT_NAMES.map((f) => `${EVENTS}?format=${f}&limit=3`),
    ...FORMAT_NAMES.map((f) => `${EVENTS}.${extensionOf(f)}?limit=3`),
  ]

  it('gives every format its own ETag, the same one on every request', async () => {
    const etags = new Map<string, string>()
    for (const path of paths) {
      const first = (await call(path)).headers.get('etag')!
      expect(first).toMatch(/^"[^"]+"$/)
      expect((await call(path)).headers.get('etag')).toBe(first)
      etags.set(path, first)
    }
    const byFormat = new Set(paths.slice(0, 1 + FORMAT_NAMES.length).map((p) => etags.get(p)))
    expect(byFormat.size).toBe(1 + FORMAT_NAMES.length)
    // A negotiated answer and the same format by name are the same bytes, so the same ETag.
    const negotiated = await call(`${EVENTS}?limit=3`, { headers: { Accept: 'text/csv' } })
    expect(negotiated.headers.get('etag')).not.toBe(etags.get(`${EVENTS}?limit=3`))
  })

  it('answers 304 to its own ETag only, with the 200s Vary', async () => {
    for (const path of paths) {
      const res = await call(path)
      const etag = res.headers.get('etag')!
      const cached = await call(path, { headers: { 'If-None-Match': etag } })
      expect(cached.status, path).toBe(304)
      expect(cached.headers.get('etag')).toBe(etag)
      // Only a URL that names no format is negotiated, hence varies on Accept.
      const negotiated = !path.includes('format=') && !path.includes('/events.')
      expect(cached.headers.get('vary'), path).toBe(
        negotiated ? 'Accept, Accept-Language' : 'Accept-Language',
      )
      expect(cached.headers.get('vary'), path).toBe(res.headers.get('vary'))
      expect(cached.headers.get('cache-tag'), path).toBe(res.headers.get('cache-tag'))
      const other = await call(path, { headers: { 'If-None-Match': '"other-etag"' } })
      expect(other.status).toBe(200)
    }
    const csv = (await call(`${EVENTS}?limit=3`, { headers: { Accept: 'text/csv' } })).headers.get(
      'etag',
    )!
    const asJson = await call(`${EVENTS}?limit=3`, { headers: { 'If-None-Match': csv } })
    expect(asJson.status).toBe(200)
    const asCsv = await call(`${EVENTS}?limit=3`, {
      headers: { Accept: 'text/csv', 'If-None-Match': csv },
    })
    expect(asCsv.status).toBe(304)
  })

  it('builds absolute URLs from the request origin and keys the cache by it', async () => {
    const fetcher = (exports as unknown as { default: Fetcher }).default
    const here = await call(`${EVENTS}.ics?limit=1`)
    const there = await fetcher.fetch(`https://elsewhere.example${EVENTS}.ics?limit=1`)
    const hereText = await here.text()
    const thereText = await there.text()
    expect(hereText).toContain(`URL:${ORIGIN}/embed/`)
    expect(thereText).toContain('URL:https://elsewhere.example/embed/')
    expect(there.headers.get('etag')).not.toBe(here.headers.get('etag'))
  })
})

describe('events.svg', () => {
  const gzipSize = async (text: string) => {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
    return (await new Response(stream).arrayBuffer()).byteLength
  }

  it('may use only its own inline style, runs nothing, and is sandboxed', async () => {
    for (const path of [`${EVENTS}.svg`, `${EVENTS}?format=svg`]) {
      const res = await call(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
      )
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    // Other formats keep the API's policy.
    expect((await call(`${EVENTS}.csv`)).headers.get('content-security-policy')).not.toContain(
      'unsafe-inline',
    )
  })

  it('weighs at most 8 KB gzip for the whole shipped timeline', async () => {
    const body = await (await call(`${EVENTS}.svg?limit=500`)).text()
    const size = await gzipSize(body)
    console.log(`events.svg: ${body.length} bytes, ${size} bytes gzip`)
    expect(size).toBeLessThanOrEqual(8 * 1024)
  })

  it('is what Accept: image/svg+xml and image/* get', async () => {
    for (const accept of ['image/svg+xml', 'image/*', 'image/png, image/svg+xml;q=0.5']) {
      const res = await call(`${EVENTS}?limit=1`, { headers: { Accept: accept } })
      expect(res.status, accept).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    }
  })

  it('draws an empty axis that says so when nothing matches', async () => {
    const res = await call(`${EVENTS}.svg?q=nothing-matches-this`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('No events match.')
  })
})
