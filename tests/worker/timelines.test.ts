/**
 * @module tests/worker/timelines.test
 * `/v1`, `/v1/timelines`, `/v1/timelines/{id}` and `/v1/timelines/{id}/events/{eventId}`.
 */
import { describe, expect, it } from 'vitest'
import { call, getJson, TIMELINE } from './helpers.ts'

describe('GET /v1', () => {
  it('links to every resource', async () => {
    const { res, body } = await getJson('/v1')
    expect(res.status).toBe(200)
    expect(body.links).toMatchObject({
      timelines: '/v1/timelines',
      actors: '/v1/actors',
      places: '/v1/places',
      openapi: '/openapi.json',
    })
    expect(body.timelines[0].id).toBe(TIMELINE)
  })
})

describe('GET /v1/timelines', () => {
  it('lists timelines with event counts and date ranges', async () => {
    const { res, body } = await getJson('/v1/timelines')
    expect(res.status).toBe(200)
    const item = body.items.find((t: any) => t.id === TIMELINE)
    const full = (await getJson(`/v1/timelines/${TIMELINE}`)).body
    expect(item.eventCount).toBe(full.events.length)
    expect(item.range).toEqual({ start: '2022-02-24', end: '2023-03-22' })
    // Explicit language: the timeline is offered in several.
    expect(item.links.events).toBe(`/v1/timelines/${TIMELINE}/events?lang=en`)
  })
})

describe('GET /v1/timelines/{id}', () => {
  it('serves the whole timeline in chronological order with its sources', async () => {
    const { res, body } = await getJson(`/v1/timelines/${TIMELINE}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(body.events.length).toBeGreaterThanOrEqual(20)
    const starts = body.events.map((e: any) => e.date.start)
    expect(starts).toEqual([...starts].sort())
    expect(body.sources[0]).toMatchObject({ publisher: 'CNN', published: '2023-02-21' })
    expect(body.sources[0].text).toBeUndefined()
  })

  it('publishes the real dates, not the copy’s header year', async () => {
    const { body } = await getJson(`/v1/timelines/${TIMELINE}`)
    const byId = new Map(body.events.map((e: any) => [e.id, e]))
    const day = (id: string) => (byId.get(id) as any).date.start
    expect(day('wang-yi-visits-russia')).toBe('2023-02-21') // "arrived in Moscow on Tuesday"
    expect(day('biden-visits-kyiv')).toBe('2023-02-20') // "on Monday"
    expect(day('wang-yi-msc-speech')).toBe('2023-02-18') // "on Saturday"
    expect(day('blinken-face-the-nation-interview')).toBe('2023-02-19') // "aired Sunday"
    expect(day('wang-yi-meets-lavrov')).toBe('2023-02-22') // "on Wednesday"
    for (const event of body.events) expect(event.date.start.startsWith('2024')).toBe(false)
  })

  it('answers an unknown timeline with a 404 problem', async () => {
    const res = await call('/v1/timelines/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await res.json()).toMatchObject({ status: 404, detail: 'No timeline "nope"' })
  })

  it('rejects query parameters it does not take', async () => {
    const res = await call(`/v1/timelines/${TIMELINE}?kind=visit`)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ parameters: ['kind'] })
  })
})

describe('GET /v1/timelines/{id}/events/{eventId}', () => {
  it('resolves actors, places and citations and links neighbours and related events', async () => {
    const { res, body } = await getJson(`/v1/timelines/${TIMELINE}/events/wang-yi-visits-russia`)
    expect(res.status).toBe(200)
    expect(body.places[0]).toMatchObject({
      id: 'moscow',
      coordinates: { lat: 55.7558, lon: 37.6173 },
    })
    expect(body.participants[0]).toMatchObject({
      actor: { id: 'wang-yi', name: 'Wang Yi' },
      role: 'guest',
    })
    expect(body.citations[0].source).toMatchObject({ id: 'cnn-2023-02-21', publisher: 'CNN' })
    expect(body.citations[0].quote).toContain('arrived in Moscow on Tuesday')
    expect(body.notes.length).toBeGreaterThan(0)
    const all = (await getJson(`/v1/timelines/${TIMELINE}`)).body.events.map((e: any) => e.id)
    const at = all.indexOf('wang-yi-visits-russia')
    expect(body.links.prev.id).toBe(all[at - 1])
    expect(body.links.next.id).toBe(all[at + 1])
    expect(body.links.related.map((r: any) => r.id)).toEqual(body.related)
    for (const link of [body.links.prev, body.links.next, ...body.links.related]) {
      expect((await call(link.href)).status).toBe(200)
    }
  })

  it('has no prev link on the first event and no next link on the last', async () => {
    const all = (await getJson(`/v1/timelines/${TIMELINE}`)).body.events
    const first = (await getJson(`/v1/timelines/${TIMELINE}/events/${all[0].id}`)).body
    const last = (await getJson(`/v1/timelines/${TIMELINE}/events/${all.at(-1).id}`)).body
    expect(first.links.prev).toBeUndefined()
    expect(last.links.next).toBeUndefined()
  })

  it('answers an unknown event with a 404 problem', async () => {
    const res = await call(`/v1/timelines/${TIMELINE}/events/nope`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ detail: `No event "nope" in timeline "${TIMELINE}"` })
  })
})
