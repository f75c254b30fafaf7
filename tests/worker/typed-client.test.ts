/**
 * @module tests/worker/typed-client
 * Hono's typed client against the exported `AppType`: routes, path parameters and queries are
 * checked by the compiler (`npx tsc --noEmit` covers this file), and the calls reach the real
 * Worker through `exports.default.fetch`.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { hc } from 'hono/client'
import { exports } from 'cloudflare:workers'
import type { AppType } from '../../src/index.ts'
import { ORIGIN, TIMELINE } from './helpers.ts'

const worker = (exports as unknown as { default: Fetcher }).default
const client = hc<AppType>(ORIGIN, {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => worker.fetch(new Request(input, init)),
})

describe('hc<AppType>', () => {
  it('GET /v1/timelines/:id/events with a typed query', async () => {
    const res = await client.v1.timelines[':id'].events.$get({
      param: { id: TIMELINE },
      query: { kind: 'visit', actor: ['wang-yi'], limit: '2', sort: 'desc' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Total-Count')).toMatch(/^\d+$/)
    const body = (await res.json()) as {
      total: number
      count: number
      items: { id: string; kind: string; participants: { actor: { id: string } }[] }[]
    }
    expect(body.count).toBe(Math.min(2, body.total))
    expect(body.total).toBeGreaterThan(0)
    for (const event of body.items) {
      expect(event.kind).toBe('visit')
      expect(event.participants.map((p) => p.actor.id)).toContain('wang-yi')
    }
  })

  it('accepts lang on a timeline and its events', async () => {
    const res = await client.v1.timelines[':id'].$get({
      param: { id: TIMELINE },
      query: { lang: 'uk' },
    })
    expect(res.headers.get('Content-Language')).toBe('uk-t-en-t0-und')
    const events = await client.v1.timelines[':id'].events.$get({
      param: { id: TIMELINE },
      query: { lang: 'zh-Hans-CN', limit: '1' },
    })
    expect(events.headers.get('Content-Language')).toBe('zh-t-en-t0-und')
  })

  it('builds typed URLs, and the compiler knows the routes and their parameters', () => {
    const url = client.v1.timelines[':id'].events.$url({
      param: { id: TIMELINE },
      query: { from: '2023-02-18', tag: 'ukraine' },
    })
    expect(url.href).toBe(`${ORIGIN}/v1/timelines/${TIMELINE}/events?from=2023-02-18&tag=ukraine`)
    expectTypeOf(client.v1.timelines[':id'].events.$get).parameter(0).toHaveProperty('query')
    const events = client.v1.timelines[':id'].events
    const unknown = { param: { id: TIMELINE }, query: { colour: 'red' } }
    // @ts-expect-error: "colour" is not a parameter of the events query
    void events.$url(unknown)
    const badSort = { param: { id: TIMELINE }, query: { sort: 'up' } }
    // @ts-expect-error: "sort" accepts asc or desc
    void events.$url(badSort)
  })

  it('GET /v1/actors/:id and /v1 through the same client', async () => {
    // Resources without parameters take an empty query (their schema is a strict empty object).
    const actor = await client.v1.actors[':id'].$get({ param: { id: 'wang-yi' }, query: {} })
    expect(actor.status).toBe(200)
    expect(((await actor.json()) as { id: string }).id).toBe('wang-yi')
    const index = await client.v1.$get({ query: {} })
    expect(((await index.json()) as { name: string }).name).toBe('Dateline')
  })
})
