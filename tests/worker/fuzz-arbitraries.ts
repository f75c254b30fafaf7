/**
 * @module tests/worker/fuzz-arbitraries
 * fast-check generators of hostile and odd HTTP requests for the Worker: paths from the real route
 * table and mutations of them, methods, query strings (unknown, repeated, empty, huge, unicode,
 * broken percent-encoding, and valid-looking values of every parameter) and odd `Accept`,
 * `Accept-Language`, `If-None-Match` and `Origin` headers.
 */
import { fc } from '@fast-check/vitest'
import { DATA } from '../fixtures/dataset.ts'
import { encodeCursor } from '../../src/query/cursor.ts'
import { EVENT_FIELDS, FORMATS } from '../../src/query/schema.ts'
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/model/vocabulary.ts'
import { FORMAT_SPECS } from '../../src/formats/registry.ts'
import { ORIGIN, TIMELINE } from './helpers.ts'
import { EXTENSIONS, sampleRequests } from './route-table.ts'

export interface FuzzRequest {
  method: string
  /** Path and query, appended to the test origin. */
  target: string
  headers: Record<string, string>
}

/** Strings a problem body must never contain; generators never emit them, so hits are leaks. */
export const INTERNAL_MARKERS = ['/work/', '.ts:', 'node_modules']
const clean = (s: string) => !INTERNAL_MARKERS.some((m) => s.includes(m))

const timeline = DATA.timelines.get(TIMELINE)!
const ACTOR_IDS = [...DATA.actors.keys()]
const PLACE_IDS = [...DATA.places.keys()]
const EVENT_IDS = timeline.events.map((e) => e.event.id)
const TAGS = [...new Set(timeline.events.flatMap((e) => e.event.tags ?? []))]
const WORDS = [
  ...new Set(timeline.events.flatMap((e) => e.event.title.split(' ')).filter((w) => w.length > 2)),
]

/** 10 KB inputs shaped to make a backtracking regex engine explode. */
export const ADVERSARIAL = [
  'a-'.repeat(5_000) + '!',
  'a'.repeat(10_000) + '-',
  '1'.repeat(10_000) + 'x',
  '2023-'.repeat(2_000),
  '='.repeat(10_000) + 'x',
  ' \t'.repeat(5_000) + 'x',
  '%2e'.repeat(3_333),
  '/.'.repeat(5_000),
  'e\u0301'.repeat(5_000),
]

const ascii = (maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength,
  })

/** Any text: ASCII, full unicode (lone surrogates included) or grapheme clusters. */
const anyText = (maxLength = 40) =>
  fc.oneof(
    ascii(maxLength),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
  )

/** encodeURIComponent, except that a lone surrogate becomes the bytes UTF-8 cannot hold. */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text)
  } catch {
    return '%ED%A0%80'
  }
}

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values)

