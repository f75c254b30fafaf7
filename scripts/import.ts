/**
 * @module scripts/import
 * `npm run import -- <timeline.json | sheet.csv> [--id slug] [--out file.json] [--lang tag]
 *  [--data dir]`: brings a TimelineJS3 timeline (its JSON, or a CSV of its Google Sheets template)
 * into Dateline as a draft (lib/draft/timelinejs.ts). Dates, headlines and texts are kept; every
 * citation is marked missing for the editor to fill before the draft can be promoted.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { basename, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_DATA_DIR } from './lib/data-files.ts'
import { csvToDocument, importTimelineJs } from './lib/draft/timelinejs.ts'
import type { TjsDocument } from './lib/draft/timelinejs.ts'
import { slugify } from './lib/draft/entities.ts'
import { reviewItems } from '../src/model/draft.ts'
import { ActorsFile, PlacesFile } from '../src/model/schema.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    data: { type: 'string', default: DEFAULT_DATA_DIR },
  },
})
const [path] = positionals
if (!path) {
  console.error(
    '✗ usage: npm run import -- <timeline.json | sheet.csv> [--id slug] [--out file.json]',
  )
  process.exit(1)
}
const dataDir = resolve(values.data!)
const text = await readFile(path, 'utf8')
const doc: TjsDocument = /\.csv$/i.test(path) ? csvToDocument(text) : JSON.parse(text)
const id = values.id ?? slugify(basename(path).replace(/\.[^.]+$/, ''))
const read = async (name: string) => JSON.parse(await readFile(join(dataDir, name), 'utf8'))
const { draft, skipped } = importTimelineJs({
  doc,
  input: relative(process.cwd(), resolve(path)),
  id,
  ...(values.lang ? { language: values.lang } : {}),
  actors: ActorsFile.parse(await read('actors.json')).actors,
  places: PlacesFile.parse(await read('places.json')).places,
})
const json = `${JSON.stringify(draft, null, 2)}\n`
if (values.out) await writeFile(values.out, json)
else process.stdout.write(json)
console.error(
  [
    `✓ imported "${id}": ${draft.events.length} event(s) as a draft` +
      (values.out ? ` → ${values.out}` : ''),
    ...skipped.map((s) => `• not imported: ${s.text.slice(0, 60)} (${s.reason})`),
    'Left to review:',
    ...reviewItems(draft).map((item) => `  - ${item}`),
  ].join('\n'),
)
