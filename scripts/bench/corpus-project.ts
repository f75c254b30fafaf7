/**
 * @module scripts/bench/corpus-project
 * One wrangler project per corpus size, built as deployed: a copy of src/ whose generated data
 * comes from that corpus (`build-data --assets`: a small bundled manifest, and per-timeline files
 * in Workers Static Assets; `build-cards`: each timeline's card PNG there), a wrangler.toml with `[assets]` and without `[build]` (so wrangler
 * bundles exactly this data), then `wrangler deploy --dry-run`. Also counts the assets against
 * the platform's limits, which a dry run does not check.
 */
import { execFile } from 'node:child_process'
import { cp, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { measureOutdir, ROOT, wrangler } from './bundle.ts'
import type { Bundle } from './bundle.ts'

const run = promisify(execFile)

/** Workers Static Assets limits: files per version (Free plan; Paid allows 100,000), bytes per file. */
export const ASSET_FILE_LIMIT = 20_000
export const ASSET_BYTES_LIMIT = 25 * 2 ** 20

/** Where the project keeps its assets, and the binding the Worker reads them through. */
const ASSETS_DIR = 'build/assets'
const ASSETS_BLOCK = `[assets]\ndirectory = "${ASSETS_DIR}"\nbinding = "ASSETS"\nrun_worker_first = true\n`

export interface AssetStats {
  files: number
  bytes: number
  largest: { path: string; bytes: number }
}

export interface CorpusProject extends Bundle {
  /** The project's assets directory. */
  assetsDir: string
  assets: AssetStats
  /** Asset files `wrangler deploy --dry-run` read (it succeeded, or this would have thrown). */
  dryRunAssetFiles: number
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
 * The repository's wrangler.toml for a benchmark copy: no `[build]` (the data is compiled
 * already, from the corpus rather than data/), and the `[assets]` block the data tier reads.
 * @example corpusWranglerToml(await readFile('wrangler.toml', 'utf8'))
 */
export const corpusWranglerToml = (config: string): string =>
  config
    .replace(/\n\[build\][\s\S]*?(?=\n\[|$)/, '\n')
    .replace(/\n\[assets\][\s\S]*?(?=\n\[|$)/, '\n')
    .trimEnd() + `\n\n${ASSETS_BLOCK}`

/**
 * Builds the wrangler project of a corpus in `dir` and dry-runs its deploy. Call after
 * `npm run build` (or `buildShippedBundle`), whose generated client and page modules the copy
 * keeps as they are.
 * @example const p = await buildCorpusProject('/tmp/bench/project-1000', corpus.dir)
 */
export const buildCorpusProject = async (dir: string, dataDir: string): Promise<CorpusProject> => {
  await mkdir(dir, { recursive: true })
  await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true })
  await cp(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules')).catch(() => {})
  const assetsDir = join(dir, ASSETS_DIR)
  // The build's data and card steps, from the corpus into this project (build.ts does the same
  // for data/); the client step's output came with the copy of src/.
  const node = (script: string, args: string[]) =>
    run(process.execPath, [join(ROOT, 'scripts', script), ...args], { maxBuffer: 16 * 2 ** 20 })
  const manifest = join(dir, 'src/generated/manifest.ts')
  await node('build-data.ts', ['--data', dataDir, '--out', manifest, '--assets', assetsDir])
  await node('build-cards.ts', ['--assets', assetsDir])
  const config = await readFile(join(ROOT, 'wrangler.toml'), 'utf8')
  await writeFile(join(dir, 'wrangler.toml'), corpusWranglerToml(config))
  const outdir = join(dir, 'out')
  const log = await wrangler(dir, ['deploy', '--dry-run', '--outdir', outdir])
  const read = /Read (\d+) files? from the assets directory/.exec(log)
  if (!read) throw new Error(`wrangler deploy --dry-run read no assets in ${dir}:\n${log}`)
  return {
    ...(await measureOutdir(outdir)),
    projectDir: dir,
    assetsDir,
    assets: await assetStats(assetsDir),
    dryRunAssetFiles: Number(read[1]),
  }
}
