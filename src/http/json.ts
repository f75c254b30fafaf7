/**
 * @module http/json
 * JSON responses through the representation cache, so each body and ETag is built once.
 */
import type { Context } from 'hono'
import { representation, send } from './representation.ts'

export const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * Sends `build()` as JSON, serialized once per `key` (the key must capture everything the body
 * depends on besides the data version). `headers` is built with the body, once.
 * @example return sendJson(c, `timelines`, () => ({ items }))
 */
export const sendJson = (
  c: Context,
  key: string,
  build: () => unknown,
  headers?: () => Record<string, string>,
): Response =>
  send(
    c,
    representation(`json|${key}`, () => ({
      body: JSON.stringify(build()),
      contentType: JSON_TYPE,
      headers: headers?.(),
    })),
  )
