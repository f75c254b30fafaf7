/**
 * @module tests/worker/validate.test
 * Field-by-field validation with remembered results (`parseByField`, src/http/validate.ts) must
 * judge every query exactly as zod's whole-object parse does: same success, same output, same
 * issues in the same order. Queries come from the fuzzer's table of every parameter (valid and
 * invalid values, repeated parameters, unknown names); each is judged twice, so the second answer
 * comes from the memo.
 */
import { expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import * as z from 'zod/mini'
import { parseByField } from '../../src/http/validate.ts'
import { EventListQuery, NoQuery } from '../../src/query/schema.ts'
import { EmbedQuery } from '../../src/embed/schema.ts'
import { VALUES } from './fuzz-arbitraries.ts'

const NAMES = [...Object.keys(VALUES), 'colour', '__proto__', 'constructor']

/** A query as Hono's validator hands it over: one value a string, a repeated one an array. */
const valueOf = (name: string) => (Object.hasOwn(VALUES, name) ? VALUES[name]! : fc.string())
const query = fc
  .array(
    fc
      .constantFrom(...NAMES)
      .chain((name) =>
        fc.tuple(fc.constant(name), fc.array(valueOf(name), { minLength: 1, maxLength: 2 })),
      ),
    { maxLength: 6 },
  )
  .map((pairs) => {
    const value: Record<string, string | string[]> = {}
    for (const [name, values] of pairs) {
      Object.defineProperty(value, name, {
        value: values.length === 1 ? values[0]! : values,
        enumerable: true,
        configurable: true,
        writable: true,
      })
    }
    return value
  })

const outcome = (result: ReturnType<typeof z.safeParse>) =>
  result.success
    ? { success: true, data: result.data }
    : {
        success: false,
        issues: result.error.issues.map((i) => ({
          code: i.code,
          path: i.path,
          message: i.message,
          ...('keys' in i ? { keys: i.keys } : {}),
        })),
      }

for (const [name, schema] of [
  ['EventListQuery', EventListQuery],
  ['NoQuery', NoQuery],
  ['EmbedQuery', EmbedQuery],
] as const) {
  const parse = parseByField(schema as z.ZodMiniType)
  test.prop([query], { numRuns: 400, seed: 13 })(
    `${name}: judged as zod judges the whole object, twice`,
    (value) => {
      const expected = outcome(z.safeParse(schema, value))
      expect(outcome(parse(value) as ReturnType<typeof z.safeParse>)).toEqual(expected)
      expect(outcome(parse(value) as ReturnType<typeof z.safeParse>)).toEqual(expected)
    },
  )
}
