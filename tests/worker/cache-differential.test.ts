/**
 * @module tests/worker/cache-differential.test
 * A differential test of the one cache (src/http/cache.ts): the Worker with its cache and the same
 * app built with caching switched off (budget 0) must give the same answer to every request:
 * status, body and every header but `Date`.
 *
 * Requests come in families that share a path: one query spelled several ways (parameters
 * shuffled), with different `Accept`, `Accept-Language` and `If-None-Match` headers, GET and HEAD.
 * Each family is asked cold, then each variant after the others, then all again warm, so a cache
 * key that drops the format, the language or any query input serves another variant's bytes and
 * fails here. Paths come from the real route table (`app.routes`), values from the fuzzer's table
 * of every parameter. The seed is fixed and printed; at least 5,000 requests per run.
 */
import { afterAll, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { env } from 'cloudflare:workers'
import { createApp } from '../../src/index.ts'
import { createDataTier } from '../../src/data/store.ts'
import { shippedManifest } from '../../src/data/manifest.ts'
import { DATA } from '../fixtures/dataset.ts'
import { createResponseCache } from '../../src/http/cache.ts'
import { ORIGIN } from './helpers.ts'
import { VALUES } from './fuzz-arbitraries.ts'
import { sampleRequests } from './route-table.ts'

/** Fixed so CI is reproducible; fast-check prints it with any counterexample. */
export const DIFFERENTIAL_SEED = 20_230_221
const RUNS = 640
const MIN_REQUESTS = 5_000

const cached = createResponseCache({ version: DATA.version })
const withCache = cached.front(
  createApp(cached, createDataTier({ manifest: shippedManifest() })).fetch,
)
const off = createResponseCache({ version: DATA.version, maxBytes: 0 })
// Without either cache: every request reads its files through the real ASSETS binding.
const noData = createDataTier({ manifest: shippedManifest(), maxBytes: 0 })
const withoutCache = off.front(createApp(off, noData).fetch)
const ctx = { waitUntil: () => {}, passThroughOnException: () => {} } as unknown as ExecutionContext

const ACCEPTS = [
  undefined,
  'application/json',
  'text/html',
  'text/calendar',
  'text/csv',
  'application/geo+json',
  'application/ld+json',
  'application/atom+xml',
  'application/feed+json',
  '*/*',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'application/json;q=0, */*',
  'image/png',
]
const LANGUAGES = [
  undefined,
  'en',
  'de-DE,de;q=0.9',
  'fr-CH, fr;q=0.9, en;q=0.8',
  'zh-Hans-CN',
  '*',
]
/** Which If-None-Match a variant sends; `match` and `weak` use the answer's own ETag. */
const CONDITIONS = ['none', 'none', 'match', 'weak', 'star', 'other'] as const

const SAMPLES = sampleRequests()

interface Variant {
  method: 'GET' | 'HEAD'
  /** Index into the family's spellings. */
  spelling: number
  accept?: string
  language?: string
  condition: (typeof CONDITIONS)[number]
}

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values)

/** Parameters for a sample's path: its own (oEmbed needs `url`) plus 0–4 from the value table. */
const family = fc.record({
  sample: pick(SAMPLES),
  // Half the families keep the sample's own query, which answers 200; the rest add parameters
  // that may be refused (400), which must not be cached either.
  extra: fc.oneof(
    fc.constant([]),
    fc.array(
      pick(Object.keys(VALUES)).chain((name) => VALUES[name]!.map((value) => [name, value])),
      { minLength: 1, maxLength: 4 },
    ),
  ),
  shuffles: fc.array(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), {
    minLength: 1,
    maxLength: 2,
  }),
  variants: fc.array(
    fc.record({
      method: fc.oneof(
        { weight: 4, arbitrary: fc.constant('GET' as const) },
        fc.constant('HEAD' as const),
      ),
      spelling: fc.nat({ max: 2 }),
      accept: pick(ACCEPTS),
      language: pick(LANGUAGES),
      condition: pick(CONDITIONS),
    }),
    { minLength: 3, maxLength: 5 },
  ),
})

/** The query's pairs in another order: same request, another spelling of its URL. */
const reorder = (pairs: string[][], keys: number[]): string[][] =>
  pairs
    .map((pair, i) => ({ pair, key: keys[i % keys.length]! + i / 100 }))
    .sort((a, b) => a.key - b.key)
    .map(({ pair }) => pair)

const build = (path: string, pairs: string[][]): string => {
  if (!pairs.length) return `${ORIGIN}${path}`
  const query = pairs.map(([n, v]) => `${encodeURIComponent(n!)}=${encodeURIComponent(v!)}`)
  return `${ORIGIN}${path}?${query.join('&')}`
}

const toRequest = (
  url: string,
  v: Variant,
  sampleHeaders: Record<string, string>,
  etag?: string,
) => {
  const headers = new Headers(sampleHeaders)
  if (v.accept !== undefined) headers.set('Accept', v.accept)
  if (v.language !== undefined) headers.set('Accept-Language', v.language)
  const inm = {
    none: undefined,
    match: etag,
    weak: etag && `W/${etag}`,
    star: '*',
    other: '"not-this-one"',
  }[v.condition]
  if (inm) headers.set('If-None-Match', inm)
  return new Request(url, { method: v.method, headers })
}

interface Answer {
  status: number
  headers: [string, string][]
  body: string
}

const answer = async (res: Response): Promise<Answer> => ({
  status: res.status,
  headers: [...res.headers].filter(([name]) => name !== 'date'),
  body: await res.text(),
})

let requests = 0
const statuses = new Map<number, number>()

afterAll(() => {
  console.log(
    `cache differential: seed ${DIFFERENTIAL_SEED}, ${requests} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, cache ${JSON.stringify(cached.stats())}`,
  )
  expect(requests).toBeGreaterThanOrEqual(MIN_REQUESTS)
})

test.prop([family], { seed: DIFFERENTIAL_SEED, numRuns: RUNS })(
  'the cached Worker answers exactly as the uncached app',
  async ({ sample, extra, shuffles, variants }) => {
    const [path, own] = sample.path.split('?') as [string, string | undefined]
    const pairs = [...new URLSearchParams(own ?? '')].map(([n, v]) => [n, v]).concat(extra)
    const spellings = [pairs, ...shuffles.map((keys) => reorder(pairs, keys))].map((p) =>
      build(path, p),
    )
    // Cold, then after each other, then warm: the order the cache sees is the order below.
    for (const round of [0, 1]) {
      for (const v of variants) {
        const url = spellings[v.spelling % spellings.length]!
        const probe = toRequest(
          url,
          { ...v, method: 'GET', condition: 'none' },
          sample.headers ?? {},
        )
        const etag = (await withoutCache(probe, env, ctx)).headers.get('ETag') ?? undefined
        const expected = await answer(
          await withoutCache(toRequest(url, v, sample.headers ?? {}, etag), env, ctx),
        )
        const actual = await answer(
          await withCache(toRequest(url, v, sample.headers ?? {}, etag), env, ctx),
        )
        requests++
        statuses.set(actual.status, (statuses.get(actual.status) ?? 0) + 1)
        const label = `${v.method} ${url} Accept=${v.accept} Accept-Language=${v.language} If-None-Match=${v.condition} (round ${round})`
        expect(actual.status, label).toBe(expected.status)
        expect(actual.headers, label).toEqual(expected.headers)
        expect(actual.body, label).toBe(expected.body)
      }
    }
  },
  120_000,
)
