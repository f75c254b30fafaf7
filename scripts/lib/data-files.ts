/**
 * @module scripts/lib/data-files
 * Reads a data directory from disk (Node only) and runs the validator over it. Shared by the build,
 * `npm run validate`, the tests and the benchmark, so all of them apply the same rules.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { validateDataset } from '../../src/model/validate.ts'
import type { DataFile, ValidationIssue, ValidDataset } from '../../src/model/validate.ts'

export const DEFAULT_DATA_DIR = new URL('../../data/', import.meta.url).pathname

const readJson = async (path: string, root: string): Promise<DataFile> => {
  const file = relative(join(root, '..'), path)
  try {
    return { file, content: JSON.parse(await readFile(path, 'utf8')) }
  } catch (error) {
    return { file, content: { $parseError: (error as Error).message } }
  }
}

/**
 * Loads `actors.json`, `places.json`, `tags.json`, `timelines/*.json`, `sources/*.txt` and
 * `translations/{lang}/*.json` and validates them.
 * @example const { dataset, issues } = await loadDataDir('data')
 */
export const loadDataDir = async (
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<{ dataset?: ValidDataset; issues: ValidationIssue[]; files: string[] }> => {
  const timelineDir = join(dataDir, 'timelines')
  const timelineNames = (await readdir(timelineDir)).filter((n) => n.endsWith('.json')).sort()
  const sourceNames = (await readdir(join(dataDir, 'sources')).catch(() => [] as string[])).sort()
  const sourceTexts = new Map<string, string>()
  for (const name of sourceNames) {
    sourceTexts.set(`sources/${name}`, await readFile(join(dataDir, 'sources', name), 'utf8'))
  }
  const actors = await readJson(join(dataDir, 'actors.json'), dataDir)
  const places = await readJson(join(dataDir, 'places.json'), dataDir)
  const timelines = await Promise.all(
    timelineNames.map((name) => readJson(join(timelineDir, name), dataDir)),
  )
  const tags = await readJson(join(dataDir, 'tags.json'), dataDir)
  const translationDir = join(dataDir, 'translations')
  const langs = (await readdir(translationDir).catch(() => [] as string[])).sort()
  const translationFiles: DataFile[] = []
  for (const lang of langs) {
    const names = (await readdir(join(translationDir, lang))).filter((n) => n.endsWith('.json'))
    for (const name of names.sort()) {
      translationFiles.push(await readJson(join(translationDir, lang, name), dataDir))
    }
  }
  const parseIssues = [actors, places, tags, ...timelines, ...translationFiles].flatMap(
    ({ file, content }) => {
      const error = (content as { $parseError?: string }).$parseError
      return error ? [{ file, field: '(file)', message: `not valid JSON: ${error}` }] : []
    },
  )
  if (parseIssues.length) return { issues: parseIssues, files: timelines.map((t) => t.file) }
  const result = validateDataset({
    actors,
    places,
    timelines,
    sourceTexts,
    translations: { tags, files: translationFiles },
  })
  return { ...result, files: timelines.map((t) => t.file) }
}