const partialDate = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    precision: pick([1, 2, 3]),
  })
  .map(({ y, m, d, precision }) =>
    [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')]
      .slice(0, precision)
      .join('-'),
  )

const cursor = fc.oneof(
  fc
    .record({
      direction: pick(['after', 'before'] as const),
      position: fc.integer({ min: -5, max: 1e9 }),
    })
    .map(encodeCursor),
  fc.base64String({ maxLength: 64 }),
)

const list = (values: readonly string[]) =>
  fc.array(pick(values), { minLength: 1, maxLength: 4 }).map((v) => v.join(','))

/** Valid-looking values for every parameter the Worker knows (and some it might). */
export const VALUES: Record<string, fc.Arbitrary<string>> = {
  from: partialDate,
  to: partialDate,
  actor: list([...ACTOR_IDS, ...PLACE_IDS.slice(0, 2)]),
  place: list([...PLACE_IDS, ...ACTOR_IDS.slice(0, 2)]),
  kind: list([...EVENT_KINDS, 'party']),
  tag: list([...TAGS, 'nope']),
  status: list([...EVENT_STATUSES, 'rumoured']),
  q: fc.array(pick(WORDS), { maxLength: 4 }).map((w) => w.join(' ')),
  sort: pick(['asc', 'desc', 'ASC', 'random']),
  fields: list([...EVENT_FIELDS, 'secret']),
  limit: fc.oneof(
    fc.integer({ min: -5, max: 10_001 }).map(String),
    pick(['1e3', '0x10', '5.5', ' 5']),
  ),
  cursor,
  format: pick([...FORMATS, 'xml', 'pdf', 'JSON']),
  theme: pick(['light', 'dark', 'auto', 'neon']),
  lang: pick([
    'en',
    'fr',
    'fr-CH',
    'zh-Hans',
    'zh-Hans-CN',
    'ru',
    'uk',
    'ar',
    'de-t-en-t0-und',
    'pt-BR',
    'xx-INVALID-',
    'en-US-u-ca-buddhist',
    '<x>',
  ]),
  focus: pick([...EVENT_IDS.slice(0, 5), 'nope']),
  url: fc.oneof(
    pick([
      `${ORIGIN}/embed/${TIMELINE}`,
      `${ORIGIN}/v1/timelines/${TIMELINE}`,
      `${ORIGIN}/v1/timelines/${TIMELINE}/events/${EVENT_IDS[0]}`,
      `${ORIGIN}/embed/${TIMELINE}#event-${EVENT_IDS[1]}`,
      `${ORIGIN}/embed/../v1`,
      `https://evil.example/embed/${TIMELINE}`,
      'javascript:alert(1)',
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
    ]),
    fc.webUrl().map((u) => u.slice(0, 200)),
  ),
  maxwidth: fc.integer({ min: -1, max: 100_000 }).map(String),
  maxheight: fc.integer({ min: -1, max: 100_000 }).map(String),
}
export const KNOWN_PARAMETERS = Object.keys(VALUES)

/** Encoded `name=value` pairs, honest or broken. */
const pair = (names: string[]): fc.Arbitrary<string> => {
  const name = fc.oneof(
    { weight: 6, arbitrary: pick(names) },
    {
      weight: 1,
      arbitrary: pick(['__proto__', 'constructor', 'callback', 'utm_source', 'fbclid', '']),
    },
    { weight: 1, arbitrary: anyText(12).filter(clean) },
  )
  const value = (n: string) =>
    fc.oneof(
      { weight: 8, arbitrary: Object.hasOwn(VALUES, n) ? VALUES[n]! : anyText(20) },
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: anyText(60).filter(clean) },
      { weight: 1, arbitrary: fc.integer({ min: 250, max: 1_800 }).map((n) => 'x'.repeat(n)) },
    )
  const honest = name.chain((n) => value(n).map((v) => `${encode(n)}=${encode(v)}`))
  const broken = fc.oneof(
    pick([
      '%',
      '%zz',
      '%E2%82',
      '%C0%AF',
      '%00',
      '%ED%A0%80',
      '%%41',
      '%u0041',
      '+%2B+',
      '=',
      '==',
      '&',
    ]),
    name.map((n) => encode(n)), // a name without '='
    pick(ADVERSARIAL).map((a) => `q=${encode(a)}`),
    // Under the URL cap, so the validators and regexes behind it really see them.
    fc.tuple(pick(names), pick(ADVERSARIAL)).map(([n, a]) => `${n}=${encode(a.slice(0, 600))}`),
  )
  return fc.oneof({ weight: 8, arbitrary: honest }, { weight: 2, arbitrary: broken })
}

const queryString = (names: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    {
      weight: 8,
      arbitrary: fc.array(pair(names), { minLength: 1, maxLength: 6 }).map((p) => p.join('&')),
    },
    // A parameter repeated (lists OR-ed, singles refused) and the 32-parameter cap.
    {
      weight: 1,
      arbitrary: fc
        .tuple(pair(names), fc.integer({ min: 2, max: 40 }))
        .map(([p, n]) => Array(n).fill(p).join('&')),
    },
  )

/** Paths of the real routes with real ids, each format extension, and known non-routes. */
const SEED_PATHS = [
  ...new Set(sampleRequests().map((s) => s.path.split('?')[0]!)),
  '/embed.js',
  `/embed/${TIMELINE}`,
  '/oembed',
  '/docs',
  '/openapi.json',
  '/favicon.ico',
  '/robots.txt',
]

const segmentReplacement = fc.oneof(
  pick([...ACTOR_IDS.slice(0, 3), ...EVENT_IDS.slice(0, 3), TIMELINE, 'events', 'v1', 'embed']),
  pick([
    '',
    '.',
    '..',
    '%2e%2e',
    '%2F',
    '%5C',
    '%00',
    '%',
    '%zz',
    'events.',
    'events.xyz',
    'EVENTS.ICS',
  ]),
  EXTENSIONS.length ? pick(EXTENSIONS.map((e) => `events.${e.toUpperCase()}`)) : fc.constant('x'),
  anyText(30).filter(clean).map(encode),
  fc.integer({ min: 100, max: 3_000 }).map((n) => 'a'.repeat(n)),
)

