/**
 * @module scripts/bench/startup
 * Start-up cost with `wrangler check startup`, which runs the bundle's start-up phase in a local
 * workerd under the CPU profiler (offline). Its samples are coarse (a few per run) and a busy
 * machine inflates them, so the benchmark runs it several times and reports the least.
 */
import { readFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { wrangler } from './bundle.ts'
import { median } from './load.ts'

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[]
  samples: number[]
  timeDeltas: number[]
}

export interface StartupResult {
  /**
   * Least CPU milliseconds of the start-up phase (profile time minus idle) over the runs: other
   * processes can only add time to a sampled profile, so the minimum is the best estimate.
   */
  minMs: number
  /** Median over the runs. */
  activeMs: number
  /** Median garbage-collection milliseconds within it. */
  gcMs: number
  runs: number[]
}

/**
 * Active and GC milliseconds of a CPU profile.
 * @example profileActiveMs(JSON.parse(text)).activeMs
 */
export const profileActiveMs = (profile: CpuProfile) => {
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]))
  let active = 0
  let gc = 0
  profile.samples.forEach((id, i) => {
    const name = names.get(id)
    const delta = profile.timeDeltas[i] ?? 0
    if (name === '(idle)') return
    active += delta
    if (name === '(garbage collector)') gc += delta
  })
  return { activeMs: active / 1000, gcMs: gc / 1000 }
}

/**
 * Profiles the start-up of the Worker that `projectDir`'s wrangler config builds, `runs` times.
 * @example const s = await measureStartup(ROOT, 3); s.activeMs
 */
export const measureStartup = async (projectDir: string, runs: number): Promise<StartupResult> => {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-startup-'))
  const samples: { activeMs: number; gcMs: number }[] = []
  for (let i = 0; i < runs; i++) {
    const outfile = join(dir, `startup-${i}.cpuprofile`)
    await wrangler(projectDir, ['check', 'startup', '--outfile', outfile])
    samples.push(profileActiveMs(JSON.parse(await readFile(outfile, 'utf8')) as CpuProfile))
  }
  return {
    minMs: Math.min(...samples.map((s) => s.activeMs)),
    activeMs: median(samples.map((s) => s.activeMs)),
    gcMs: median(samples.map((s) => s.gcMs)),
    runs: samples.map((s) => s.activeMs),
  }
}
