/**
 * @module model/json-schema
 * JSON Schemas for the data files, generated from the zod definitions the validator uses, so an
 * author's editor checks and completes the same rules while they type (`"$schema"` in each file).
 */
import { z } from 'zod'
import { ActorsFile, PlacesFile, Timeline } from './schema.ts'
import { DraftTimeline } from './draft.ts'
import { SharedTranslation, TagsFile, TimelineTranslation } from './translation-schema.ts'

/** File name under `data/schema/` → its schema. */
export const DATA_FILE_SCHEMAS = {
  'timeline.schema.json': Timeline,
  'actors.schema.json': ActorsFile,
  'places.schema.json': PlacesFile,
  'draft-timeline.schema.json': DraftTimeline,
  'tags.schema.json': TagsFile,
  'translation.schema.json': TimelineTranslation,
  'shared-translation.schema.json': SharedTranslation,
} as const

/**
 * The JSON text of one data-file schema, exactly as committed under `data/schema/`.
 * @example await writeFile('data/schema/timeline.schema.json', dataFileSchemaText('timeline.schema.json'))
 */
export const dataFileSchemaText = (name: keyof typeof DATA_FILE_SCHEMAS): string =>
  JSON.stringify(
    z.toJSONSchema(DATA_FILE_SCHEMAS[name], { target: 'draft-2020-12', io: 'input' }),
    null,
    2,
  ) + '\n'
