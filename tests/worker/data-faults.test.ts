/**
 * @module tests/worker/data-faults.test
 * Faults at the `ASSETS` boundary (src/data/store.ts). The app is built as the Worker builds it,
 * with a data tier whose reader wraps the real `ASSETS` binding of the vitest pool and breaks the
 * paths a test chooses: a file the real binding does not have (its own 404), a truncated file,
 * valid JSON of the wrong shape, and a binding that throws. A test manifest maps a second
 * timeline id (`TWIN`) onto the shipped files, so "another timeline keeps working" is a real
 * timeline read through the same binding, not the faulty one with another name.
 *
 * For each fault: that file alone answers a 503 problem with `Retry-After` and
 * `Cache-Control: no-store`; every other timeline, language, list and the index keep answering
 * 200; nothing is kept from the failed load, so the request after the fault clears is a 200. An id
 * the manifest does not list stays a 404 without any read; concurrent loads of one file share one
 * read; the loaded files stay within their byte budget.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { createApp } from '../../src/index.ts'
import { createResponseCache } from '../../src/http/cache.ts'
import { PROBLEM_CONTENT_TYPE } from '../../src/http/problem.ts'
import {
  createDataTier,
  HEAP_BYTES_PER_JSON_CHAR,
  RETRY_AFTER_SECONDS,
  type DataTier,
} from '../../src/data/store.ts'
import { shippedManifest, type Manifest } from '../../src/data/manifest.ts'
import { FILES, ORIGINAL_CATALOG } from '../../src/data/files.ts'
import { ORIGIN, TIMELINE } from './helpers.ts'

const TWIN = 'twin-of-the-shipped-timeline'
const shipped = shippedManifest()
const manifest: Manifest = {
  ...shipped,
  timelines: { ...shipped.timelines, [TWIN]: shipped.timelines[TIMELINE]! },
}
const OWN = manifest.timelines[TIMELINE]![0]!
const OTHER_LANG = manifest.timelines[TIMELINE]![1]!
const ACTOR = manifest.actors[0]!

type Fault = 'missing' | 'truncated' | 'wrong-shape' | 'throws'
const FAULTS: readonly Fault[] = ['missing', 'truncated', 'wrong-shape', 'throws']

/** Paths broken now, and every path read, in order. */
const faults = new Map<string, Fault>()
let reads: string[] = []
/** While set, every read waits for it: lets a test hold loads in flight. */
let gate: Promise<void> | undefined

/** The vitest pool's real `ASSETS` binding (wrangler.toml `[assets]`). */
const ASSETS = (env as unknown as { ASSETS: Fetcher }).ASSETS

const asset = (assets: Fetcher, path: string) =>
  assets.fetch(new Request(`https://assets.invalid/${path}`))

/** The real binding, with the twin's files served from the shipped ones and chosen paths broken. */
const faultyReader = (assets: Fetcher) => async (path: string) => {
  reads.push(path)
  await gate
  const fault = faults.get(path)
  if (fault === 'throws') throw new Error('injected: the assets binding is unreachable')
  // The real binding's own answer for a file it does not hold.
  if (fault === 'missing') return asset(assets, `${path}.deleted`)
  const real = await asset(assets, path.replaceAll(TWIN, TIMELINE))
  if (fault === 'truncated') return new Response((await real.text()).slice(0, 300))
  // Valid JSON, another file's: the mix-up a shape check must catch.
  if (fault === 'wrong-shape') {
    return asset(
      assets,
      path === FILES.landing() ? FILES.catalog(ORIGINAL_CATALOG) : FILES.landing(),
    )
  }
  if (!path.includes(TWIN) || path.endsWith('.png')) return real
  return new Response((await real.text()).replaceAll(TIMELINE, TWIN), real)
}

let tier: DataTier
let fetchApp: (path: string, init?: RequestInit) => Promise<Response>
const ctx = { waitUntil: () => {}, passThroughOnException: () => {} } as unknown as ExecutionContext

const build = (maxBytes?: number) => {
  tier = createDataTier({ manifest, reader: faultyReader, maxBytes })
  const cache = createResponseCache({ version: manifest.version })
  const served = cache.front(createApp(cache, tier).fetch)
  fetchApp = (path, init) => Promise.resolve(served(new Request(ORIGIN + path, init), env, ctx))
}

/** The log, where a fault's cause goes (never into the response). */
let logged: MockInstance<typeof console.error>

beforeEach(() => {
  logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  faults.clear()
  reads = []
  gate = undefined
  build()
})

