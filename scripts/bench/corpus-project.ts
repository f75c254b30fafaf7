/**
 * @module scripts/bench/corpus-project
 * One wrangler project per corpus size, built as deployed (bundle.ts `buildVariantBundle`: a copy
 * of src/ with that corpus's manifest, its per-timeline files and cards in Workers Static Assets,
 * `[assets]` and no `[build]`, then `wrangler deploy --dry-run`), and its assets counted against
 * the platform's limits.
 */
import { readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { buildVariantBundle } from './bundle.ts'
import type { Bundle } from './bundle.ts'

/** Workers Static Assets limits: files per version (Free plan; Paid allows 100,000), bytes per file. */
export const ASSET_FILE_LIMIT = 20_000
export const ASSET_BYTES_LIMIT = 25 * 2 ** 20

export interface AssetStats {
  files: number
  bytes: number
  largest: { path: string; bytes: number }
}

export interface CorpusProject extends Bundle {
  assetsDir: string
  assets: AssetStats
}

/**
 * Files, total bytes and the largest file of an assets directory.
 * @example const { files, largest } = await assetStats('/tmp/p/build/assets')
 */
export const assetStats = async (dir: string): Promise<AssetStats> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const stats: AssetStats = { files: 0, bytes: 0, largest: { path: '', bytes: 0 } }
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const { size } = await stat(path)
    stats.files++
    stats.bytes += size
    if (size > stats.largest.bytes) stats.largest = { path: relative(dir, path), bytes: size }
  }
  return stats
}

/**
 * Builds and dry-runs the wrangler project of the corpus in `dataDir` (it throws if the dry run
 * fails), cards included, and counts its assets.
 * @example const p = await buildCorpusProject('/tmp/bench/project-1000', corpus.dir)
 */
export const buildCorpusProject = async (dir: string, dataDir: string): Promise<CorpusProject> => {
  const bundle = await buildVariantBundle(dir, dataDir, { cards: true })
  const assetsDir = bundle.assetsDir!
  return { ...bundle, assetsDir, assets: await assetStats(assetsDir) }
}
