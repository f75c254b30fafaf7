/**
 * @module scripts/draft
 * `npm run draft -- <article.txt> [--published YYYY-MM-DD] [--id slug] [--out file.json]
 *  [--lang tag] [--url https://…] [--data dir]`: drafts a timeline from a plain-text article (see
 * lib/draft/). Node only, never bundled into the Worker. Writes the draft to --out (or stdout), and
 * on stderr what it found, what it skipped, what does not add up and what is left to review.
 * When --out is under data/timelines/, the article is copied to data/sources/<id>.txt (unless it
 * is already in data/sources/), so its quotes are checked.
 *
 * `npm run draft -- --promote <file.json> [--data dir]`: removes every draft block, then applies
 * every published rule; writes the file only if they all pass.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_DATA_DIR, validateFiles } from './lib/data-files.ts'
import { draftFromArticle } from './lib/draft/from-article.ts'
import { promoteDraft } from './lib/draft/promote.ts'
import { slugify } from './lib/draft/entities.ts'
import { formatIssues } from '../src/model/validate.ts'
import { isDraftContent, reviewItems } from '../src/model/draft.ts'
import { ActorsFile, PlacesFile } from '../src/model/schema.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    published: { type: 'string' },
    id: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    url: { type: 'string' },
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    promote: { type: 'string' },
  },
})
const dataDir = resolve(values.data!)
const fail = (message: string): never => {
  console.error(`✗ ${message}`)
  process.exit(1)
}
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

if (values.promote) {
  const path = resolve(values.promote)
  const content = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  if (!isDraftContent(content)) fail(`${values.promote} has no draft block: nothing to promote`)
  const { timeline, removed } = promoteDraft(content, new Date().toISOString().slice(0, 10))
  // Validate the promoted text from a temporary name beside it, so messages name the real file.
  const candidate = join(dirname(path), `.${basename(path)}.promoting`)
  await writeFile(candidate, json(timeline))
  const { issues } = await validateFiles([candidate], dataDir)
  await rm(candidate)
  const named = issues.map((i) => ({ ...i, file: relative(process.cwd(), path) }))
  // The file-name rule sees the temporary name: judge it on the real one instead.
  const real = named.filter(
    (i) => !(i.field === 'id' && i.message.startsWith('the file must be named')),
  )
  if (!basename(path).startsWith(`${String(timeline.id)}.`)) {
    real.push({
      file: relative(process.cwd(), path),
      field: 'id',
      message: `the file must be named ${String(timeline.id)}.json`,
    })
  }
  if (real.length) {
    fail(
      `not promoted: ${real.length} problem(s) once the draft blocks are gone (the file is unchanged; ` +
        `fix them in the draft and promote again):\n${formatIssues(real)}`,
    )
  }
  await writeFile(path, json(timeline))
  console.error(
    `✓ promoted ${values.promote}: ${removed} draft block(s) removed, every published rule passes`,
  )
  process.exit(0)
}

const [articlePath] = positionals
if (!articlePath)
  fail(
    'usage: npm run draft -- <article.txt> [--published YYYY-MM-DD] [--id slug] [--out file.json]',
  )
const text = await readFile(articlePath!, 'utf8')
const id = values.id ?? slugify(basename(articlePath!).replace(/\.[^.]+$/, ''))
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
  fail(`--id "${id}" must be a slug (lowercase words and hyphens)`)
if (values.published && !/^\d{4}-\d{2}-\d{2}$/.test(values.published))
  fail('--published must be YYYY-MM-DD')

const sourcesDir = join(dataDir, 'sources')
const inSources =
  resolve(dirname(articlePath!)) === sourcesDir && /^[a-z0-9.-]+\.txt$/.test(basename(articlePath!))
const sourceText = inSources ? `sources/${basename(articlePath!)}` : `sources/${id}.txt`
const actors = ActorsFile.parse(
  JSON.parse(await readFile(join(dataDir, 'actors.json'), 'utf8')),
).actors
const places = PlacesFile.parse(
  JSON.parse(await readFile(join(dataDir, 'places.json'), 'utf8')),
).places

let result: ReturnType<typeof draftFromArticle>
try {
  result = draftFromArticle({
    text,
    input: relative(process.cwd(), resolve(articlePath!)),
    sourceText,
    id,
    ...(values.published ? { published: values.published } : {}),
    ...(values.lang ? { language: values.lang } : {}),
    ...(values.url ? { url: values.url } : {}),
    actors,
    places,
  })
} catch (error) {
  fail((error as Error).message)
}
const { draft, article, warnings } = result!

if (values.out) {
  const out = resolve(values.out)
  if (dirname(out) === join(dataDir, 'timelines') && !inSources) {
    const copy = join(dataDir, sourceText)
    const existing = await readFile(copy, 'utf8').catch(() => undefined)
    if (existing !== undefined && existing !== text)
      fail(`${copy} exists with other text: pick another --id`)
    await copyFile(articlePath!, copy)
    console.error(`• copied the article to ${relative(process.cwd(), copy)}`)
  }
  await writeFile(out, json(draft))
} else process.stdout.write(json(draft))

const meta = draft.draft!
const dated = draft.events.filter((e) => e.date.precision === 'day' && !e.date.end).length
console.error(
  [
    `✓ draft "${id}": ${draft.events.length} candidate event(s), ${dated} dated to the day` +
      (values.out ? ` → ${values.out}` : ''),
    `• published ${meta.published!.value} (${meta.published!.from}); language ${meta.language.value} (${meta.language.from})`,
    `• skipped ${article.skipped.length} line(s), never quoted:`,
    ...article.skipped.map((s) => `    line ${s.line} [${s.reason}] ${s.text.slice(0, 80)}`),
    ...warnings.map((w) => `⚠ ${w}`),
    'Left to review:',
    ...reviewItems(draft).map((item) => `  - ${item}`),
  ].join('\n'),
)
