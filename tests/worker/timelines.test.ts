import { describe, expect, it } from 'vitest'
import { call, getJson, TIMELINE } from './helpers.ts'

describe('GET /v1/timelines/{id}', () => {
  it('serves the whole timeline in chronological order', async () => {
    const { res, body } = await getJson(`/v1/timelines/${TIMELINE}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(body.events.length).toBeGreaterThanOrEqual(20)
    const starts = body.events.map((e: any) => e.date.start)
    expect(starts).toEqual([...starts].sort())
  })

  it('answers an unknown timeline with a 404 problem', async () => {
    const res = await call('/v1/timelines/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await res.json<any>()).status).toBe(404)
  })
})
