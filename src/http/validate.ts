/**
 * @module http/validate
 * Query validation at the edge: zod schemas from `query/schema.ts`, failures as 400 problems that
 * name the parameter and what it accepts.
 *
 * A query's parameters vary together (the cold-query benchmark sends thousands of distinct
 * combinations), but each parameter's values repeat: the same `actor`, `limit` or `q` word in
 * many queries. So an object schema of optional fields is validated field by field, each
 * field's result remembered per raw value (see {@link parseByField}): the same rules, the same
 * issues in the same order, without running zod again for a value it has already judged.
 */
import type { Env, MiddlewareHandler } from 'hono'
import type { zValidator } from '@hono/zod-validator'
import * as z from 'zod/mini'
import { $ZodError, type $ZodIssue, type $ZodType } from 'zod/v4/core'
import { ByteLru, stringBytes } from './byte-lru.ts'
import { ProblemException } from './problem.ts'

/** Remembered field results: raw values are at most 256 characters a parameter, 20 values a list. */
const FIELD_MEMO_BYTES = 1024 * 1024
/** What a remembered result costs besides its key and raw value (a guess on the high side). */
const FIELD_RESULT_OVERHEAD = 512

type FieldResult = { ok: true; value: unknown } | { ok: false; issues: readonly $ZodIssue[] }
type Raw = string | string[]

interface ObjectDef {
  type: string
  shape: Record<string, $ZodType>
  catchall?: $ZodType
  checks?: readonly unknown[]
}

/**
 * `schema.safeParse`, field by field with results remembered per raw value, when that is
 * provably the same: a plain object schema (no checks of its own) whose fields are all optional
 * and which strips or refuses unknown keys. Any other schema is parsed whole. Present keys are
 * parsed in shape order and their issues prefixed with the key, absent ones skipped, unknown ones
 * reported last as one `unrecognized_keys` issue, as `z.object` / `z.strictObject` do.
 * @example parseByField(EventListQuery)({ limit: '5' }) // { success: true, data: { limit: 5 } }
 */
export const parseByField = <T extends $ZodType>(schema: T) => {
  const def = schema._zod.def as unknown as ObjectDef
  const fields = def.type === 'object' ? Object.entries(def.shape) : []
  const strict = def.catchall?._zod.def.type === 'never'
  const byField =
    def.type === 'object' &&
    !def.checks?.length &&
    (def.catchall === undefined || strict) &&
    fields.every(([, field]) => field._zod.optin === 'optional' && field._zod.optout === 'optional')
  const memo = new ByteLru<FieldResult>(FIELD_MEMO_BYTES)
  const judge = (name: string, field: $ZodType, raw: Raw): FieldResult => {
    // A list and a string never share a key: \u0001 cannot appear in a decoded query value
    // that validation would accept, and the prefix tells the two shapes apart.
    const key = `${name}\u0000${typeof raw === 'string' ? raw : `\u0001${raw.join('\u0001')}`}`
    // `peek`: the order of use is not worth keeping for entries this cheap to make again.
    let result = memo.peek(key)
    if (!result) {
      const parsed = z.safeParse(field, raw)
      result = parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, issues: parsed.error.issues }
      memo.set(key, result, FIELD_RESULT_OVERHEAD + stringBytes(key))
    }
    return result
  }
  return (value: Record<string, Raw>) => {
    if (!byField) return z.safeParse(schema, value)
    const data: Record<string, unknown> = {}
    const issues: $ZodIssue[] = []
    for (const [name, field] of fields) {
      if (!Object.hasOwn(value, name)) continue
      const result = judge(name, field, value[name]!)
      // A remembered list is shared: each request gets its own copy (frozen lists would be
      // safer, but V8 serializes them to JSON at a third of the speed, in every cache key).
      if (result.ok) data[name] = Array.isArray(result.value) ? [...result.value] : result.value
      else for (const issue of result.issues) issues.push({ ...issue, path: [name, ...issue.path] })
    }
    if (strict) {
      const unknown = Object.keys(value).filter((name) => !Object.hasOwn(def.shape, name))
      // Only the unknown keys, so zod reports them (and nothing else) in its own words.
      if (unknown.length) {
        const rest = Object.fromEntries(unknown.map((name) => [name, value[name]]))
        const refused = z.safeParse(schema, rest)
        if (!refused.success) issues.push(...refused.error.issues)
      }
    }
    return issues.length
      ? { success: false as const, error: new $ZodError(issues) }
      : { success: true as const, data: data as z.output<T> }
  }
}

/** The middleware `zValidator` would make for `schema`: its type gives `hc<AppType>` the query. */
type QueryValidator<T extends $ZodType> = ReturnType<typeof zValidator<T, 'query', Env, string>>

/** The query as `zValidator` hands it to zod: one value a string, a repeated one a list. */
const queryRecord = (queries: Record<string, string[]>): Record<string, Raw> => {
  const value: Record<string, Raw> = {}
  for (const name of Object.keys(queries)) {
    const values = queries[name]!
    const one = values.length === 1 ? values[0]! : values
    // A parameter named `__proto__` is data, as in Object.fromEntries, not a prototype.
    if (name === '__proto__') {
      Object.defineProperty(value, name, {
        value: one,
        enumerable: true,
        configurable: true,
        writable: true,
      })
    } else value[name] = one
  }
  return value
}

/** The problem a failed query gets: unknown parameters first (the likelier typo), else the first bad value. */
const queryProblem = (issues: readonly $ZodIssue[], value: Record<string, Raw>) => {
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `"${k}"`).join(', ')
    return new ProblemException({
      status: 400,
      type: 'unknown-parameter',
      detail: `Unknown query parameter ${names}; see /openapi.json for what this resource accepts`,
      extensions: { parameters: issue.keys },
    })
  }
  const parameter = String(issue.path[0] ?? '')
  return new ProblemException({
    status: 400,
    type: 'invalid-parameter',
    // A single-valued parameter sent twice fails its type check at the parameter itself
    // (list items fail one level deeper), whatever the schema's own message says.
    detail:
      Array.isArray(value[parameter]) && issue.path.length === 1
        ? `"${parameter}" must be given once`
        : issue.message,
    extensions: { parameter },
  })
}

/**
 * A validator for `c.req.valid('query')`, whose failures are problem documents. Typed as
 * `zValidator('query', schema)` (so the typed client knows every query), but written here:
 * `zValidator` runs through two more async layers and copies the query twice, which every
 * never-seen query would pay for.
 * @example app.get('/events', validQuery(EventListQuery), (c) => c.json(c.req.valid('query')))
 */
export const validQuery = <T extends $ZodType>(schema: T): QueryValidator<T> => {
  const parse = parseByField(schema)
  const middleware: MiddlewareHandler = async function validQuery(c, next) {
    const value = queryRecord(c.req.queries())
    const result = parse(value)
    if (!result.success) throw queryProblem(result.error.issues, value)
    c.req.addValidatedData('query', result.data as object)
    await next()
  }
  return middleware as QueryValidator<T>
}
