/**
 * @module scripts/bench/corpus-report
 * The corpus benchmark's results as Markdown (pasted as-is into the README): one row per corpus
 * size, the issue 13 targets checked, and the CPU cost per million requests the run implies.
 */
import type { CorpusRow } from './corpus-bench.ts'
import { ASSET_BYTES_LIMIT, ASSET_FILE_LIMIT } from './corpus-project.ts'
import { firstRequestMet, TOUCHED } from './corpus-measure.ts'
import { median } from './load.ts'
import type { Comparison } from './load.ts'

/** Issue 13's targets. */
export const CORPUS_TARGETS = {
  startupGrowth: 1.5,
  startupMs: 100,
  heapGrowth: 1.5,
  cold: 0.5,
} as const

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
const tick = (ok: boolean) => (ok ? '✓' : '✗')

/** Median workerd CPU microseconds per response over a comparison's runs (Dateline, baseline). */
const cpuMicros = (c: Comparison) => {
  const of = (runs: Comparison['app']) => {
    const values = runs.flatMap((r) =>
      r.cpuMsPerResponse === undefined ? [] : [r.cpuMsPerResponse],
    )
    return values.length ? median(values) * 1000 : NaN
  }
  return { app: of(c.app), base: of(c.base) }
}

/**
 * The per-size table, the targets, and the cost note.
 * @example console.log(corpusTable(rows))
 */
export const corpusTable = (rows: readonly CorpusRow[]): string => {
  const lines = [
    `| Timelines (events) | Asset files (largest) | Bundle gzip | Start-up CPU, least of runs (ms) | Heap at start-up | Heap after touching ${TOUCHED} | First request, not loaded (ms) | Same request, warm (ms) | One asset read (ms) | First ≤ 2× warm + read | Cold ratio (≥ ${CORPUS_TARGETS.cold}) | Full-list ratio | workerd CPU per cold request, Dateline / baseline (µs) | CPU-ms per million cold requests |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: | ---: |',
  ]
  for (const r of rows) {
    const p = r.probe
    const cpu = cpuMicros(r.cold)
    lines.push(
      `| ${r.timelines.toLocaleString('en')} (${r.events.toLocaleString('en')}) | ` +
        `${r.project.assets.files.toLocaleString('en')} (${(r.project.assets.largest.bytes / 1024).toFixed(1)} KB) | ` +
        `${(r.project.gzipBytes / 1024).toFixed(1)} KB | ` +
        `${fixed(r.startup.minMs, 1)} (${r.startup.runs.map((x) => fixed(x, 1)).join(', ')}) | ` +
        `${mb(p.heapStartBytes)} | ${mb(p.heapTouchedBytes)}${p.touched < TOUCHED ? ` (${p.touched} touched)` : ''} | ` +
        `${fixed(median(p.firstMs))} | ${fixed(median(p.warmMs))} | ${fixed(median(p.assetReadMs))} | ` +
        `${tick(firstRequestMet(p))} | **${fixed(r.cold.ratio.rps)}** | ${fixed(r.list.ratio.rps)} | ` +
        `${fixed(cpu.app, 0)} / ${fixed(cpu.base, 0)} | ${Number.isFinite(cpu.app) ? Math.round(cpu.app * 1000).toLocaleString('en') : 'n/a'} |`,
    )
  }
  return [lines.join('\n'), '', targetLines(rows), '', costNote(rows)].join('\n')
}

/** The targets of issue 13, each with its value and whether this run met it. */
const targetLines = (rows: readonly CorpusRow[]): string => {
  const one = rows.find((r) => r.timelines === 1)
  const largest = rows.reduce((a, b) => (b.timelines > a.timelines ? b : a))
  const lines = ['| Target | Value | Met |', '| --- | ---: | :---: |']
  if (one && largest !== one) {
    const growth = largest.startup.minMs / one.startup.minMs
    lines.push(
      `| Start-up at ${largest.timelines.toLocaleString('en')} timelines ≤ ${CORPUS_TARGETS.startupGrowth}× start-up at 1 | ${fixed(growth)}× | ${tick(growth <= CORPUS_TARGETS.startupGrowth)} |`,
    )
  }
  lines.push(
    `| Start-up at ${largest.timelines.toLocaleString('en')} timelines < ${CORPUS_TARGETS.startupMs} ms | ${fixed(largest.startup.minMs, 1)} ms | ${tick(largest.startup.minMs < CORPUS_TARGETS.startupMs)} |`,
  )
  // A corpus of one cannot touch ten timelines; the sizes that can are compared.
  const full = rows.filter((r) => r.probe.touched >= TOUCHED)
  if (full.length > 1) {
    const heaps = full.map((r) => r.probe.heapTouchedBytes)
    const spread = Math.max(...heaps) / Math.min(...heaps)
    lines.push(
      `| Heap after touching ${TOUCHED} timelines within ${CORPUS_TARGETS.heapGrowth}× across ${full.map((r) => r.timelines.toLocaleString('en')).join(', ')} timelines | ${fixed(spread)}× | ${tick(spread <= CORPUS_TARGETS.heapGrowth)} |`,
    )
  }
  for (const r of rows) {
    const p = r.probe
    const bound = 2 * median(p.warmMs) + median(p.assetReadMs)
    lines.push(
      `| ${r.timelines.toLocaleString('en')}: first request ≤ 2× warm + one asset read | ${fixed(median(p.firstMs))} ≤ ${fixed(bound)} ms | ${tick(firstRequestMet(p))} |`,
      `| ${r.timelines.toLocaleString('en')}: cold queries ≥ ${CORPUS_TARGETS.cold} of the baseline (${r.coldDistinct.toLocaleString('en')} distinct) | ${fixed(r.cold.ratio.rps)} | ${tick(r.cold.ratio.rps >= CORPUS_TARGETS.cold)} |`,
    )
  }
  const { files, largest: big } = largest.project.assets
  const fits = files <= ASSET_FILE_LIMIT && big.bytes < ASSET_BYTES_LIMIT
  lines.push(
    `| ${largest.timelines.toLocaleString('en')} timelines: \`wrangler deploy --dry-run\` succeeds, ≤ ${ASSET_FILE_LIMIT.toLocaleString('en')} asset files, each < 25 MiB | ${files.toLocaleString('en')} files; largest \`${big.path}\`, ${(big.bytes / 1024).toFixed(1)} KB | ${tick(fits)} |`,
  )
  return lines.join('\n')
}

/** What the cold stream's CPU time would bill, and what the figure includes. */
const costNote = (rows: readonly CorpusRow[]): string => {
  const largest = rows.reduce((a, b) => (b.timelines > a.timelines ? b : a))
  const cpu = cpuMicros(largest.cold)
  const own = cpu.app - cpu.base
  return (
    'CPU per request is workerd\u2019s process CPU time (/proc, user + system) over each load run ' +
    'divided by its responses, medians of the rounds; a million requests at _x_ µs cost _x_ × ' +
    '1,000 CPU-ms. It includes the runtime\u2019s own HTTP work, which the baseline measures: at ' +
    `${largest.timelines.toLocaleString('en')} timelines Dateline\u2019s share of a cold request is ` +
    `${fixed(own, 0)} µs, ${Number.isFinite(own) ? Math.round(own * 1000).toLocaleString('en') : 'n/a'} ` +
    'CPU-ms per million. Workers Standard bills CPU time per request (time waiting on I/O is not ' +
    'CPU time): 30 million CPU-ms a month included, then $0.02 per additional million CPU-ms, ' +
    'besides $0.30 per million requests over 10 million.'
  )
}