/** A seed path, as is or mutated: a segment swapped, a slash or extension added. */
const path = fc.oneof(
  { weight: 6, arbitrary: pick(SEED_PATHS) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(pick(SEED_PATHS), fc.nat(), segmentReplacement)
      .map(([p, i, replacement]) => {
        const segments = p.split('/')
        segments[1 + (i % Math.max(1, segments.length - 1))] = replacement
        return segments.join('/')
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick(SEED_PATHS), pick(['/', '//', '.json', '/x', '?', ';a=b', '/./', '/../']))
      .map(([p, suffix]) => p + suffix),
  },
)

const MEDIA = [...new Set(FORMAT_SPECS.map((f) => f.mediaType))]
const accept = fc.oneof(
  pick([
    ...MEDIA,
    'text/html',
    '*/*',
    'text/*',
    'application/*',
    'image/png',
    'application/problem+json',
  ]),
  pick([
    '',
    'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'application/json;q=0, */*',
    '*/*;q=0',
    'text/calendar;q=0.5, text/csv;q=0.5',
    ';;;,,,',
    'a/b;q=abc',
    '"quoted,/thing"',
  ]),
  ascii(60),
  fc.integer({ min: 100, max: 2_000 }).map((n) => 'a/b;q=0.1,'.repeat(n)),
)

const ifNoneMatch = (etags: string[]) =>
  fc.oneof(
    pick(etags.length ? etags : ['"x"']),
    pick(etags.length ? etags : ['"x"']).map((e) => `W/${e}`),
    fc
      .array(pick(etags.length ? etags : ['"x"']), { maxLength: 3 })
      .map((e) => `"a", ${e.join(', ')}`),
    pick(['*', '', '"', 'W/', ',,,', 'W/"'.repeat(3_000)]),
    ascii(40),
  )

const origin = fc.oneof(
  pick([
    'null',
    'https://evil.example',
    'http://localhost:1234',
    'https://dateline.test',
    'file://',
  ]),
  fc.webUrl().map((u) => new URL(u).origin),
  ascii(30),
)

/** `Accept-Language`: real browser headers, q-values, wildcards, junk and overlong lists. */
const acceptLanguage = fc.oneof(
  pick([
    'de-DE,de;q=0.9,en;q=0.8',
    'fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5',
    'zh-Hans-CN,zh;q=0.9',
    'ar-EG;q=0.3, uk',
    'ru;q=0, en',
    '*',
    '',
    'q=1;;,,',
    'en;q=abc, x-klingon',
    'i-default',
    Array.from({ length: 200 }, (_, i) => `l${i};q=0.${i % 10}`).join(','),
  ]),
  fc
    .array(
      fc.tuple(
        pick(['en', 'de', 'fr', 'ru', 'uk', 'zh', 'ar', 'pt', 'zh-Hant-TW', '*']),
        fc.integer({ min: 0, max: 1000 }),
      ),
      { maxLength: 6 },
    )
    .map((items) => items.map(([l, q]) => `${l};q=${(q / 1000).toFixed(3)}`).join(', ')),
  ascii(40),
)

const METHODS = fc.oneof(
  { weight: 12, arbitrary: fc.constant('GET') },
  { weight: 3, arbitrary: fc.constant('HEAD') },
  { weight: 2, arbitrary: fc.constant('OPTIONS') },
  { weight: 2, arbitrary: pick(['POST', 'PUT', 'DELETE', 'PATCH', 'QUERY', 'PROPFIND']) },
)

/**
 * One request. `names` are the parameter names to favour (the known ones plus any the OpenAPI
 * document declares); `etags` are real ETags so some `If-None-Match` headers hit.
 * @example fc.sample(fuzzRequest(KNOWN_PARAMETERS, []), 3)
 */
export const fuzzRequest = (names: string[], etags: string[]): fc.Arbitrary<FuzzRequest> =>
  fc
    .record(
      {
        method: METHODS,
        path,
        query: queryString(names),
        accept,
        acceptLanguage,
        ifNoneMatch: ifNoneMatch(etags),
        origin,
        preflight: fc.boolean(),
      },
      { requiredKeys: ['method', 'path', 'query', 'preflight'] },
    )
    .map(({ method, path, query, accept, acceptLanguage, ifNoneMatch, origin, preflight }) => {
      const headers: Record<string, string> = {}
      if (accept !== undefined) headers.Accept = accept
      if (acceptLanguage !== undefined) headers['Accept-Language'] = acceptLanguage
      if (ifNoneMatch !== undefined) headers['If-None-Match'] = ifNoneMatch
      if (origin !== undefined) headers.Origin = origin
      if (method === 'OPTIONS' && preflight) headers['Access-Control-Request-Method'] = 'GET'
      const target = query ? `${path}?${query}` : path
      // fast-check prints counterexamples with this: keep a failing batch of 100 readable.
      const short = () =>
        `${method} ${target.slice(0, 160)} ${JSON.stringify(headers).slice(0, 160)}`
      return { method, target, headers, [fc.toStringMethod]: short }
    })
