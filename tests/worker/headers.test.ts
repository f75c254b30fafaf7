/**
 * @module tests/worker/headers
 * Header audit: for each kind of route, the security, isolation and CORS headers it must carry,
 * checked on EVERY route of that kind in the app's route table (GET, HEAD and the CORS preflight),
 * plus the Mozilla HTTP Observatory score each response would get.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { call } from './helpers.ts'
import { observatory } from './observatory.ts'
import { PROBLEM_REQUESTS, SAMPLE_IDS, sampleRequests } from './route-table.ts'
import type { RouteKind, SampleRequest } from './route-table.ts'
import { API_CSP, HSTS, PERMISSIONS_POLICY, frameAncestors } from '../../src/http/security.ts'
import { SVG_CSP } from '../../src/formats/registry.ts'

/** What a header must be: exact text, a pattern, a predicate, or `null` for absent. */
type Rule = string | RegExp | null | ((value: string | null) => boolean)
type Kind = RouteKind | 'problem'

const EVIL_ORIGIN = 'https://evil.example'

/** Every response, whatever its kind. */
const COMMON: Record<string, Rule> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': HSTS,
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': null,
  'set-cookie': null,
}

/** Data: nothing runs, nothing frames it, anyone may read it. */
const DATA_RULES: Record<string, Rule> = {
  'content-security-policy': API_CSP,
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'cross-origin',
  'cross-origin-opener-policy': null,
}

const noUnsafeScript = (csp: string | null) =>
  !!csp && !/script-src[^;]*'unsafe-(inline|eval)'/.test(csp) && /default-src 'none'/.test(csp)

const EXPECTED: Record<Kind, Record<string, Rule>> = {
  api: { ...DATA_RULES, 'content-type': /^application\/json; charset=utf-8$/ },
  oembed: { ...DATA_RULES, 'content-type': /^application\/json/ },
  format: {
    ...DATA_RULES,
    // An SVG may use its own inline style, and nothing else (see formats.test.ts).
    'content-security-policy': (csp) =>
      csp === API_CSP || csp === `${SVG_CSP}; frame-ancestors 'none'`,
    'content-type': /^(application|text|image)\/[\w.+-]+(; .*)?$/,
  },
  problem: { ...DATA_RULES, 'content-type': /^application\/problem\+json/ },
  // Loaded by <script src> on strangers' pages: must be readable cross-origin and never sniffed.
  widget: { ...DATA_RULES, 'content-type': /^(text|application)\/javascript/ },
  page: {
    'content-type': /^text\/html/,
    'content-security-policy': (csp) => noUnsafeScript(csp) && frameAncestors(csp!) === "'none'",
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
  },
  // Framable by any origin (that is its purpose), but still runs only its own hashed code.
  embed: {
    'content-type': /^text\/html/,
    'content-security-policy': (csp) => noUnsafeScript(csp) && frameAncestors(csp!) === '*',
    'x-frame-options': null,
    'cross-origin-resource-policy': 'cross-origin',
    // No COOP: any site may frame the page and so reach its window anyway, browsers ignore COOP
    // in iframes, and top level it costs a process swap before the first paint
    // (src/http/security.ts). The Observatory does not score it: the page keeps its A+.
    'cross-origin-opener-policy': null,
    'permissions-policy': PERMISSIONS_POLICY,
  },
}

/** Lists every header that breaks its kind's rules, as readable lines. */
const violations = (headers: Headers, kind: Kind, skip: string[] = []): string[] =>
  Object.entries({ ...COMMON, ...EXPECTED[kind] })
    .filter(([name]) => !skip.includes(name))
    .flatMap(([name, rule]) => {
      const value = headers.get(name)
      const ok =
        rule === null
          ? value === null
          : typeof rule === 'string'
            ? value === rule
            : rule instanceof RegExp
              ? value !== null && rule.test(value)
              : rule(value)
      return ok ? [] : [`${name}: ${JSON.stringify(value)} breaks ${String(rule)}`]
    })

/** Routes whose body is built from every timeline: their tags include `all-timelines`. */
const ALL_TIMELINE_ROUTES = new Set([
  '/',
  '/v1',
  '/v1/timelines',
  '/v1/actors',
  '/v1/actors/:id',
  '/v1/places',
  '/v1/places/:id',
])

/**
 * What the edge cache needs of a cacheable 200: `Cache-Tag` with one kind and one format, the
 * timeline the path names (or `all-timelines` for cross-timeline resources), and a `Vary` that
 * lists `Accept` exactly where the URL leaves the format to negotiation.
 */
