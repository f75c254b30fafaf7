/**
 * @module scripts/bench/runtime
 * Serves bundled Workers inside workerd through Miniflare's programmatic API: all of them in one
 * workerd, each on its own direct socket (random port), so requests reach the Worker without
 * Miniflare's routing worker in between, for Dateline and baseline alike.
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'

export interface WorkerSource {
  name: string
  /** ES module source of the Worker. */
  source: string
  /**
   * Its Workers Static Assets directory (Dateline's compiled data), bound as `ASSETS` with the
   * Worker run first, as wrangler.toml's `[assets]` says; a baseline gets an empty one
   * ({@link deployedLike}).
   */
  assetsDir?: string
}

export interface Runtime {
  /** Origin of each Worker's direct socket, by name. */
  urls: Map<string, URL>
  /** Milliseconds from `new Miniflare()` to ready (workerd spawn + every Worker's start-up). */
  readyMs: number
  /** The workerd inspector (only with `inspect`), for CPU profiles. */
  inspectorUrl?: URL
  dispose: () => Promise<void>
}

/**
 * A Worker source from a bundle file.
 * @example await workerFromFile('app', '/tmp/bench/out/index.js')
 */
export const workerFromFile = async (
  name: string,
  scriptPath: string,
  assetsDir?: string,
): Promise<WorkerSource> => ({
  name,
  source: await readFile(scriptPath, 'utf8'),
  ...(assetsDir ? { assetsDir } : {}),
})

let emptyAssets: Promise<string> | undefined

/**
 * `baseline`, deployed the way `app` is. With `[assets]` and `run_worker_first`, every request
 * passes the platform's asset router before the Worker; in workerd that router is a JavaScript
 * worker in the same process, costing more per request than a cached Dateline answer (it halved
 * the ratio of the cached full list: see the README, "Targets"). A floor without it would
 * measure the platform's routing, not Dateline's code, so the floor gets the same router in
 * front, over an empty assets directory. Production bills neither router's CPU to the Worker.
 * @example startRuntime([app, await deployedLike(app, { name: 'base', source })], compat)
 */
export const deployedLike = async (
  app: WorkerSource,
  baseline: WorkerSource,
): Promise<WorkerSource> => {
  // BENCH_BARE_FLOOR=1 measures against the floor without the router: what the router costs.
  if (!app.assetsDir || process.env.BENCH_BARE_FLOOR === '1') return baseline
  emptyAssets ??= mkdtemp(join(tmpdir(), 'dateline-empty-assets-'))
  return { ...baseline, assetsDir: await emptyAssets }
}

/**
 * Starts one workerd running every Worker on its own random port.
 * @example const rt = await startRuntime([app, baseline], '2026-11-01'); rt.urls.get('app')
 */
export const startRuntime = async (
  workers: readonly WorkerSource[],
  compatibilityDate: string,
  options: { inspect?: boolean } = {},
): Promise<Runtime> => {
  const started = performance.now()
  const mf = new Miniflare({
    logRequests: false,
    // The inspector slows nothing until a profile starts, but only profiling runs ask for it.
    ...(options.inspect ? { inspectorPort: 0 } : {}),
    workers: workers.map(({ name, source, assetsDir }) => ({
      config: {
        name,
        compatibilityDate,
        manifest: {
          mainModule: 'index.js',
          modules: { 'index.js': { type: 'esm', contents: source } },
        },
        ...(assetsDir
          ? {
              env: { ASSETS: { type: 'assets' as const } },
              assets: { directory: assetsDir, hasUserWorker: true, runWorkerFirst: true },
            }
          : {}),
      },
      dev: { unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
    })),
  })
  await mf.ready
  const readyMs = performance.now() - started
  const urls = new Map<string, URL>()
  for (const { name } of workers) urls.set(name, await mf.unsafeGetDirectURL(name))
  const inspectorUrl = options.inspect ? await mf.getInspectorURL() : undefined
  return { urls, readyMs, inspectorUrl, dispose: () => mf.dispose() }
}
