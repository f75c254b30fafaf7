/**
 * @module openapi/parameters
 * OpenAPI parameter objects generated from the zod/mini schemas that validate the query strings,
 * so the documentation cannot drift from what the Worker accepts.
 */
import { toJSONSchema } from 'zod/mini'
import type { $ZodObject, $ZodType } from 'zod/v4/core'

type Schema = Record<string, unknown>

/** An OpenAPI 3.1 Parameter Object. */
export interface ParameterObject {
  name: string
  in: 'query' | 'path' | 'header'
  description?: string
  required?: boolean
  schema: Schema
  style?: 'form' | 'simple'
  explode?: boolean
  example?: unknown
}

/** JSON Schema of one zod schema, without the `$schema` member OpenAPI does not want inline. */
const jsonSchemaOf = (schema: $ZodType, io: 'input' | 'output'): Schema => {
  const { $schema: _dialect, ...rest } = toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Schema
  return rest
}

/**
 * The query parameters of an object schema, one per key, in declaration order. Schemas are taken
 * as the client writes them (`io: 'input'`), except list parameters: their input is "a string or
 * strings" (split on commas by a transform), so the *output* array, whose items carry the enum or
 * id pattern, is documented with `style: form, explode: true` (repeatable).
 * @example queryParameters(EventListQuery, { kind: 'visit' })
 */
export const queryParameters = (
  object: $ZodObject,
  examples: Record<string, unknown> = {},
  /** Descriptions for parameters whose schema has none. */
  descriptions: Record<string, string> = {},
): ParameterObject[] =>
  Object.entries(object._zod.def.shape).map(([name, field]) => {
    const param = { ...parameterOf(name, field, descriptions[name]) }
    if (name in examples) param.example = examples[name]
    return param
  })

// One conversion per (schema, name): the events parameters appear on ten paths, and converting
// them again each time would triple the cost of the document on a cold isolate.
const converted = new WeakMap<$ZodType, Map<string, ParameterObject>>()

const parameterOf = (name: string, field: $ZodType, fallback?: string): ParameterObject => {
  const byName = converted.get(field) ?? new Map<string, ParameterObject>()
  converted.set(field, byName)
  const key = `${name}\0${fallback ?? ''}`
  const hit = byName.get(key)
  if (hit) return hit
  const param = convert(name, field, fallback)
  byName.set(key, param)
  return param
}

const convert = (name: string, field: $ZodType, fallback?: string): ParameterObject => {
  const input = jsonSchemaOf(field, 'input')
  const isList = Array.isArray(input.anyOf)
  const { description, ...schema } = isList ? jsonSchemaOf(field, 'output') : input
  const param: ParameterObject = {
    name,
    in: 'query',
    description: typeof description === 'string' ? description : fallback,
    required: !field._zod.optin,
    schema,
    ...(isList ? { style: 'form' as const, explode: true } : {}),
  }
  if (!param.required) delete param.required
  if (param.description === undefined) delete param.description
  return param
}

/**
 * A required path parameter: an id like the data's (`wang-yi-moscow-2023`).
 * @example pathParameter('id', 'Timeline id', 'wang-yi-moscow-2023')
 */
export const pathParameter = (name: string, description: string, example: string) =>
  ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 },
    example,
  }) satisfies ParameterObject
