/**
 * @module tests/worker/events.test
 * `GET /v1/timelines/{id}/events`: every filter, their combinations, sorting, sparse fieldsets
 * and paging, against the shipped timeline inside workerd.
 */
import { describe, expect, it } from 'vitest'
import { call, getJson, TIMELINE } from './helpers.ts'

const EVENTS = `/v1/timelines/${TIMELINE}/events`
const ids = async (query: string) => {
  const { res, body } = await getJson(`${EVENTS}?limit=500${query ? `&${query}` : ''}`)
  expect(res.status, JSON.stringify(body)).toBe(200)
  return body.items.map((e: any) => e.id) as string[]
}
const all = async () => (await getJson(`/v1/timelines/${TIMELINE}`)).body.events as any[]

describe('filters', () => {
  it('with none, lists every event in chronological order', async () => {
    const { body } = await getJson(EVENTS)
    const events = await all()
    expect(body.total).toBe(events.length)
    expect(body.items.map((e: any) => e.id)).toEqual(events.map((e) => e.id))
  })

  it('from/to take days, months and years, inclusive', async () => {
    expect(await ids('from=2023-02-20&to=2023-02-20')).toEqual(
      expect.arrayContaining([
        'biden-visits-kyiv',
        'peskov-does-not-rule-out-putin-meeting',
        'wang-yi-visits-hungary',
      ]),
    )
    expect(await ids('from=2022&to=2022')).toEqual([
      'russia-invades-ukraine',
      'xi-putin-year-end-call',
    ])
    expect(await ids('from=2023-03')).toEqual(['xi-state-visit-moscow'])
    expect(await ids('to=2022-02-24')).toEqual(['russia-invades-ukraine'])
  })

  it('a span matches any range it overlaps', async () => {
    const hits = await ids('from=2023-02-25&to=2023-02-25')
    // The Mosi II exercise ran 17–27 February; nothing else covers the 25th.
    expect(hits).toEqual(['mosi-ii-naval-exercise'])
    expect(await ids('from=2023-02-22&to=2023-02-22')).toEqual(
      expect.arrayContaining([
        'wang-yi-european-tour',
        'wang-yi-visits-russia',
        'wang-yi-meets-lavrov',
      ]),
    )
  })

  it('a month-precision event matches a range that overlaps its month', async () => {
    expect(await ids('from=2023-01-15&to=2023-01-16')).toEqual([
      'wang-yi-appointed-foreign-policy-chief',
    ])
  })

  it('every event matched by a date filter really overlaps it', async () => {
    const from = '2023-02-18'
    const to = '2023-02-19'
    const expected = (await all())
      .filter((e) => (e.date.end ?? e.date.start) >= from && e.date.start <= to)
      .map((e) => e.id)
    expect(await ids(`from=${from}&to=${to}`)).toEqual(expected)
  })

  it.each(['actor', 'place', 'kind', 'tag', 'status'] as const)(
    '%s: commas and repetition are OR; matches exactly the events that carry the value',
    async (param) => {
      const events = await all()
      const values = (e: any): string[] =>
        param === 'actor'
          ? e.participants.map((p: any) => p.actor.id)
          : param === 'place'
            ? e.places.map((p: any) => p.id)
            : param === 'tag'
              ? e.tags
              : [e[param]]
      const universe = [...new Set(events.flatMap(values))].sort()
      const [a, b] = universe
      for (const v of [a!, b!]) {
        expect(await ids(`${param}=${v}`)).toEqual(
          events.filter((e) => values(e).includes(v)).map((e) => e.id),
        )
      }
      const either = events.filter((e) => values(e).includes(a!) || values(e).includes(b!))
      expect(await ids(`${param}=${a},${b}`)).toEqual(either.map((e) => e.id))
      expect(await ids(`${param}=${a}&${param}=${b}`)).toEqual(either.map((e) => e.id))
    },
  )

  it('different parameters are AND-ed', async () => {
    const events = await all()
    const expected = events
      .filter(
        (e) =>
          e.participants.some((p: any) => p.actor.id === 'wang-yi') &&
          e.kind === 'meeting' &&
          e.date.start >= '2023-02-17',
      )
      .map((e) => e.id)
    expect(expected.length).toBeGreaterThan(1)
    expect(await ids('actor=wang-yi&kind=meeting&from=2023-02-17')).toEqual(expected)
  })

  it('q searches titles, summaries and quotes, ignoring case and accents', async () => {
    expect(await ids('q=FACE%20the%20NATION')).toEqual(['blinken-face-the-nation-interview'])
    // Accents in the query fold away too: "Múnïch" finds "Munich".
    expect(await ids(`q=${encodeURIComponent('Múnïch')}`)).toEqual(await ids('q=munich'))
    // Quotes are searched: "thick, tinted glasses" is only in the Global Times quote.
    expect(await ids('q=tinted%20glasses')).toEqual(['global-times-editorial-china-russia'])
    // All words must match, in any order.
    expect(await ids('q=lavrov%20wednesday')).toEqual(['wang-yi-meets-lavrov'])
    expect(await ids('q=zzzz-no-such-word')).toEqual([])
  })

  it('an unknown value of a known filter matches nothing rather than failing', async () => {
    const { res, body } = await getJson(`${EVENTS}?actor=nobody-at-all`)
    expect(res.status).toBe(200)
    expect(body.total).toBe(0)
  })
})

