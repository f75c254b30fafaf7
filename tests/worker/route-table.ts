/**
 * @module tests/worker/route-table
 * The Worker's real route table (`app.routes`), turned into concrete sample requests with real ids,
 * and classified by kind of response, so the header audit and the fuzzer cover every route that
 * exists, including those added after these tests were written.
 */
import { app } from '../../src/index.ts'
import { DATA } from '../fixtures/dataset.ts'
import { FORMAT_SPECS } from '../../src/formats/registry.ts'
import { FORMATS } from '../../src/query/schema.ts'
import { ORIGIN, TIMELINE } from './helpers.ts'

export type RouteKind = 'api' | 'format' | 'page' | 'embed' | 'widget' | 'oembed'

export interface SampleRequest {
  kind: RouteKind
  /** The route pattern it instantiates, e.g. `/v1/actors/:id`. */
  route: string
  /** Path and query. */
  path: string
  headers?: Record<string, string>
}

const timeline = DATA.timelines.get(TIMELINE)!
export const SAMPLE_IDS = {
  timeline: TIMELINE,
  event: timeline.events[0]!.event.id,
  actor: [...DATA.actors.keys()][0]!,
  place: [...DATA.places.keys()][0]!,
}

/** Every file extension the events path accepts, from the format registry. */
export const EXTENSIONS = FORMAT_SPECS.flatMap((spec) => spec.extensions)

/** The GET route patterns the app registered (middleware and duplicates dropped). */
export const routePatterns = (): string[] => [
  ...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path)),
]

export const kindOf = (route: string): RouteKind =>
  route === '/embed.js'
    ? 'widget'
    : route.startsWith('/embed/')
      ? 'embed'
      : route === '/oembed'
        ? 'oembed'
        : route === '/docs'
          ? 'page'
          : route.includes(':file{') || route.endsWith('.png')
            ? 'format'
            : 'api'

/** Values for one path parameter, by its name and the route it sits in. */
const paramValues = (name: string, route: string): string[] => {
  if (name === 'file') return EXTENSIONS.map((ext) => `events.${ext}`)
  if (name === 'eventId') return [SAMPLE_IDS.event]
  if (route.startsWith('/v1/actors')) return [SAMPLE_IDS.actor]
  if (route.startsWith('/v1/places')) return [SAMPLE_IDS.place]
  return [SAMPLE_IDS.timeline]
}

/** Path segments of a pattern; a `/` inside a parameter's `{regex}` does not split. */
const segments = (route: string): string[] => {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of route.slice(1)) {
    if (ch === '/' && depth === 0) {
      parts.push(current)
      current = ''
      continue
    }
    if (ch === '{') depth++
    if (ch === '}') depth--
    current += ch
  }
  return [...parts, current]
}

/** Concrete paths for a route pattern (one per value of each parameter). */
export const instantiate = (route: string): string[] => {
  let paths = ['']
  for (const segment of segments(route)) {
    const param = /^:(\w+)/.exec(segment)
    const values = param ? paramValues(param[1]!, route) : [segment === '*' ? 'x' : segment]
    paths = paths.flatMap((p) => values.map((v) => `${p}/${v}`))
  }
  return paths.map((p) => p || '/')
}

/** Whether `/` answers Accept: text/html with the landing page (being built in parallel). */
const LANDING_PAGE = true

/** Query strings a route needs to answer 200. */
const REQUIRED_QUERY: Record<string, string> = {
  '/oembed': `url=${encodeURIComponent(`${ORIGIN}/embed/${TIMELINE}`)}`,
}

/**
 * One successful request per route and parameter value, plus the variants that change the kind
 * of response: `?format=` on the events list and the HTML landing page (`/` with Accept: text/html).
 */
export const sampleRequests = (): SampleRequest[] => {
  const samples: SampleRequest[] = []
  for (const route of routePatterns()) {
    const query = REQUIRED_QUERY[route]
    for (const path of instantiate(route)) {
      samples.push({ kind: kindOf(route), route, path: query ? `${path}?${query}` : path })
    }
    if (route === '/v1/timelines/:id/events') {
      for (const format of FORMATS) {
        samples.push({ kind: 'format', route, path: `${instantiate(route)[0]}?format=${format}` })
      }
    }
    if (route === '/' && LANDING_PAGE) {
      samples.push({ kind: 'page', route, path: '/', headers: { Accept: 'text/html' } })
    }
  }
  return samples
}

/** Requests that must fail, one per kind of problem the Worker sends. */
export const PROBLEM_REQUESTS: { status: number; path: string; init?: RequestInit }[] = [
  { status: 404, path: '/nope' },
  { status: 404, path: `/v1/timelines/nope` },
  { status: 404, path: `/v1/timelines/${TIMELINE}/events/nope` },
  { status: 400, path: `/v1/timelines/${TIMELINE}/events?limit=0` },
  { status: 400, path: `/v1/timelines?unknown=1` },
  { status: 400, path: `/v1/timelines/${TIMELINE}/events?q=%zz` },
  { status: 405, path: `/v1/timelines`, init: { method: 'POST' } },
  {
    status: 406,
    path: `/v1/timelines/${TIMELINE}/events`,
    init: { headers: { Accept: 'image/png' } },
  },
  { status: 414, path: `/v1/${'x'.repeat(3000)}` },
]
