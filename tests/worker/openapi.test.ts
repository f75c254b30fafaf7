/**
 * @module tests/worker/openapi
 * `GET /openapi.json` in workerd: served with an ETag, generated from the validation schemas, and
 * complete: every route the app registers is documented, nothing documented is unserved, and
 * every example link answers with the status it is documented under. (The document's validity
 * against the OpenAPI 3.1 schema and the response schemas are checked with Ajv on Node, in
 * tests/unit/openapi.test.ts, since workerd forbids the code generation Ajv relies on.)
 */
import { describe, expect, it } from 'vitest'
import { app } from '../../src/index.ts'
import { EventListQuery } from '../../src/query/schema.ts'
import { FORMAT_SPECS } from '../../src/formats/registry.ts'
import { exampleFor } from '../../src/openapi/examples.ts'
import { ORIGIN, call, getJson } from './helpers.ts'

type Json = Record<string, any>
const { res: docRes, body: doc } = await getJson<Json>('/openapi.json')

/** A Hono route pattern as a regular expression over paths; `param` stands for a plain `:name`. */
const routeToRegExp = (path: string, param: string) => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  let source = ''
  let last = 0
  // `:name` or `:name{regex}` (the regex may hold one level of braces, e.g. `\d{4}`).
  for (const m of path.matchAll(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g)) {
    source += escape(path.slice(last, m.index)) + (m[2] ? `(?:${m[2].slice(1, -1)})` : param)
    last = m.index + m[0].length
  }
  return new RegExp(`^${source}${escape(path.slice(last))}$`)
}

/** GET routes the app serves, deduplicated; middleware (`ALL`) entries are not resources. */
const served = [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))]
const documented = Object.keys(doc.paths)

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 JSON with a strong ETag and answers If-None-Match with 304', async () => {
    expect(docRes.status).toBe(200)
    expect(docRes.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(doc.openapi).toBe('3.1.0')
    const etag = docRes.headers.get('ETag')!
    expect(etag).toMatch(/^"[^"]+"$/)
    const again = await call('/openapi.json', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })

  it('documents every route the Worker serves (app.routes, :id normalised to {id})', () => {
    expect(served.length).toBeGreaterThan(10)
    for (const path of served) {
      // Plain routes must appear verbatim; routes with a regex parameter (events.{ext}) must
      // match at least one documented path.
      const exact = path.replace(/:(\w+)(?!\{)/g, '{$1}')
      const re = routeToRegExp(path, '\\{[^/}]+\\}')
      const hit = /\{.+\}/.test(path.replace(/:\w+(?!\{)/g, ''))
        ? documented.some((p) => re.test(p))
        : documented.includes(exact)
      expect(hit, `GET ${path} is not in /openapi.json`).toBe(true)
      const methods = Object.keys(doc.paths[exact] ?? { get: 1 })
      expect(methods).toEqual(['get'])
    }
  })

  it('documents nothing the Worker does not serve', () => {
    const patterns = served.map((path) => routeToRegExp(path, '[^/]+'))
    for (const path of documented) {
      const concrete = path.replace(/\{(\w+)\}/g, 'x')
      expect(
        patterns.some((re) => re.test(concrete)),
        `${path} is documented, not served`,
      ).toBe(true)
    }
  })

  it('generates the events parameters from EventListQuery and lists every format', () => {
    const op = doc.paths['/v1/timelines/{id}/events'].get
    const query = op.parameters.filter((p: Json) => p.in === 'query').map((p: Json) => p.name)
    expect(query).toEqual(Object.keys(EventListQuery.shape))
    const format = op.parameters.find((p: Json) => p.name === 'format')
    expect(format.schema.enum).toEqual(FORMAT_SPECS.map((f) => f.format))
    const types = Object.keys(op.responses['200'].content)
    for (const spec of FORMAT_SPECS) expect(types).toContain(spec.mediaType)
    for (const spec of FORMAT_SPECS) {
      for (const ext of spec.extensions) {
        expect(documented).toContain(`/v1/timelines/{id}/events.${ext}`)
      }
    }
    expect(Object.keys(op.responses)).toEqual(
      expect.arrayContaining(['200', '304', '400', '404', '405', '406', '414']),
    )
    expect(Object.keys(op.responses['200'].headers)).toEqual(
      expect.arrayContaining(['ETag', 'Link', 'X-Total-Count']),
    )
  })

  it('documents the problem+json schema and a problem anchor for every type', () => {
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail'])
    for (const [type, info] of Object.entries<Json>(doc['x-problem-types'])) {
      expect(info.docs).toBe(`/docs#problem-${type}`)
    }
  })
})

describe('documented examples', () => {
  const examples: [string, string, string][] = []
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const op of Object.values<Json>(item)) {
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        for (const [media, body] of Object.entries<Json>(response.content ?? {})) {
          for (const ex of Object.values<Json>(body.examples ?? {})) {
            examples.push([status, exampleFor(ex.externalValue, ORIGIN), `${path} ${media}`])
          }
        }
      }
    }
  }

  it('exist for every operation', () => {
    const withExamples = new Set(examples.map(([, , where]) => where.split(' ')[0]))
    expect([...withExamples].sort()).toEqual([...documented].sort())
  })

  it.each(examples)('%s %s', async (status, url, where) => {
    const media = where.split(' ')[1]!
    const res = await call(url, { headers: { Accept: media } })
    expect(res.status).toBe(Number(status))
    if (status === '200') expect(res.headers.get('Content-Type')).toContain(media)
    await res.body?.cancel()
  })
})
