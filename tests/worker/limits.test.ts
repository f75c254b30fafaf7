/**
 * @module tests/worker/limits
 * Bounded resource use (src/http/limits.ts), the query schemas' per-parameter caps, and regular
 * expressions fed adversarial 10 KB inputs, all through the Worker in workerd.
 */
import { describe, expect, it } from 'vitest'
import { call, TIMELINE } from './helpers.ts'
import { checkUrl, MAX_QUERY_PARAMS, MAX_URL_LENGTH } from '../../src/http/limits.ts'
import { PARTIAL_DATE_PATTERN } from '../../src/model/vocabulary.ts'
import { foldText } from '../../src/model/dataset.ts'
import { decodeCursor } from '../../src/query/cursor.ts'
import { ifNoneMatchHits } from '../../src/http/cache.ts'

const EVENTS = `/v1/timelines/${TIMELINE}/events`

/** Asserts an RFC 9457 problem with this status, and returns its body. */
const expectProblem = async (res: Response, status: number) => {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const body = await res.json<Record<string, unknown>>()
  expect(body.status).toBe(status)
  return body
}

describe('URL length', () => {
  it(`answers a URL longer than ${MAX_URL_LENGTH} characters with 414`, async () => {
    const body = await expectProblem(await call(`/v1/${'a'.repeat(MAX_URL_LENGTH)}`), 414)
    expect(body.type).toMatch(/#problem-uri-too-long$/)
    expect(body.instance).toBeUndefined() // a megabyte path is not echoed back
  })

  it('serves a URL just under the limit normally', async () => {
    const pad = MAX_URL_LENGTH - 'https://dateline.test'.length - EVENTS.length - '?q='.length
    const res = await call(`${EVENTS}?q=${'a'.repeat(Math.min(pad, 200))}`)
    expect(res.status).toBe(200)
  })

  it('keeps security headers and CORS on the refusal', async () => {
    const res = await call(`/${'x'.repeat(5000)}`, { headers: { Origin: 'https://a.example' } })
    expect(res.status).toBe(414)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('query-string parameter count', () => {
  it(`accepts ${MAX_QUERY_PARAMS} parameters and refuses one more with 400`, async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => (i % 2 ? 'kind=visit' : 'status=happened')).join('&')
    expect((await call(`${EVENTS}?${many(MAX_QUERY_PARAMS)}`)).status).toBe(200)
    const body = await expectProblem(await call(`${EVENTS}?${many(MAX_QUERY_PARAMS + 1)}`), 400)
    expect(body.detail).toContain(String(MAX_QUERY_PARAMS))
  })

  it('does not count empty pairs (a&&b)', () => {
    expect(checkUrl(`https://x/?${'&'.repeat(500)}a=1`)).toBeUndefined()
  })
})

describe('per-parameter length (query/schema.ts)', () => {
  it('refuses a 257-character q with a 400 naming the parameter', async () => {
    const body = await expectProblem(await call(`${EVENTS}?q=${'a'.repeat(257)}`), 400)
    expect(body.parameter).toBe('q')
  })
})

describe('malformed encodings', () => {
  const cases: [string, string][] = [
    ['a lone % in the query', `${EVENTS}?q=%`],
    ['a truncated escape in the query', `${EVENTS}?q=ab%E2%82`],
    ['an overlong UTF-8 escape in the query', `${EVENTS}?q=%C0%AF`],
    ['a lone surrogate escape in the query', `${EVENTS}?q=%ED%A0%80`],
    ['a bad escape in a parameter name', `${EVENTS}?%zz=1`],
    ['a NUL byte in the query', `${EVENTS}?q=a%00b`],
    ['a NUL byte in a parameter name', `${EVENTS}?%00=1`],
    ['a bad escape in the path', `/v1/timelines/%E0%A4%A`],
    ['a NUL byte in the path', `/v1/timelines/wang%00yi`],
    ['a raw NUL byte in the path', `/v1/timelines/wang\0yi`],
  ]
  it.each(cases)('answers %s with a 400 problem', async (_name, path) => {
    const body = await expectProblem(await call(path), 400)
    expect(JSON.stringify(body)).not.toMatch(/\\u0000/)
  })

  it('still serves valid escapes (%20, +, UTF-8)', async () => {
    expect((await call(`${EVENTS}?q=Wang%20Yi`)).status).toBe(200)
    expect((await call(`${EVENTS}?q=Wang+Yi`)).status).toBe(200)
    expect((await call(`${EVENTS}?q=%C3%A9lys%C3%A9e`)).status).toBe(200)
  })
})

/**
 * Every regular expression in src/ that input reaches, on 10 KB strings built to make a
 * backtracking engine explode (long runs that almost match, then fail at the end).
 */
describe('regular expressions on adversarial 10 KB input', () => {
  const N = 10_000
  const adversarial = [
    'a-'.repeat(N / 2) + '!',
    'a'.repeat(N) + '-',
    '-'.repeat(N),
    '1'.repeat(N) + 'x',
    '2023-'.repeat(N / 5),
    '='.repeat(N) + 'x',
    ' \t'.repeat(N / 2) + 'x',
    'e\u0301'.repeat(N / 2) + '\u0301'.repeat(N),
    'W/'.repeat(N / 2),
    ','.repeat(N),
  ]
  // Whether a regex can backtrack catastrophically is decided statically, without timings, in
  // tests/unit/regex-safety.test.ts; here the same inputs must simply get a correct answer.
  it('PARTIAL_DATE_PATTERN, foldText, decodeCursor, If-None-Match and checkUrl answer correctly', () => {
    for (const input of adversarial) {
      expect(PARTIAL_DATE_PATTERN.test(input)).toBe(false)
      expect(foldText(input).split(/\s+/).length).toBeGreaterThan(0)
      expect(() => decodeCursor(input)).toThrow(RangeError)
      expect(ifNoneMatchHits(input, '"v-1"')).toBe(false)
      expect(() => checkUrl(`https://x/${input}?${input}`, 1e6, 1e6)).not.toThrow()
    }
  })

  it('the Worker refuses adversarial values of every parameter without a 5xx', async () => {
    // The schemas cap values at 256 characters, so 10 KB values must be refused cheaply, and the
    // URL cap (2 KB) refuses them before that; both paths are exercised.
    const params = ['from', 'to', 'actor', 'place', 'kind', 'tag', 'status', 'q', 'sort']
    for (const name of [...params, 'fields', 'limit', 'cursor', 'format']) {
      for (const input of adversarial) {
        for (const value of [input.slice(0, 256), input]) {
          const res = await call(`${EVENTS}?${name}=${encodeURIComponent(value)}`, {
            headers: { 'If-None-Match': input },
          })
          expect(res.status).toBeLessThan(500)
          await res.arrayBuffer()
        }
      }
    }
  })
})
