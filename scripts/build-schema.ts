/**
 * @module scripts/build-schema
 * `npm run schema`: regenerates `data/schema/*.schema.json` from src/model/schema.ts. A test fails
 * when the committed schemas drift from the definitions, so run this after changing the model.
 */
import { writeFile } from 'node:fs/promises'
import { DATA_FILE_SCHEMAS, dataFileSchemaText } from '../src/model/json-schema.ts'

const dir = new URL('../data/schema/', import.meta.url)
for (const name of Object.keys(DATA_FILE_SCHEMAS) as (keyof typeof DATA_FILE_SCHEMAS)[]) {
  await writeFile(new URL(name, dir), dataFileSchemaText(name))
  console.log(`✓ data/schema/${name}`)
}
