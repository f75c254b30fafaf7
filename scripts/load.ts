/**
 * @module scripts/load
 * `npm run load`: the production bundle (`wrangler deploy --dry-run`, whose [build] step validates
 * the data first) served by workerd through Miniflare on a random port, driven by autocannon with
 * 50+ concurrent connections mixing every route and format: filtered queries, every format by
 * extension, `?format=` and `Accept`, HTML pages, the widget, oEmbed, 304 revalidations and the
 * 4xx a hostile or careless client causes. Every request carries its expected status; the run
 * prints req/s, p50/p99 latency, errors and unexpected statuses, and exits 1 if there were any.
 *
 * Usage: node scripts/load.ts [--duration 30] [--connections 50] [--quick]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { buildShippedBundle, compatibilityDate } from './bench/bundle.ts'
import { startRuntime, workerFromFile } from './bench/runtime.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    quick: { type: 'boolean', default: false },
  },
})
/** `--quick`: a 5-second smoke run of the same mix. */
const DURATION_S = values.quick ? 5 : Number(values.duration)
const CONNECTIONS = Number(values.connections)

const TIMELINE = 'wang-yi-moscow-2023'
const EVENTS = `/v1/timelines/${TIMELINE}/events`

export interface LoadRequest {
  /** How many times it appears in the mix (relative frequency). */
  weight: number
  path: string
  method?: string
  headers?: Record<string, string>
  expect: number
  /** Send `If-None-Match` with the ETag this path answered before the run (expects 304). */
  revalidate?: boolean
}

/** The weighted mix; oEmbed needs the Worker's own origin in its `url`. */
const mix = (origin: string): LoadRequest[] => [
  // The API.
  { weight: 4, path: '/v1', expect: 200 },
  { weight: 4, path: '/v1/timelines', expect: 200 },
  { weight: 6, path: `/v1/timelines/${TIMELINE}`, expect: 200 },
  { weight: 10, path: EVENTS, expect: 200 },
  { weight: 6, path: `${EVENTS}?kind=visit,meeting&sort=desc`, expect: 200 },
  {
    weight: 6,
    path: `${EVENTS}?actor=wang-yi&from=2023-02-15&to=2023-02-22&q=munich`,
    expect: 200,
  },
  { weight: 4, path: `${EVENTS}?limit=5&fields=id,date,title`, expect: 200 },
  { weight: 4, path: `${EVENTS}?q=ukraine&status=happened,reported`, expect: 200 },
  { weight: 4, path: `${EVENTS}/russia-invades-ukraine`, expect: 200 },
  { weight: 3, path: '/v1/actors', expect: 200 },
  { weight: 3, path: '/v1/actors/wang-yi', expect: 200 },
  { weight: 3, path: '/v1/places', expect: 200 },
  { weight: 3, path: '/v1/places/moscow', expect: 200 },
  // Every format, three ways.
  ...[
    'json',
    'jsonld',
    'ics',
    'atom',
    'jsonfeed',
    'feed.json',
    'csv',
    'geojson',
    'timelinejs.json',
  ].map((ext) => ({ weight: 2, path: `/v1/timelines/${TIMELINE}/events.${ext}`, expect: 200 })),
  ...['jsonld', 'ics', 'atom', 'jsonfeed', 'csv', 'geojson', 'timelinejs'].map((format) => ({
    weight: 2,
    path: `${EVENTS}?format=${format}&kind=visit`,
    expect: 200,
  })),
  ...['text/calendar', 'application/atom+xml', 'text/csv', 'application/geo+json'].map((type) => ({
    weight: 2,
    path: EVENTS,
    headers: { Accept: type },
    expect: 200,
  })),
  // Pages, the widget and oEmbed.
  { weight: 3, path: '/', headers: { Accept: 'text/html' }, expect: 200 },
  { weight: 2, path: '/docs', expect: 200 },
  { weight: 2, path: '/openapi.json', expect: 200 },
  { weight: 6, path: `/embed/${TIMELINE}`, expect: 200 },
  { weight: 3, path: `/embed/${TIMELINE}?theme=dark&lang=fr&kind=visit`, expect: 200 },
  { weight: 6, path: '/embed.js', expect: 200 },
  {
    weight: 3,
    path: `/oembed?url=${encodeURIComponent(`https://dateline.example/embed/${TIMELINE}`)}`,
    expect: 404, // another origin's URL: not ours to embed
  },
  {
    weight: 4,
    path: `/oembed?url=${encodeURIComponent(`${origin}/embed/${TIMELINE}?theme=dark`)}&maxwidth=500`,
    expect: 200,
  },
  // Revalidations: browsers and caches coming back with the ETag they hold.
  { weight: 8, path: EVENTS, revalidate: true, expect: 304 },
  { weight: 4, path: `/embed/${TIMELINE}`, revalidate: true, expect: 304 },
  { weight: 4, path: '/embed.js', revalidate: true, expect: 304 },
  { weight: 2, path: `/v1/timelines/${TIMELINE}/events.ics`, revalidate: true, expect: 304 },
  // What careless and hostile clients send.
  { weight: 2, path: '/v1/timelines/nope', expect: 404 },
  { weight: 2, path: `${EVENTS}?limit=0`, expect: 400 },
  { weight: 2, path: `${EVENTS}?unknown=1`, expect: 400 },
  { weight: 1, path: `${EVENTS}?q=%zz`, expect: 400 },
  { weight: 1, path: `${EVENTS}?${'kind=visit&'.repeat(40)}`, expect: 400 },
  { weight: 1, path: `/v1/${'x'.repeat(3_000)}`, expect: 414 },
  { weight: 1, path: '/v1/timelines', method: 'POST', expect: 405 },
  { weight: 1, path: EVENTS, headers: { Accept: 'image/png' }, expect: 406 },
  { weight: 1, path: '/embed/nope', expect: 404 },
  { weight: 1, path: '/nope', expect: 404 },
]

