/**
 * @module scripts/bench
 * `npm run bench`: Dateline against the physical floor of its runtime, a Worker that replays
 * Dateline's own response bytes from constants. Builds the production bundle (and bundles with
 * 1,000 and 10,000 synthetic events), serves them and their baselines in one workerd, drives
 * them with autocannon in interleaved rounds, and prints Markdown tables of same-run ratios,
 * bundle sizes, start-up CPU, the embed page's weight, the embed beside TimelineJS3 and a trivial
 * page on a slow phone, a CPU profile of the slowest path, and how cost grows with the corpus
 * (1 to 1,000 timelines: scripts/bench/corpus-bench.ts).
 *
 * Usage: node scripts/bench.ts [--quick] [--memory] [--phone] [--corpus] [--json FILE]
 * (`--memory`: only the memory probe, about a minute; `--phone`: only the slow-phone comparison,
 * about four minutes; `--corpus`: only the corpus sizes, 1 to 1,000 timelines, about
 * five minutes.)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { compatibilityDate, scriptProject } from './bench/bundle.ts'
import { CORPUS_SIZES, runCorpusBench } from './bench/corpus-bench.ts'
import { CORPUS_TARGETS, corpusTable } from './bench/corpus-report.ts'
import { embedWeight } from './bench/embed-weight.ts'
import { CONNECTIONS, compare, measure } from './bench/load.ts'
import { prepareVariant, shippedVariant, syntheticVariant } from './bench/prepare.ts'
import type { PreparedVariant, Variant } from './bench/prepare.ts'
import { breakdown, profileWhile, sourceMapOf } from './bench/profile.ts'
import {
  embedTable,
  memoryTable,
  phoneTable,
  profileTable,
  routeTable,
  sizeTable,
} from './bench/report.ts'
import { measureMemory } from './bench/memory.ts'
import { measurePhone } from './bench/phone.ts'
import { SHIPPED_TARGET } from './bench/prepare.ts'
import type { RouteRow, SizeRow } from './bench/report.ts'
import { deployedLike, startRuntime, workerFromFile, type WorkerSource } from './bench/runtime.ts'
import { measureStartup } from './bench/startup.ts'
import { cycle } from './bench/workload.ts'
import { RESPONSE_BUDGET_BYTES } from '../src/http/cache.ts'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    phone: { type: 'boolean', default: false },
    corpus: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
})

/** Full: ~6–8 minutes on 2 cores. Quick: a ~1-minute smoke run of the same pipeline. */
const PROFILE = values.quick
  ? {
      sizes: [1_000],
      rounds: 1,
      duration: 1,
      scaleDuration: 1,
      warmup: 0.5,
      startupRuns: 1,
      scaleStartupRuns: 1,
      profile: false,
      phoneRuns: 1,
      corpusSizes: [1, 10],
      corpusStartupRuns: 1,
      corpusLoad: { rounds: 1, duration: 1, warmup: 0.5 },
    }
  : {
      sizes: [1_000, 10_000],
      rounds: 3,
      duration: 3,
      scaleDuration: 2,
      warmup: 1,
      startupRuns: 5,
      scaleStartupRuns: 3,
      profile: true,
      phoneRuns: 5,
      corpusSizes: CORPUS_SIZES,
      corpusStartupRuns: 3,
      corpusLoad: { rounds: 3, duration: 2, warmup: 1 },
    }

/** Issue 13: a stream of distinct queries, each a miss, at half the floor's throughput or more. */

/** Above this many ms per request (once cached), a route is measured as a heavy route. */
const HEAVY_MS = 250
const HEAVY_MAX_S = 15

/** Distinct large queries of the memory probe, and the growth of workerd's RSS they may cause. */
const MEMORY_QUERIES = Number(process.env.MEMORY_QUERIES ?? 4_200)
const MEMORY_MAX_GROWTH_MB = 48

const log = (message: string) => console.error(`[bench] ${message}`)
const started = performance.now()
const tmp = await mkdtemp(join(tmpdir(), 'dateline-bench-'))
const compat = await compatibilityDate()

const memoryProbe = async (app: WorkerSource) => {
  log(`memory: ${MEMORY_QUERIES} distinct large queries against the production bundle`)
  const result = await measureMemory(
    { ...app, name: 'app' },
    compat,
    SHIPPED_TARGET.timelineId,
    MEMORY_QUERIES,
  )
  return memoryTable(result, MEMORY_MAX_GROWTH_MB)
}

/** The slow-phone comparison against a running Dateline, as a Markdown section body. */
const phoneProbe = async (origin: URL, runs: number) => {
  log(`phone: embed, TimelineJS3 and a trivial page, ${runs} interleaved load(s) each`)
  const result = await measurePhone(origin, SHIPPED_TARGET.timelineId, { runs })
  return { result, table: phoneTable(result) }
}