const expectUnavailable = async (res: Response) => {
  expect(res.status).toBe(503)
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
  expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS))
  expect(res.headers.get('cache-control')).toBe('no-store')
  expect(res.headers.get('etag')).toBeNull()
  const body = (await res.json()) as Record<string, unknown>
  expect(body).toMatchObject({ status: 503, title: 'Service unavailable' })
  expect(body.type).toBe(`${ORIGIN}/docs#problem-service-unavailable`)
  // What failed inside stays in the log.
  expect(JSON.stringify(body)).not.toMatch(/injected|assets|\.json/)
}

/** The embed's own 503: an HTML page in the reader's language, for the iframe, never kept. */
const expectUnavailablePage = async (res: Response) => {
  expect(res.status).toBe(503)
  expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS))
  expect(res.headers.get('cache-control')).toBe('no-store')
  expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *')
  const html = await res.text()
  expect(html).toContain('cannot be shown just now')
  expect(html).not.toMatch(/injected|assets|\.json/)
}

const expectOk = async (path: string, init?: RequestInit) => {
  const res = await fetchApp(path, init)
  expect(res.status, path).toBe(200)
  await res.arrayBuffer()
}

describe.each(FAULTS)('a %s timeline file', (fault) => {
  const broken = FILES.timeline(TWIN, OWN)
  const path = `/v1/timelines/${TWIN}/events?lang=${OWN}`

  it('is a 503 for that timeline in that language alone; the rest keeps answering', async () => {
    faults.set(broken, fault)
    await expectUnavailable(await fetchApp(path))
    await expectUnavailable(await fetchApp(`/v1/timelines/${TWIN}?lang=${OWN}`))
    await expectUnavailablePage(await fetchApp(`/embed/${TWIN}?lang=${OWN}`))
    expect(logged).toHaveBeenCalled()
    expect(String(logged.mock.calls[0]![0])).toContain(broken)
    await expectOk(`/v1/timelines/${TIMELINE}/events?lang=${OWN}`)
    await expectOk(`/embed/${TIMELINE}`)
    await expectOk(`/v1/timelines/${TWIN}/events?lang=${OTHER_LANG}`)
    await expectOk(`/v1/timelines/${TWIN}/card.png`)
    await expectOk('/v1/timelines')
    await expectOk('/v1')
    await expectOk(`/v1/actors/${ACTOR}`)
  })

  it('is read again on the next request, and served once the fault clears', async () => {
    faults.set(broken, fault)
    await expectUnavailable(await fetchApp(path))
    await expectUnavailable(await fetchApp(path))
    expect(reads.filter((p) => p === broken)).toHaveLength(2)
    faults.delete(broken)
    const res = await fetchApp(path)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { timeline: string; total: number }
    expect(body.timeline).toBe(TWIN)
    expect(body.total).toBeGreaterThan(0)
    // Loaded now: kept, not read again.
    await expectOk(`/v1/timelines/${TWIN}/events?lang=${OWN}&limit=1`)
    expect(reads.filter((p) => p === broken)).toHaveLength(3)
  })
})

/** A file, a request it breaks, and one it must not. */
const SHARED_FILES: [string, string, string][] = [
  [FILES.catalog(ORIGINAL_CATALOG), '/v1/timelines', `/v1/timelines/${TIMELINE}`],
  [FILES.catalog(ORIGINAL_CATALOG), '/v1', '/v1/actors'],
  [FILES.entities('actors', ORIGINAL_CATALOG), '/v1/actors', '/v1/places'],
  [FILES.entities('actors', OTHER_LANG), `/v1/actors?lang=${OTHER_LANG}`, '/v1/actors'],
  [
    FILES.entity('actors', ACTOR, ORIGINAL_CATALOG),
    `/v1/actors/${ACTOR}`,
    `/v1/actors/${manifest.actors[1]}`,
  ],
  [FILES.landing(), '/?timeline=x', '/v1'],
]
/** A card is served as the bytes it is (the PNG is not parsed): only its absence is a fault. */
const CARD: [string, string, string] = [
  FILES.card(TWIN),
  `/v1/timelines/${TWIN}/card.png`,
  `/v1/timelines/${TIMELINE}/card.png`,
]