/** Deterministic shuffle (mulberry32), so every run sends the same interleaving. */
const shuffled = <T>(items: T[], seed = 42): T[] => {
  let a = seed
  const random = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

interface Latency {
  p50: number
  p99: number
  average: number
}
interface Result {
  errors: number
  timeouts: number
  duration: number
  requests: { total: number; average: number }
  latency: Latency
}

const log = (message: string) => console.error(`[load] ${message}`)
const tmp = await mkdtemp(join(tmpdir(), 'dateline-load-'))
try {
  log('building the production bundle (wrangler deploy --dry-run; validates data first)')
  const bundle = await buildShippedBundle(join(tmp, 'out'))
  const runtime = await startRuntime(
    [await workerFromFile('dateline', bundle.scriptPath, bundle.assetsDir)],
    await compatibilityDate(),
  )
  const origin = runtime.urls.get('dateline')!
  try {
    // ETags for the revalidating requests, from the Worker itself.
    const MIX = mix(origin.origin)
    const etags = new Map<string, string>()
    for (const r of MIX.filter((m) => m.revalidate)) {
      const res = await fetch(new URL(r.path, origin))
      await res.arrayBuffer()
      etags.set(r.path, res.headers.get('etag') ?? '"missing"')
    }
    const unexpected = new Map<string, number>()
    const statuses = new Map<number, number>()
    const sequence = shuffled(MIX.flatMap((r) => Array<LoadRequest>(r.weight).fill(r)))
    // One global round-robin over the weighted list: autocannon's own `requests` list restarts
    // per connection, so short runs would only ever send its head. Each connection remembers
    // what it sent (pipelining 1) to judge the status it gets back.
    let cursor = 0
    type Sent = { current?: LoadRequest }
    const request = {
      setupRequest: (req: object, context: Sent) => {
        const r = sequence[cursor++ % sequence.length]!
        context.current = r
        const etag = r.revalidate ? { 'If-None-Match': etags.get(r.path)! } : {}
        return {
          ...req,
          method: r.method ?? 'GET',
          path: r.path,
          headers: { ...r.headers, ...etag },
        }
      },
      onResponse: (status: number, _body: string, context: Sent) => {
        const r = context.current!
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        if (status !== r.expect) {
          const key = `${r.method ?? 'GET'} ${r.path.slice(0, 80)}: ${status} (expected ${r.expect})`
          unexpected.set(key, (unexpected.get(key) ?? 0) + 1)
        }
      },
    }
    log(`${CONNECTIONS} connections for ${DURATION_S}s over ${sequence.length} weighted requests`)
    const result = (await autocannon({
      url: origin.origin,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 10,
      requests: [request] as unknown as Parameters<typeof autocannon>[0]['requests'],
    })) as unknown as Result
    const unexpectedTotal = [...unexpected.values()].reduce((a, b) => a + b, 0)
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`)
    console.log(
      [
        `## npm run load — ${new Date().toISOString().slice(0, 10)}`,
        '',
        `| connections | duration | requests | req/s | p50 | p99 | errors | timeouts | unexpected statuses |`,
        `| --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
        `| ${CONNECTIONS} | ${result.duration.toFixed(0)} s | ${result.requests.total} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.errors} | ${result.timeouts} | ${unexpectedTotal} |`,
        '',
        `statuses: ${histogram.join(' ')}`,
        ...[...unexpected].map(([key, n]) => `unexpected: ${key} ×${n}`),
      ].join('\n'),
    )
    process.exitCode = result.errors || result.timeouts || unexpectedTotal ? 1 : 0
  } finally {
    await runtime.dispose()
  }
} finally {
  await rm(tmp, { recursive: true, force: true })
}