if (values.phone) {
  try {
    const shipped = await shippedVariant(tmp)
    const app = await workerFromFile('app', shipped.bundle.scriptPath, shipped.bundle.assetsDir)
    const runtime = await startRuntime([app], compat)
    try {
      const { result, table } = await phoneProbe(runtime.urls.get('app')!, values.quick ? 1 : 5)
      console.log(table)
      if (values.json) await writeFile(values.json, JSON.stringify({ phone: result }, null, 2))
    } finally {
      await runtime.dispose()
    }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  process.exit(0)
}

/** The corpus sizes (issue 13), as a Markdown section body. */
const corpusProbe = async () => {
  const rows = await runCorpusBench(tmp, compat, {
    sizes: PROFILE.corpusSizes,
    startupRuns: PROFILE.corpusStartupRuns,
    load: PROFILE.corpusLoad,
    log,
  })
  return { rows, table: corpusTable(rows) }
}

if (values.corpus) {
  try {
    const { rows, table } = await corpusProbe()
    console.log(table)
    if (values.json) await writeFile(values.json, JSON.stringify({ corpus: rows }, null, 2))
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  process.exit(0)
}

if (values.memory) {
  try {
    const shipped = await shippedVariant(tmp)
    console.log(
      await memoryProbe(
        await workerFromFile('app', shipped.bundle.scriptPath, shipped.bundle.assetsDir),
      ),
    )
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  process.exit(0)
}

try {
  log(`building the production bundle and ${PROFILE.sizes.join(', ')}-event variants in ${tmp}`)
  const variants: Variant[] = [await shippedVariant(tmp)]
  for (const size of PROFILE.sizes) variants.push(await syntheticVariant(tmp, size))

  log('capturing responses for the baselines')
  const apps = await Promise.all(
    variants.map((v) => workerFromFile(v.key, v.bundle.scriptPath, v.bundle.assetsDir)),
  )
  const probe = await startRuntime(apps, compat)
  const prepared: PreparedVariant[] = []
  let embed: Awaited<ReturnType<typeof embedWeight>> | undefined
  let embedNote: string | undefined
  let phone: Awaited<ReturnType<typeof phoneProbe>> | undefined
  try {
    for (const v of variants) prepared.push(await prepareVariant(probe.urls.get(v.key)!, v))
    const shipped = prepared[0]!
    const shippedUrl = probe.urls.get(shipped.key)!
    const embedRoute = shipped.routes.find((r) => r.key === 'embed')
    if (embedRoute) embed = await embedWeight(new URL(embedRoute.path, shippedUrl))
    else embedNote = shipped.skipped.find((r) => r.key === 'embed')?.reason
    // Before the load runs, while nothing else keeps the cores busy.
    phone = await phoneProbe(shippedUrl, PROFILE.phoneRuns)
  } finally {
    await probe.dispose()
  }

  const workers = (
    await Promise.all(
      prepared.map(async (p) => {
        const app = apps.find((a) => a.name === p.key)!
        return [app, await deployedLike(app, { name: `base-${p.key}`, source: p.baselineSource })]
      }),
    )
  ).flat()
  const runtime = await startRuntime(workers, compat)
  const rows: RouteRow[] = []
  const coldCursors = new Map<string, () => string>()
  try {
    for (const p of prepared) {
      const app = runtime.urls.get(p.key)!
      const base = runtime.urls.get(`base-${p.key}`)!
      const duration = p.events === 28 ? PROFILE.duration : PROFILE.scaleDuration
      const options = { rounds: PROFILE.rounds, duration, warmup: PROFILE.warmup }
      for (const route of p.routes) {
        const probeMs = route.probeMs ?? 0
        // A route that takes long per request gets one connection and one long-enough round,
        // so the run still completes several requests within the time budget.
        const heavy = probeMs > HEAVY_MS
        log(
          `${p.label}: ${route.label}${heavy ? ` (heavy: ${Math.round(probeMs)} ms/request)` : ''}`,
        )
        const heavyOptions = {
          rounds: 1,
          duration: Math.min(HEAVY_MAX_S, Math.max(duration, Math.ceil((probeMs * 4) / 1000))),
          warmup: 0,
          connections: 1,
        }
        rows.push({
          dataset: p.label,
          route: heavy
            ? `${route.label} (heavy, ${Math.round(probeMs)} ms/request: 1 connection, 1 round)`
            : route.label,
          target: route.target,
          comparison: await compare(app, base, route.path, heavy ? heavyOptions : options),
        })
      }
      for (const s of p.skipped) rows.push({ dataset: p.label, route: s.label, skipped: s.reason })
      log(`${p.label}: cold queries (${p.cold.length} distinct, cycled)`)
      const next = cycle(p.cold)
      coldCursors.set(p.key, next)
      rows.push({
        dataset: p.label,
        route:
          `Cold queries (${p.cold.length} distinct q/actor/from/limit/sort, ` +
          `≥ ${(p.coldBytes / 2 ** 20).toFixed(0)} MB against a ${RESPONSE_BUDGET_BYTES / 2 ** 20} MB response cache)`,
        target: CORPUS_TARGETS.cold,
        comparison: await compare(app, base, next, options),
      })
    }
  } finally {
    await runtime.dispose()
  }

  const memory = await memoryProbe(apps[0]!)
  const corpus = await corpusProbe()

  const profiles: string[] = []
  if (PROFILE.profile) {
    log('profiling inside workerd')
    const shipped = prepared[0]!
    const largest = prepared[prepared.length - 1]!
    const profiled = await startRuntime([apps[0]!, apps[apps.length - 1]!], compat, {
      inspect: true,
    })
    try {
      const targets = [
        {
          p: shipped,
          title: `${shipped.label}, cached single event`,
          path: shipped.routes.find((r) => r.key === 'event')!.path as string | (() => string),
        },
        {
          p: shipped,
          title: `${shipped.label}, cached filtered query`,
          path: shipped.routes.find((r) => r.key === 'filtered')!.path,
        },
        { p: shipped, title: `${shipped.label}, cold queries`, path: cycle(shipped.cold) },
        { p: largest, title: `${largest.label}, cold queries`, path: cycle(largest.cold) },
      ]
      for (const t of targets) {
        const url = profiled.urls.get(t.p.key)!
        const profile = await profileWhile(profiled.inspectorUrl!, t.p.key, () =>
          measure(url, t.path, { duration: 2 }),
        )
        profiles.push(
          profileTable(t.title, breakdown(profile, await sourceMapOf(t.p.bundle.scriptPath))),
        )
      }
    } finally {
      await profiled.dispose()
    }
  }

  log('start-up profiles (wrangler check startup)')
  const sizes: SizeRow[] = []
  for (const p of prepared) {
    const runs = p.events === 28 ? PROFILE.startupRuns : PROFILE.scaleStartupRuns
    const startup = await measureStartup(p.bundle.projectDir, runs)
    const alone = await startRuntime([apps.find((a) => a.name === p.key)!], compat)
    await alone.dispose()
    sizes.push({
      dataset: p.label,
      rawBytes: p.bundle.rawBytes,
      gzipBytes: p.bundle.gzipBytes,
      startupMs: startup.minMs,
      startupRuns: startup.runs,
      readyMs: alone.readyMs,
    })
  }
  const baselineProject = await scriptProject(join(tmp, 'baseline'), prepared[0]!.baselineSource)
  const baselineStartup = await measureStartup(baselineProject.projectDir, PROFILE.startupRuns)
  const baselineAlone = await startRuntime(
    [await deployedLike(apps[0]!, { name: 'base', source: prepared[0]!.baselineSource })],
    compat,
  )
  await baselineAlone.dispose()
  sizes.push({
    dataset: 'baseline for shipped (precomputed bytes)',
    rawBytes: baselineProject.rawBytes,
    gzipBytes: baselineProject.gzipBytes,
    startupMs: baselineStartup.minMs,
    startupRuns: baselineStartup.runs,
    readyMs: baselineAlone.readyMs,
  })

  const minutes = ((performance.now() - started) / 60_000).toFixed(1)
  const report = [
    `### Throughput and latency (${PROFILE.rounds} interleaved round(s) of ${PROFILE.duration} s / ${PROFILE.scaleDuration} s for synthetic data, ${CONNECTIONS} connections)`,
    '',
    routeTable(rows),
    '',
    '### Bundle and start-up',
    '',
    sizeTable(sizes),
    '',
    `### Memory under distinct large queries (production bundle, workerd RSS, cache budget 16 MB)`,
    '',
    memory,
    '',
    `### Cost as the corpus grows (${PROFILE.corpusSizes.map((n) => n.toLocaleString('en')).join(', ')} timelines; ${PROFILE.corpusLoad.rounds} round(s) of ${PROFILE.corpusLoad.duration} s, one fewer at 1,000)`,
    '',
    corpus.table,
    '',
    '### Embed page weight',
    '',
    embedTable(embed, embedNote),
    '',
    `### On a slow phone: the embed beside TimelineJS3 and a trivial page`,
    '',
    phone?.table ?? 'Not measured.',
    ...(profiles.length
      ? [
          '',
          '### Where the time goes (workerd CPU profile, 2 s of load each)',
          '',
          profiles.join('\n\n'),
        ]
      : []),
    '',
    `_${values.quick ? 'Quick run' : 'Full run'}: ${minutes} min, ${new Date().toISOString().slice(0, 10)}._`,
  ].join('\n')
  console.log(report)
  if (values.json) {
    await writeFile(
      values.json,
      JSON.stringify(
        { rows, sizes, embed, phone: phone?.result, profiles, corpus: corpus.rows },
        null,
        2,
      ),
    )
  }
} finally {
  await rm(tmp, { recursive: true, force: true })
}
