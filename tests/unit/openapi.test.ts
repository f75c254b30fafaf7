/**
 * @module tests/unit/openapi
 * `/openapi.json` checked on Node, where Ajv may compile code (workerd forbids `new Function`):
 * the document against the official OpenAPI 3.1 schema, and every real JSON response the
 * documented examples produce against the response schema the document declares for it.
 */
import { Hono } from 'hono'
import { createResponseCache } from '../../src/http/cache.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { SUB_APPS, app, data } from '../../src/index.ts'
import { provideData } from '../../src/data/middleware.ts'
import { nodeAssets } from '../fixtures/node-assets.ts'
import { MOUNTS, ROUTES } from '../../src/routes/registry.ts'
import { openApiDocument } from '../../src/openapi/document.ts'
import { exampleFor } from '../../src/openapi/examples.ts'

type Json = Record<string, any>
const ORIGIN = 'https://dateline.test'
/** The Worker's bindings on Node: the built data files. */
const ENV = { ASSETS: nodeAssets() }
const doc = openApiDocument() as unknown as Json

/** Every (path, status, media type, example URL, schema) the document declares. */
const documentedExamples = () => {
  const out: { path: string; status: string; media: string; url: string; schema?: Json }[] = []
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const op of Object.values(item as Json)) {
      for (const [status, response] of Object.entries((op as Json).responses as Json)) {
        for (const [media, body] of Object.entries(((response as Json).content ?? {}) as Json)) {
          for (const ex of Object.values(((body as Json).examples ?? {}) as Json)) {
            out.push({
              path,
              status,
              media,
              url: exampleFor((ex as Json).externalValue, ORIGIN),
              schema: (body as Json).schema,
            })
          }
        }
      }
    }
  }
  return out
}

describe('GET /openapi.json (generator, on Node)', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(doc))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('documents every EventListQuery parameter, with enums from the zod schema', () => {
    const params = doc.paths['/v1/timelines/{id}/events'].get.parameters as Json[]
    const names = params.filter((p) => p.in === 'query').map((p) => p.name)
    expect(names).toEqual([
      'from',
      'to',
      'actor',
      'place',
      'kind',
      'tag',
      'status',
      'q',
      'sort',
      'fields',
      'lang',
      'limit',
      'cursor',
      'format',
    ])
    const kind = params.find((p) => p.name === 'kind')!
    expect(kind.schema.type).toBe('array')
    expect(kind.schema.items.enum).toContain('visit')
  })

  it('documents lang and Content-Language on every resource with content in several languages', () => {
    for (const path of [
      '/v1/timelines',
      '/v1/timelines/{id}',
      '/v1/timelines/{id}/events',
      '/v1/timelines/{id}/events.ics',
      '/v1/timelines/{id}/events/{eventId}',
    ]) {
      const op = doc.paths[path].get
      expect(
        (op.parameters as Json[]).map((p) => p.name),
        path,
      ).toContain('lang')
      expect(Object.keys(op.responses['200'].headers ?? {}), path).toContain('Content-Language')
    }
  })
})

describe('documented examples against the Worker (on Node)', () => {
  let ajv: Ajv2020
  beforeAll(() => {
    ajv = new Ajv2020({ strict: false, allErrors: true })
    ;(addFormats as unknown as (a: Ajv2020) => void)(ajv)
    // Registering the whole document lets `#/components/...` refs resolve.
    ajv.addSchema({ ...doc, $id: 'openapi' }, 'openapi')
  })

  const examples = documentedExamples()
  it('has examples for every operation', () => {
    expect(examples.length).toBeGreaterThan(30)
  })

  it.each(examples.map((e) => [e.status, e.url, e] as const))('%s %s', async (status, url, ex) => {
    const res = await app.request(`${ORIGIN}${url}`, { headers: { Accept: ex.media } }, ENV)
    expect(res.status).toBe(Number(status))
    const type = res.headers.get('Content-Type') ?? ''
    if (
      ex.schema &&
      type.includes('json') &&
      !('type' in ex.schema && ex.schema.type === 'object' && !ex.schema.properties)
    ) {
      const body = await res.json()
      const validate = ajv.compile({ $ref: `openapi${pointerOf(ex.schema)}` })
      const ok = validate(body)
      expect(validate.errors ?? [], url).toEqual([])
      expect(ok).toBe(true)
    }
  })
})

describe('the route registry', () => {
  // The document and app.routes are compared in tests/worker/openapi.test.ts; this checks what
  // they cannot see: that each entry names the sub-app that really serves it.
  it.each(ROUTES.map((r) => [r.path, r] as const))('%s is served by its sub-app', async (_, r) => {
    const mount = MOUNTS[r.app]
    const url = exampleFor(r.ok.examples[0]!.url, ORIGIN)
    expect(url.startsWith(mount)).toBe(true)
    const rest = mount === '/' ? url : url.slice(mount.length)
    // Alone, but with the cache its handlers send through (switched off: nothing kept).
    const alone = new Hono()
      .use(createResponseCache({ version: 'test', maxBytes: 0 }).provide())
      .use(provideData(data))
      .route('/', SUB_APPS[r.app])
    const res = await alone.request(`${ORIGIN}${rest.startsWith('/') ? '' : '/'}${rest}`, {}, ENV)
    expect(res.status).toBe(200)
  })
})

/** `#/components/schemas/X` of a `$ref`, or a pointer into the doc for inline schemas. */
const pointerOf = (schema: Json): string => {
  if (typeof schema.$ref === 'string') return schema.$ref
  return '#/components/schemas/Problem'
}
