/**
 * @module tests/worker/entities.test
 * `/v1/actors` and `/v1/places`, with their events across timelines.
 */
import { describe, expect, it } from 'vitest'
import { call, getJson, TIMELINE } from './helpers.ts'

describe.each(['actors', 'places'] as const)('GET /v1/%s', (kind) => {
  it('lists every entity with its event count', async () => {
    const { res, body } = await getJson(`/v1/${kind}`)
    expect(res.status).toBe(200)
    expect(body.total).toBe(body.items.length)
    const events = (await getJson(`/v1/timelines/${TIMELINE}`)).body.events
    for (const item of body.items) {
      const expected = events.filter((e: any) =>
        kind === 'actors'
          ? e.participants.some((p: any) => p.actor.id === item.id)
          : e.places.some((p: any) => p.id === item.id),
      ).length
      expect(item.eventCount, item.id).toBe(expected)
    }
  })

  it('serves one entity with its events, and 404 for an unknown one', async () => {
    const id = kind === 'actors' ? 'wang-yi' : 'munich'
    const { res, body } = await getJson(`/v1/${kind}/${id}`)
    expect(res.status).toBe(200)
    expect(body.id).toBe(id)
    expect(body.events.length).toBe(body.eventCount)
    expect(body.events.length).toBeGreaterThan(3)
    for (const event of body.events) expect(event.href).toMatch(/^\/v1\/timelines\/[^/]+\/events\//)
    if (kind === 'actors') expect(body.events.every((e: any) => e.role)).toBe(true)
    const missing = await call(`/v1/${kind}/atlantis`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })
})
