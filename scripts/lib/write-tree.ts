/**
 * @module scripts/lib/write-tree
 * Writes a tree of generated files under one directory and removes the ones no longer produced.
 * Unchanged files are not rewritten, so `wrangler dev`'s asset watcher and a test pool serving the
 * directory see no churn, and a file in use is never briefly missing.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'

/**
 * Makes `dir` hold exactly `files` (relative path → contents).
 * @example await writeTree('build/assets/data', new Map([['landing.json', '{}']]))
 */
export const writeTree = async (dir: string, files: ReadonlyMap<string, string | Uint8Array>) => {
  let written = 0
  for (const [path, contents] of files) {
    const target = join(dir, path)
    const bytes = Buffer.from(contents)
    const previous = await readFile(target).catch(() => undefined)
    if (previous?.equals(bytes)) continue
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, bytes)
    written++
  }
  const existing = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  for (const entry of existing) {
    const path = relative(dir, join(entry.parentPath, entry.name))
    if (entry.isFile() && !files.has(path)) await rm(join(dir, path))
  }
  return { written, total: files.size }
}
