/**
 * @module scripts/bench/bundle
 * Production bundles for the benchmark, built the way they are deployed (`wrangler deploy
 * --dry-run`, minified): the repository as it is, and copies of it built from another data
 * directory (their own manifest and assets). Also measures bundle size, raw and gzip.
 */
import { execFile } from 'node:child_process'
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'

const run = promisify(execFile)

export const ROOT = new URL('../../', import.meta.url).pathname
export const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
/**
 * Quiet, offline, non-interactive wrangler: no metrics, and no fetch of the `Request.cf`
 * placeholder from workers.cloudflare.com, which fails with a stack trace on a machine offline.
 */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: '1',
  NO_COLOR: '1',
}

/** The Worker's compatibility date, from wrangler.toml, so every benchmarked Worker runs alike. */
export const compatibilityDate = async (): Promise<string> => {
  const config = await readFile(join(ROOT, 'wrangler.toml'), 'utf8')
  return /^compatibility_date\s*=\s*"([^"]+)"/m.exec(config)?.[1] ?? '2026-11-01'
}

export interface Bundle {
  /** The bundled Worker (ES module). */
  scriptPath: string
  /** A wrangler project dir that builds this bundle (for `wrangler check startup`). */
  projectDir: string
  /** Its Workers Static Assets directory: the compiled data the Worker reads as `ASSETS`. */
  assetsDir?: string
  /** Bytes of the JavaScript wrangler would upload. */
  rawBytes: number
  gzipBytes: number
}

/**
 * Runs wrangler (Node 22, the same wrangler as `npm run deploy`) in `cwd`.
 * @example await wrangler(ROOT, ['deploy', '--dry-run', '--outdir', '/tmp/out'])
 */
export const wrangler = async (cwd: string, args: string[]) => {
  const { stdout, stderr } = await run(process.execPath, [WRANGLER, ...args], {
    cwd,
    env: WRANGLER_ENV,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout + stderr
}

/** Raw and gzip bytes of the JavaScript files in a wrangler outdir (source maps are not uploaded). */
export const measureOutdir = async (outdir: string) => {
  let rawBytes = 0
  let gzipBytes = 0
  let scriptPath = ''
  for (const name of (await readdir(outdir)).sort()) {
    if (!/\.m?js$/.test(name)) continue
    const bytes = await readFile(join(outdir, name))
    if (name === 'index.js') scriptPath = join(outdir, name)
    rawBytes += bytes.length
    gzipBytes += gzipSync(bytes).length
  }
  if (!scriptPath) throw new Error(`no index.js in ${outdir}`)
  return { scriptPath, rawBytes, gzipBytes }
}

/**
 * Builds the repository's Worker as deployed (wrangler's [build] step compiles data/ first).
 * @example const shipped = await buildShippedBundle('/tmp/bench/shipped')
 */
export const buildShippedBundle = async (outdir: string): Promise<Bundle> => {
  await wrangler(ROOT, ['deploy', '--dry-run', '--outdir', outdir])
  return { ...(await measureOutdir(outdir)), projectDir: ROOT, assetsDir: ASSETS_DIR(ROOT) }
}

/** Where a wrangler project of this repository keeps its assets (wrangler.toml `[assets]`). */
const ASSETS_DIR = (projectDir: string) => join(projectDir, 'build/assets')

/**
 * Copies the Worker's source into `dir`, compiles `dataDir` into the copy's own manifest and
 * assets (scripts/build-data.ts) and builds it as deployed. Call after `buildShippedBundle`,
 * whose [build] step writes the generated client modules. The copy has no [build] step, so
 * wrangler bundles exactly this manifest. Cards are rendered only with `cards` (the corpus
 * benchmark counts every file a deploy uploads; a minute and a half for 1,000 timelines).
 * @example const big = await buildVariantBundle('/tmp/bench/v10000', '/tmp/bench/data-10000')
 */
export const buildVariantBundle = async (
  dir: string,
  dataDir: string,
  options: { cards?: boolean } = {},
): Promise<Bundle> => {
  await mkdir(dir, { recursive: true })
  // The other generated modules (client and page assets) come along as the shipped build left them.
  await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true })
  await run(process.execPath, [
    join(ROOT, 'scripts/build-data.ts'),
    ...['--data', dataDir, '--out', join(dir, 'src/generated/manifest.ts')],
    ...['--assets', ASSETS_DIR(dir)],
  ])
  if (options.cards) {
    await run(process.execPath, [join(ROOT, 'scripts/build-cards.ts'), '--assets', ASSETS_DIR(dir)])
  }
  await cp(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules')).catch(() => {})
  const config = await readFile(join(ROOT, 'wrangler.toml'), 'utf8')
  await writeFile(join(dir, 'wrangler.toml'), config.replace(/\n\[build\][\s\S]*?(?=\n\[|$)/, '\n'))
  const outdir = join(dir, 'out')
  await wrangler(dir, ['deploy', '--dry-run', '--outdir', outdir])
  return { ...(await measureOutdir(outdir)), projectDir: dir, assetsDir: ASSETS_DIR(dir) }
}

/**
 * A wrangler project around an already generated script (the baseline), for start-up profiling.
 * @example await scriptProject('/tmp/bench/baseline', source)
 */
export const scriptProject = async (dir: string, source: string): Promise<Bundle> => {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'index.js'), source)
  await writeFile(
    join(dir, 'wrangler.toml'),
    `name = "dateline-bench-baseline"\nmain = "index.js"\n` +
      `compatibility_date = "${await compatibilityDate()}"\nminify = true\n`,
  )
  const outdir = join(dir, 'out')
  await wrangler(dir, ['deploy', '--dry-run', '--outdir', outdir])
  return { ...(await measureOutdir(outdir)), projectDir: dir }
}
