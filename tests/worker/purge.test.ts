/**
 * @module tests/worker/purge.test
 * The edge-cache purge (src/routes/purge.ts) through the Worker's own export: refused exactly as
 * any other POST unless the secret is configured and sent, and when authorized, a purge of the
 * timeline's tags. Workers Cache does not exist in workerd's local mode (`ctx.cache` is
 * undefined), so the authorized cases hand the Worker an execution context whose `cache` records
 * the call: the platform API is the one part not run for real.
 */
import { describe, expect, it } from 'vitest'
import worker from '../../src/index.ts'
import { PURGE_PATH, type PurgeEnv } from '../../src/routes/purge.ts'
import { ORIGIN, TIMELINE } from './helpers.ts'

const TOKEN = 'test-token-0123456789'

/** The Worker's fetch, with requests built here (not the edge's, which carry `cf`). */
const fetchWorker = worker.fetch as (
  request: Request,
  env: PurgeEnv,
  ctx: ExecutionContext,
) => Promise<Response>

const request = (query: string, authorization?: string) =>
  new Request(`${ORIGIN}${PURGE_PATH}?${query}`, {
    method: 'POST',
    headers: authorization ? { Authorization: authorization } : {},
  })

const context = (cache?: CacheContext) => {
  const purged: CachePurgeOptions[] = []
  const recording: CacheContext | undefined = cache ?? {
    purge: async (options) => {
      purged.push(options)
      return { success: true, errors: [] }
    },
    invalidate: async () => ({ success: true, errors: [] }),
  }
  const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, cache: recording }
  return { ctx: ctx as unknown as ExecutionContext, purged }
}

const answer = async (res: Response) => ({ status: res.status, body: await res.text() })

describe('POST /admin/purge', () => {
  it.each([
    ['no secret configured', {}, `Bearer ${TOKEN}`],
    ['no token sent', { PURGE_TOKEN: TOKEN }, undefined],
    ['a wrong token', { PURGE_TOKEN: TOKEN }, 'Bearer test-token-012345678'],
    ['another scheme', { PURGE_TOKEN: TOKEN }, `Basic ${TOKEN}`],
  ])('with %s, answers as the public app answers any POST', async (_case, env, auth) => {
    const { ctx, purged } = context()
    const res = await fetchWorker(request(`timeline=${TIMELINE}`, auth), env, ctx)
    const elsewhere = await fetchWorker(
      new Request(`${ORIGIN}/admin/other`, { method: 'POST' }),
      env,
      ctx,
    )
    expect(res.status).toBe(404)
    expect((await answer(res)).body).toBe(
      (await answer(elsewhere)).body.replaceAll('/admin/other', PURGE_PATH),
    )
    expect(purged).toEqual([])
  })

  it('purges the timeline and every cross-timeline resource by tag', async () => {
    const { ctx, purged } = context()
    const res = await fetchWorker(
      request(`timeline=${TIMELINE}`, `Bearer ${TOKEN}`),
      { PURGE_TOKEN: TOKEN },
      ctx,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const tags = [`timeline:${TIMELINE}`, 'all-timelines']
    expect(await res.json()).toEqual({ tags, success: true, errors: [] })
    expect(purged).toEqual([{ tags }])
  })

  it('refuses an unknown timeline with a 404 problem, purging nothing', async () => {
    const { ctx, purged } = context()
    const res = await fetchWorker(
      request('timeline=nope', `Bearer ${TOKEN}`),
      { PURGE_TOKEN: TOKEN },
      ctx,
    )
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(purged).toEqual([])
  })

  it('says so where Workers Cache is off (wrangler dev): a 501 problem', async () => {
    const ctx = { waitUntil: () => {}, passThroughOnException: () => {} }
    const res = await fetchWorker(
      request(`timeline=${TIMELINE}`, `Bearer ${TOKEN}`),
      { PURGE_TOKEN: TOKEN },
      ctx as unknown as ExecutionContext,
    )
    expect(res.status).toBe(501)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('passes a failed purge on as a 502 with the cache’s errors', async () => {
    const errors = [{ code: 1, message: 'rate limited' }]
    const { ctx } = context({
      purge: async () => ({ success: false, errors }),
      invalidate: async () => ({ success: false, errors }),
    })
    const res = await fetchWorker(
      request(`timeline=${TIMELINE}`, `Bearer ${TOKEN}`),
      { PURGE_TOKEN: TOKEN },
      ctx,
    )
    expect(res.status).toBe(502)
    expect(((await res.json()) as { errors: unknown }).errors).toEqual(errors)
  })
})
