/**
 * @module scripts/bench/corpus-bench
 * How cost grows with the corpus (issue 13): for corpora of 1, 10, 100 and 1,000 timelines, the
 * project built and dry-run deployed, its start-up CPU, its isolate's heap and first requests,
 * and the cold-query and full-list throughput against the constant-bytes baseline, with the CPU
 * time workerd spent per request. `npm run bench -- --corpus` runs it alone.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './bundle.ts'
import { SHIPPED_EVENT_COUNT, writeCorpus } from './corpus.ts'
import { buildCorpusProject } from './corpus-project.ts'
import type { CorpusProject } from './corpus-project.ts'
import { probeTier, processCpuMs } from './corpus-measure.ts'
import { withPid } from './memory.ts'
import type { TierProbe } from './corpus-measure.ts'
import { compare } from './load.ts'
import type { Comparison, CompareOptions } from './load.ts'
import { prepareVariant, SHIPPED_TARGET } from './prepare.ts'
import { deployedLike, startRuntime, workerFromFile } from './runtime.ts'
import { measureStartup } from './startup.ts'
import type { StartupResult } from './startup.ts'
import { cycle } from './workload.ts'
import { FILES } from '../../src/data/files.ts'

const run = promisify(execFile)

export const CORPUS_SIZES = [1, 10, 100, 1_000] as const

export interface CorpusRow {
  timelines: number
  events: number
  project: CorpusProject
  startup: StartupResult
  probe: TierProbe
  /** `/events?limit=500` of the shipped timeline, against its replayed bytes. */
  list: Comparison
  /** The cold stream (workload.ts) on the shipped timeline, against the baseline. */
  cold: Comparison
  coldDistinct: number
}

export interface CorpusOptions {
  sizes: readonly number[]
  /** `wrangler check startup` runs per size (the least is kept). */
  startupRuns: number
  load: CompareOptions
  log: (message: string) => void
}

/** Rounds are the slow part on a busy 2-core machine; a corpus of 1,000 gets one fewer. */
const loadFor = (size: number, load: CompareOptions): CompareOptions =>
  size >= 1_000 ? { ...load, rounds: Math.max(1, load.rounds - 1) } : load

/**
 * Builds and measures one corpus size in `tmp`.
 * @example const row = await measureCorpus(tmp, '2026-11-01', 100, options)
 */
export const measureCorpus = async (
  tmp: string,
  compat: string,
  size: number,
  options: CorpusOptions,
): Promise<CorpusRow> => {
  const { log } = options
  log(`corpus ${size}: writing ${size} timeline(s), building and dry-running the project`)
  const corpus = await writeCorpus(join(tmp, `corpus-${size}`), size)
  const project = await buildCorpusProject(join(tmp, `project-${size}`), corpus.dir)
  log(`corpus ${size}: ${project.assets.files} asset files; start-up (${options.startupRuns} runs)`)
  const startup = await measureStartup(project.projectDir, options.startupRuns)
  const app = { ...(await workerFromFile('app', project.scriptPath)), assetsDir: project.assetsDir }
  log(`corpus ${size}: heap and first requests`)
  const probe = await probeTier(app, compat, corpus.timelineIds, FILES.timeline)

  log(`corpus ${size}: capturing responses for the baseline`)
  const capturing = await startRuntime([app], compat)
  const prepared = await prepareVariant(capturing.urls.get('app')!, {
    key: 'app',
    label: `${size} timeline(s)`,
    events: size * SHIPPED_EVENT_COUNT,
    bundle: project,
    target: SHIPPED_TARGET,
  }).finally(capturing.dispose)
  const list = prepared.routes.find((r) => r.key === 'list')
  if (!list) throw new Error(`corpus ${size}: the event list did not answer 200`)

  const base = await deployedLike(app, { name: 'base', source: prepared.baselineSource })
  const { runtime, pid } = await withPid(() => startRuntime([app, base], compat))
  try {
    const appUrl = runtime.urls.get('app')!
    const baseUrl = runtime.urls.get('base')!
    const load = { ...loadFor(size, options.load), cpuMs: () => processCpuMs(pid) }
    log(`corpus ${size}: full list`)
    const listComparison = await compare(appUrl, baseUrl, list.path, load)
    log(`corpus ${size}: cold queries (${prepared.cold.length} distinct, cycled)`)
    const cold = await compare(appUrl, baseUrl, cycle(prepared.cold), load)
    return {
      timelines: size,
      events: size * SHIPPED_EVENT_COUNT,
      project,
      startup,
      probe,
      list: listComparison,
      cold,
      coldDistinct: prepared.cold.length,
    }
  } finally {
    await runtime.dispose()
  }
}

/**
 * Every corpus size in turn (one at a time: the machine has two cores).
 * @example const rows = await runCorpusBench(tmp, compat, options)
 */
export const runCorpusBench = async (
  tmp: string,
  compat: string,
  options: CorpusOptions,
): Promise<CorpusRow[]> => {
  // The generated client and page modules every corpus project copies, fresh from this tree.
  options.log('building the repository (data, client, cards)')
  await run(process.execPath, [join(ROOT, 'scripts/build.ts')])
  const rows: CorpusRow[] = []
  for (const size of options.sizes) rows.push(await measureCorpus(tmp, compat, size, options))
  return rows
}
