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
 * What every timeline is checked against: `actors.json`, `places.json` and `sources/*.txt`.
 * @example const { actors, places, sourceTexts } = await loadSharedFiles('data')
 */
export const loadSharedFiles = async (dataDir: string = DEFAULT_DATA_DIR) => {
  const sourceNames = (await readdir(join(dataDir, 'sources')).catch(() => [] as string[])).sort()
  const sourceTexts = new Map<string, string>()
  for (const name of sourceNames) {
    sourceTexts.set(`sources/${name}`, await readFile(join(dataDir, 'sources', name), 'utf8'))
  }
  const actors = await readJson(join(dataDir, 'actors.json'), dataDir)
  const places = await readJson(join(dataDir, 'places.json'), dataDir)
  return { actors, places, sourceTexts }
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
  return validateDataset({ actors, places, timelines, sourceTexts })
}

/**
 * Loads `actors.json`, `places.json`, `timelines/*.json` and `sources/*.txt` and validates them.
 * Drafts come back apart from the dataset, with what is left to review in each.
 * @example const { dataset, issues, drafts } = await loadDataDir('data')
 */
export const loadDataDir = async (
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<ReturnType<typeof validateDataset> & { files: string[] }> => {
  const timelineDir = join(dataDir, 'timelines')
  const timelineNames = (await readdir(timelineDir)).filter((n) => n.endsWith('.json')).sort()
  const { actors, places, sourceTexts } = await loadSharedFiles(dataDir)
  const timelines = await Promise.all(
    timelineNames.map((name) => readJson(join(timelineDir, name), dataDir)),
  )
  const files = timelines.map((t) => t.file)
  const parseIssues = parseIssuesOf([actors, places, ...timelines])
  if (parseIssues.length) return { issues: parseIssues, drafts: [], files }
  return { ...validateDataset({ actors, places, timelines, sourceTexts }), files }
}