describe('sort, fields and limit', () => {
  it('sort=desc reverses the order', async () => {
    expect(await ids('sort=desc')).toEqual((await ids('')).toReversed())
    expect(await ids('sort=asc')).toEqual(await ids(''))
  })

  it('fields picks members (and always keeps id)', async () => {
    const { body } = await getJson(`${EVENTS}?fields=title,date&limit=3`)
    for (const item of body.items) expect(Object.keys(item).sort()).toEqual(['date', 'id', 'title'])
  })

  it('limit defaults to 50 and accepts 1..500', async () => {
    expect((await getJson(EVENTS)).body.limit).toBe(50)
    expect((await getJson(`${EVENTS}?limit=2`)).body.items).toHaveLength(2)
    for (const bad of ['0', '501', '-1', '1.5', 'ten', '']) {
      const res = await call(`${EVENTS}?limit=${bad}`)
      expect(res.status, bad).toBe(400)
      expect(((await res.json()) as any).parameter).toBe('limit')
    }
  })
})

describe('paging', () => {
  const QUERIES = [
    '',
    'sort=desc',
    'actor=wang-yi',
    'kind=statement,meeting&sort=desc',
    'from=2023-02-17&to=2023-02-20&q=wang',
    'tag=no-such-tag',
  ]

  it.each(QUERIES)('walking "%s" with limit=1 yields exactly the unpaged result', async (query) => {
    const expected = await ids(query)
    const seen: string[] = []
    let next: string | undefined = `${EVENTS}?limit=1${query ? `&${query}` : ''}`
    let followed = false
    while (next) {
      const { res, body }: { res: Response; body: any } = await getJson(next)
      expect(res.status).toBe(200)
      // A later page names itself by its own cursor, not by the first page's URL.
      if (followed) expect(body.links.self).toBe(next)
      followed = true
      expect(body.total).toBe(expected.length)
      expect(res.headers.get('X-Total-Count')).toBe(String(expected.length))
      seen.push(...body.items.map((e: any) => e.id))
      next = body.links.next
      if (next) expect(res.headers.get('Link')).toContain(`<${next}>; rel="next"`)
      expect(seen.length).toBeLessThanOrEqual(expected.length)
    }
    expect(seen).toEqual(expected)
  })

  it('prev links walk back to the first page', async () => {
    let { body } = await getJson(`${EVENTS}?limit=4&kind=visit,meeting,statement`)
    const pages = [body.items.map((e: any) => e.id)]
    while (body.links.next) {
      body = (await getJson(body.links.next)).body
      pages.push(body.items.map((e: any) => e.id))
    }
    for (let i = pages.length - 2; i >= 0; i--) {
      expect(body.links.prev).toBeDefined()
      body = (await getJson(body.links.prev)).body
      expect(body.items.map((e: any) => e.id)).toEqual(pages[i])
    }
    expect(body.links.prev).toBeUndefined()
  })

  it('rejects a cursor it did not issue', async () => {
    for (const cursor of ['abc', 'djEuei4x', '!!!', 'x'.repeat(65)]) {
      const res = await call(`${EVENTS}?cursor=${cursor}`)
      expect(res.status, cursor).toBe(400)
      expect(((await res.json()) as any).parameter).toBe('cursor')
    }
  })
})

describe('bad input', () => {
  it.each([
    ['kind=party', 'kind', /accepts .*visit/],
    ['status=rumoured', 'status', /accepts .*happened/],
    ['from=2023-13', 'from', /not a real calendar date/],
    ['from=2023-02-30', 'from', /not a real calendar date/],
    ['to=yesterday', 'to', /YYYY/],
    ['sort=up', 'sort', /asc or desc/],
    ['fields=colour', 'fields', /accepts .*title/],
    ['actor=Wang%20Yi', 'actor', /ids like/],
    ['q=' + 'a'.repeat(300), 'q', /longer than/],
    ['sort=asc&sort=desc', 'sort', /once/],
    ['format=pdf', 'format', /accepts .*ics/],
  ])('%s → 400 naming %s', async (query, parameter, detail) => {
    const res = await call(`${EVENTS}?${query}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = (await res.json()) as any
    expect(body).toMatchObject({ status: 400, parameter, title: 'Invalid parameter' })
    expect(body.detail).toMatch(detail)
    expect(res.headers.get('ETag')).toBeNull()
  })

  it('an unknown parameter → 400 naming it, even beside a bad value', async () => {
    const res = await call(`${EVENTS}?colour=red&limit=x`)
    expect(res.status).toBe(400)
    const body = (await res.json()) as any
    expect(body).toMatchObject({ title: 'Unknown parameter', parameters: ['colour'] })
    expect(body.detail).toContain('"colour"')
  })
})