const edgeViolations = (headers: Headers, sample: SampleRequest): string[] => {
  const tags = (headers.get('cache-tag') ?? '').split(',')
  const problems: string[] = []
  const want = (ok: boolean, what: string) => ok || problems.push(`${what}: ${tags.join(',')}`)
  want(
    tags.every((t) => /^[a-z]+:[a-z0-9._~!$&'*+;=@/-]+$|^all-timelines$/.test(t)),
    'tags are name:value',
  )
  want(tags.filter((t) => t.startsWith('kind:')).length === 1, 'one kind tag')
  want(tags.filter((t) => t.startsWith('format:')).length === 1, 'one format tag')
  want(
    tags.includes(`timeline:${SAMPLE_IDS.timeline}`) === sample.path.includes(SAMPLE_IDS.timeline),
    'a timeline tag iff the URL names the timeline',
  )
  want(tags.includes('all-timelines') === ALL_TIMELINE_ROUTES.has(sample.route), 'all-timelines')
  const negotiated =
    sample.route === '/' ||
    (sample.route === '/v1/timelines/:id/events' && !sample.path.includes('format='))
  // The reader's language is negotiated on the timelines' resources, actors, places and the
  // embed, unless the URL names it; the social card is drawn in one language.
  const byLanguage =
    /^\/(v1\/(timelines|actors|places)|embed\/)/.test(sample.route) &&
    !sample.route.endsWith('/card.png') &&
    !/[?&]lang=/.test(sample.path)
  const expected = [negotiated && 'Accept', byLanguage && 'Accept-Language'].filter(Boolean)
  const vary = headers.get('vary')
  if (vary !== (expected.join(', ') || null)) problems.push(`vary: ${vary}`)
  return problems
}

const echoesOrigin = (headers: Headers) =>
  [...headers].filter(([, value]) => value.includes(EVIL_ORIGIN)).map(([name]) => name)

const SAMPLES = sampleRequests()
const KINDS: RouteKind[] = ['api', 'format', 'page', 'embed', 'widget', 'oembed']
/**
 * The Observatory score every kind must reach: A+, at the most its tests can give here (120), not
 * at the A grade's 90, so that a header change (such as the embed's dropped COOP) cannot cost a
 * point unnoticed. Formats: 110, as `events.svg` needs `style-src 'unsafe-inline'` for its own
 * `<style>` and so forgoes the `default-src 'none'`-only bonus.
 */
const MIN_SCORE: Record<Kind, number> = {
  api: 120,
  format: 110,
  page: 120,
  embed: 120,
  widget: 120,
  oembed: 120,
  problem: 120,
}

/** The lowest Observatory score seen per kind, printed at the end. */
const scores = new Map<string, number>()
afterAll(() => {
  console.log(
    `Observatory (lowest per kind): ${[...scores].map(([k, v]) => `${k} ${v}`).join(', ')}`,
  )
})

const label = (s: SampleRequest) => `${s.path.slice(0, 80)}${s.headers ? ' (text/html)' : ''}`

it('the route table has routes of the API and of every format', () => {
  const kinds = new Set(SAMPLES.map((s) => s.kind))
  expect(kinds).toContain('api')
  expect(kinds).toContain('format')
  console.log(`header audit: ${SAMPLES.length} sample requests over kinds ${[...kinds].join(', ')}`)
})

for (const kind of KINDS) {
  const samples = SAMPLES.filter((s) => s.kind === kind)
  describe.skipIf(samples.length === 0)(`${kind} routes`, () => {
    it.each(samples.map((s) => [label(s), s] as const))('GET %s', async (_label, sample) => {
      const res = await call(sample.path, { headers: { ...sample.headers, Origin: EVIL_ORIGIN } })
      expect(res.status, sample.path).toBe(200)
      // The Observatory reads markup in text bodies; an image has none.
      const image = res.headers.get('content-type')?.startsWith('image/png')
      const body = image ? (await res.arrayBuffer(), '') : await res.text()
      expect(violations(res.headers, kind)).toEqual([])
      expect(edgeViolations(res.headers, sample)).toEqual([])
      expect(echoesOrigin(res.headers)).toEqual([])
      const report = observatory(res.headers, body, { origin: EVIL_ORIGIN })
      scores.set(kind, Math.min(scores.get(kind) ?? Infinity, report.score))
      const lost = Object.entries(report.tests).filter(([, t]) => t.modifier < 0)
      expect(report.score, JSON.stringify(lost)).toBeGreaterThanOrEqual(MIN_SCORE[kind])
    })

    it.each(samples.map((s) => [label(s), s] as const))('HEAD %s', async (_label, sample) => {
      const res = await call(sample.path, {
        method: 'HEAD',
        headers: { ...sample.headers, Origin: EVIL_ORIGIN },
      })
      expect(res.status).toBe(200)
      expect(violations(res.headers, kind)).toEqual([])
      expect(edgeViolations(res.headers, sample)).toEqual([])
      expect(await res.text()).toBe('')
    })

    it.each(samples.map((s) => [label(s), s] as const))(
      'OPTIONS preflight %s',
      async (_label, sample) => {
        const res = await call(sample.path, {
          method: 'OPTIONS',
          headers: {
            Origin: EVIL_ORIGIN,
            'Access-Control-Request-Method': 'GET',
            'Access-Control-Request-Headers': 'If-None-Match',
          },
        })
        expect(res.status).toBe(204)
        expect(res.headers.get('access-control-allow-origin')).toBe('*')
        expect(res.headers.get('access-control-allow-credentials')).toBeNull()
        expect(res.headers.get('access-control-allow-methods')?.split(',')).toContain('GET')
        expect(echoesOrigin(res.headers)).toEqual([])
        // A preflight has no body, hence no content type: its CSP rules are those of data.
        expect(violations(res.headers, 'api', ['content-type'])).toEqual([])
      },
    )
  })
}

describe('problems', () => {
  it.each(PROBLEM_REQUESTS.map((p) => [p.status, p.path.slice(0, 60), p] as const))(
    '%i %s',
    async (status, _path, p) => {
      const headers = new Headers(p.init?.headers)
      headers.set('Origin', EVIL_ORIGIN)
      const res = await call(p.path, { ...p.init, headers })
      expect(res.status).toBe(status)
      const body = await res.text()
      expect(violations(res.headers, 'problem')).toEqual([])
      // Cacheable for a minute, so tagged: all errors can be dropped at once after a fix.
      expect(res.headers.get('cache-tag')).toBe('kind:error')
      expect(echoesOrigin(res.headers)).toEqual([])
      expect(observatory(res.headers, body).score).toBeGreaterThanOrEqual(MIN_SCORE.problem)
    },
  )
})

describe('embed error pages (HTML, shown inside the iframe)', () => {
  it.each([
    [404, '/embed/nope'],
    [400, `/embed/${SAMPLE_IDS.timeline}?kind=nope`],
  ])('%i %s keeps the embed page rules', async (status, path) => {
    const res = await call(path, { headers: { Origin: EVIL_ORIGIN } })
    expect(res.status).toBe(status)
    const body = await res.text()
    expect(violations(res.headers, 'embed')).toEqual([])
    expect(res.headers.get('cache-tag')).toBe('kind:error')
    expect(observatory(res.headers, body).score).toBeGreaterThanOrEqual(MIN_SCORE.embed)
  })
})

describe('Observatory scoring function', () => {
  // The scorer must be able to fail, or the audit above proves nothing.
  it('gives an unprotected response an F and ours the bonuses', () => {
    const bare = observatory(new Headers({ 'Content-Type': 'text/html' }), '<p>hi</p>')
    expect(bare.score).toBe(100 - 25 - 20 - 5 - 20)
    expect(bare.grade).toBe('D')
    const reflected = observatory(
      new Headers({
        'Access-Control-Allow-Origin': EVIL_ORIGIN,
        'Access-Control-Allow-Credentials': 'true',
      }),
      '',
      { origin: EVIL_ORIGIN },
    )
    expect(reflected.tests['cross-origin-resource-sharing']!.modifier).toBe(-50)
    const ours = observatory(
      new Headers({
        'Content-Security-Policy': API_CSP,
        'Strict-Transport-Security': HSTS,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      }),
      '',
    )
    expect(ours.score).toBe(120)
    expect(ours.grade).toBe('A+')
  })

  it('penalises unsafe-inline scripts and external scripts without SRI', () => {
    const headers = new Headers({
      'Content-Type': 'text/html',
      'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline'",
    })
    const report = observatory(headers, '<script src="https://cdn.example/x.js"></script>')
    expect(report.tests['content-security-policy']!.modifier).toBe(-20)
    expect(report.tests['subresource-integrity']!.modifier).toBe(-5)
  })
})
