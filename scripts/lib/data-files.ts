/**
 * @module scripts/lib/data-files
 * Reads a data directory from disk (Node only) and runs the validator over it. Shared by the build,
 * `npm run validate`, the tests and the benchmark, so all of them apply the same rules.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { validateDataset } from '../../src/model/validate.ts'
import type { DataFile, ValidationIssue } from '../../src/model/validate.ts'

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
 * What every timeline is checked against: `actors.json`, `places.json`, `sources/*.txt`, and the
 * translations (`tags.json`, `translations/{lang}/*.json`).
 * @example const { actors, places, sourceTexts, tags, translationFiles } = await loadSharedFiles('data')
 */
export const loadSharedFiles = async (dataDir: string = DEFAULT_DATA_DIR) => {
  const sourceNames = (await readdir(join(dataDir, 'sources')).catch(() => [] as string[])).sort()
  const sourceTexts = new Map<string, string>()
  for (const name of sourceNames) {
    sourceTexts.set(`sources/${name}`, await readFile(join(dataDir, 'sources', name), 'utf8'))
  }
  const actors = await readJson(join(dataDir, 'actors.json'), dataDir)
  const places = await readJson(join(dataDir, 'places.json'), dataDir)
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
  return { actors, places, sourceTexts, tags, translationFiles }
}

const parseIssuesOf = (files: DataFile[]): ValidationIssue[] =>
  files.flatMap(({ file, content }) => {
    const error = (content as { $parseError?: string }).$parseError
    return error ? [{ file, field: '(file)', message: `not valid JSON: ${error}` }] : []
  })

/**
 * Validates timeline files (paths) against a data directory's shared files, as if they were in it.
 * @example const { issues } = await validateFiles(['data/timelines/new.json'], 'data')
 */
export const validateFiles = async (
  paths: string[],
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<ReturnType<typeof validateDataset>> => {
  const { actors, places, sourceTexts } = await loadSharedFiles(dataDir)
  const timelines = await Promise.all(paths.map((path) => readJson(path, dataDir)))
  const parseIssues = parseIssuesOf([actors, places, ...timelines])
  if (parseIssues.length) return { issues: parseIssues, drafts: [] }
  // Translations are checked with the data directory as a whole (loadDataDir), not per file.
  return validateDataset({ actors, places, timelines, sourceTexts })
}

/**
 * Loads the shared files and `timelines/*.json` and validates them, translations included.
 * Drafts come back apart from the dataset, with what is left to review in each.
 * @example const { dataset, issues, drafts } = await loadDataDir('data')
 */
export const loadDataDir = async (
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<ReturnType<typeof validateDataset> & { files: string[] }> => {
  const timelineDir = join(dataDir, 'timelines')
  const timelineNames = (await readdir(timelineDir)).filter((n) => n.endsWith('.json')).sort()
  const { actors, places, sourceTexts, tags, translationFiles } = await loadSharedFiles(dataDir)
  const timelines = await Promise.all(
    timelineNames.map((name) => readJson(join(timelineDir, name), dataDir)),
  )
  const files = timelines.map((t) => t.file)
  const parseIssues = parseIssuesOf([actors, places, tags, ...timelines, ...translationFiles])
  if (parseIssues.length) return { issues: parseIssues, drafts: [], files }
  const translations = { tags, files: translationFiles }
  return { ...validateDataset({ actors, places, timelines, sourceTexts, translations }), files }
}
