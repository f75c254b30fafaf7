/**
 * @module tests/unit/json-schema.test
 * The committed JSON Schemas are what the zod model generates, and a real JSON Schema validator
 * (Ajv, draft 2020-12) accepts the shipped files and rejects broken ones.
 */
import { describe, expect, it } from 'vitest'
import { readFile, readdir } from 'node:fs/promises'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { DATA_FILE_SCHEMAS, dataFileSchemaText } from '../../src/model/json-schema.ts'

const DATA = new URL('../../data/', import.meta.url)
const readJson = async (path: string) => JSON.parse(await readFile(new URL(path, DATA), 'utf8'))
const NAMES = Object.keys(DATA_FILE_SCHEMAS) as (keyof typeof DATA_FILE_SCHEMAS)[]

const compile = async (name: string) => {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats.default(ajv)
  return ajv.compile(await readJson(`schema/${name}`))
}

describe('data/schema', () => {
  it.each(NAMES)('%s matches the model (run `npm run schema` after changing it)', async (name) => {
    expect(await readFile(new URL(`schema/${name}`, DATA), 'utf8')).toBe(dataFileSchemaText(name))
  })

  it('accepts every shipped timeline, and each names its schema', async () => {
    const validate = await compile('timeline.schema.json')
    const files = (await readdir(new URL('timelines/', DATA))).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const timeline = await readJson(`timelines/${file}`)
      expect(timeline.$schema).toBe('../schema/timeline.schema.json')
      expect(validate(timeline), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  it('accepts the shipped actors and places', async () => {
    for (const kind of ['actors', 'places']) {
      const validate = await compile(`${kind}.schema.json`)
      const file = await readJson(`${kind}.json`)
      expect(file.$schema).toBe(`./schema/${kind}.schema.json`)
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  it('rejects what the validator rejects: a bad kind, a bad id, a missing quote', async () => {
    const validate = await compile('timeline.schema.json')
    const timeline = await readJson('timelines/wang-yi-moscow-2023.json')
    const broken = [
      (t: any) => (t.events[0].kind = 'party'),
      (t: any) => (t.events[0].id = 'Not An Id'),
      (t: any) => (t.events[0].citations = []),
      (t: any) => (t.events[0].date.precision = 'week'),
    ]
    for (const breakIt of broken) {
      const copy = structuredClone(timeline)
      breakIt(copy)
      expect(validate(copy)).toBe(false)
    }
  })
})
