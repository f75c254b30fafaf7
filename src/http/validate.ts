/**
 * @module http/validate
 * Query validation at the edge: zod schemas from `query/schema.ts`, failures as 400 problems that
 * name the parameter and what it accepts.
 */
import { zValidator } from '@hono/zod-validator'
import type { $ZodType } from 'zod/v4/core'
import { ProblemException } from './problem.ts'

/**
 * A validator for `c.req.valid('query')`, whose failures are problem documents.
 * @example app.get('/events', validQuery(EventListQuery), (c) => c.json(c.req.valid('query')))
 */
export const validQuery = <T extends $ZodType>(schema: T) =>
  zValidator('query', schema, (result) => {
    if (result.success) return
    // An unknown parameter is the likelier mistake (a typo), so it is reported before bad values.
    const issues = result.error.issues
    const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!
    if (issue.code === 'unrecognized_keys') {
      const names = issue.keys.map((k) => `"${k}"`).join(', ')
      throw new ProblemException({
        status: 400,
        type: 'unknown-parameter',
        detail: `Unknown query parameter ${names}; see /openapi.json for what this resource accepts`,
        extensions: { parameters: issue.keys },
      })
    }
    const parameter = String(issue.path[0] ?? '')
    throw new ProblemException({
      status: 400,
      type: 'invalid-parameter',
      // A single-valued parameter sent twice fails its type check at the parameter itself
      // (list items fail one level deeper), whatever the schema's own message says.
      detail:
        Array.isArray((result.data as Record<string, unknown>)[parameter]) &&
        issue.path.length === 1
          ? `"${parameter}" must be given once`
          : issue.message,
      extensions: { parameter },
    })
  })