describe.each(FAULTS)('a %s list, entity or card', (fault) => {
  const rows = fault === 'missing' || fault === 'throws' ? [...SHARED_FILES, CARD] : SHARED_FILES
  it.each(rows)(
    '%s: %s is a 503, %s still a 200, and a 200 once it clears',
    async (file, path, other) => {
      faults.set(file, fault)
      const init = path.startsWith('/?') ? { headers: { Accept: 'text/html' } } : undefined
      await expectUnavailable(await fetchApp(path, init))
      await expectOk(other)
      faults.delete(file)
      await expectOk(path, init)
    },
  )
})

describe('ids and loads', () => {
  it('an id the manifest does not list is a 404, with nothing read', async () => {
    for (const path of [
      '/v1/timelines/nope/events',
      '/v1/timelines/nope',
      '/v1/timelines/nope/card.png',
      '/v1/actors/nope',
      '/v1/places/constructor',
      '/v1/timelines/constructor',
    ]) {
      const res = await fetchApp(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
    }
    expect((await fetchApp('/embed/nope')).status).toBe(404)
    expect(reads).toEqual([])
  })

  it('concurrent requests for one file share one read, and share its failure', async () => {
    let open!: () => void
    gate = new Promise((resolve) => (open = resolve))
    const paths = [1, 2, 3, 4, 5].map((n) => `/v1/timelines/${TWIN}/events?limit=${n}`)
    const pending = paths.map((p) => fetchApp(p))
    await new Promise((resolve) => setTimeout(resolve, 20))
    open()
    for (const res of await Promise.all(pending)) expect(res.status).toBe(200)
    expect(reads.filter((p) => p === FILES.timeline(TWIN, OWN))).toHaveLength(1)

    reads = []
    faults.set(FILES.timeline(TIMELINE, OTHER_LANG), 'throws')
    gate = new Promise((resolve) => (open = resolve))
    const failing = paths.map((p) => fetchApp(`${p.replace(TWIN, TIMELINE)}&lang=${OTHER_LANG}`))
    await new Promise((resolve) => setTimeout(resolve, 20))
    open()
    for (const res of await Promise.all(failing)) await expectUnavailable(res)
    expect(reads).toEqual([FILES.timeline(TIMELINE, OTHER_LANG)])
  })

  it('keeps loaded files within the byte budget, reading an evicted one again', async () => {
    // Room for one timeline file and a half, counted as the store counts it.
    const chars = (await (await asset(ASSETS, FILES.timeline(TIMELINE, OWN))).text()).length
    const budget = Math.round(1.5 * chars * HEAP_BYTES_PER_JSON_CHAR)
    build(budget)
    await expectOk(`/v1/timelines/${TIMELINE}/events?lang=${OWN}`)
    await expectOk(`/v1/timelines/${TWIN}/events?lang=${OWN}`)
    expect(tier.stats().bytes).toBeGreaterThan(0)
    expect(tier.stats().bytes).toBeLessThanOrEqual(budget)
    expect(tier.stats().entries).toBe(1)
    await expectOk(`/v1/timelines/${TIMELINE}/events?lang=${OWN}&limit=3`)
    expect(reads.filter((p) => p === FILES.timeline(TIMELINE, OWN))).toHaveLength(2)
  })

  it('keeps the one file larger than the whole budget, until the next such file', async () => {
    build(1000)
    await expectOk(`/v1/timelines/${TIMELINE}/events?lang=${OWN}`)
    await expectOk(`/v1/timelines/${TIMELINE}/events?lang=${OWN}&limit=2`)
    expect(reads.filter((p) => p === FILES.timeline(TIMELINE, OWN))).toHaveLength(1)
    expect(tier.stats().entries).toBe(1)
    await expectOk(`/v1/timelines/${TWIN}/events?lang=${OWN}`)
    await expectOk(`/v1/timelines/${TIMELINE}/events?lang=${OWN}&limit=3`)
    expect(reads.filter((p) => p === FILES.timeline(TIMELINE, OWN))).toHaveLength(2)
    expect(tier.stats().entries).toBe(1)
  })
})

describe('the compiled files behind the Worker', () => {
  it('are never public at their own paths: the Worker answers them with its 404 problem', async () => {
    const { exports } = await import('cloudflare:workers')
    const worker = (exports as unknown as { default: Fetcher }).default
    for (const path of [FILES.landing(), FILES.timeline(TIMELINE, OWN), FILES.card(TIMELINE)]) {
      const res = await worker.fetch(new Request(`${ORIGIN}/${path}`))
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
    }
    // The binding itself holds them: the 404s above are the Worker's, not missing files.
    expect((await asset(ASSETS, FILES.landing())).status).toBe(200)
  })
})
