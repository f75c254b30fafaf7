/**
 * @module scripts/bench/memory
 * Can an outsider grow an isolate past its 128 MB? The production bundle runs alone in workerd;
 * we read workerd's resident memory (`VmRSS` in /proc) after a warm-up, send thousands of distinct
 * queries that each return most of the timeline (as a crawler or anyone varying a date would),
 * and read it again. The cache's byte budget (src/http/cache.ts) must hold the growth to a fixed
 * amount, whatever the number of distinct URLs.
 */
import { readdir, readFile } from 'node:fs/promises'
import { connect } from './profile.ts'
import { deployedLike, startRuntime } from './runtime.ts'
import type { Runtime, WorkerSource } from './runtime.ts'

export interface MemoryResult {
  queries: number
  /** Bytes of bodies served during the run. */
  servedBytes: number
  beforeBytes: number
  /** Right after the last response. */
  afterBytes: number
  /** After a full garbage collection (DevTools `HeapProfiler.collectGarbage`): what is held. */
  afterGcBytes: number
  /** V8 heap in use after that collection (`Runtime.getHeapUsage`). */
  heapUsedBytes: number
  statuses: Record<number, number>
}

/**
 * V8 heap in use by Worker `name` after a full garbage collection, through workerd's inspector
 * (the runtime must have been started with `inspect`): what the isolate holds, not what it
 * allocated and would free.
 * @example const bytes = await heapAfterGc(runtime.inspectorUrl!, 'app')
 */
export const heapAfterGc = async (inspectorUrl: URL, name: string): Promise<number> => {
  const cdp = await connect(new URL(`/core:user:${name}`, inspectorUrl))
  try {
    // workerd's inspector runs the collection but never answers this command, so it is sent
    // without waiting, twice (the first pass finalizes Responses, whose native buffers the
    // second frees), and the heap-usage answer that follows marks its end.
    void cdp.send('HeapProfiler.collectGarbage')
    void cdp.send('HeapProfiler.collectGarbage')
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize
  } finally {
    cdp.close()
  }
}

/** Pids of running workerd processes. */
export const workerdPids = async (): Promise<Set<number>> => {
  const pids = new Set<number>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '')
    if (comm.trim() === 'workerd') pids.add(Number(entry))
  }
  return pids
}

/**
 * The workerd that `start` spawns, found among the children of this process (other workerds on
 * a shared machine are not ours): its pid, for CPU time and memory.
 * @example const { runtime, pid } = await withPid(() => startRuntime(workers, compat))
 */
export const withPid = async (start: () => Promise<Runtime>) => {
  const before = await workerdPids()
  const runtime = await start()
  for (const pid of await workerdPids()) {
    if (before.has(pid)) continue
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    // Field 4 (after the parenthesised command, which may hold spaces) is the parent pid.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid === process.pid) return { runtime, pid }
  }
  await runtime.dispose()
  throw new Error('could not find the workerd process this benchmark started')
}

const rssBytes = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(kb[1]) * 1024
}

/**
 * `count` distinct large queries: every one starts before the first event (so it returns the
 * whole timeline), in JSON, four other formats and the embed page, in two parameter orders.
 * @example largeQueries('wang-yi-moscow-2023', 4000)[0]
 */
export const largeQueries = (timelineId: string, count: number): string[] => {
  const events = `/v1/timelines/${timelineId}/events`
  const kinds = [
    (from: string) => `${events}?limit=500&from=${from}`,
    (from: string) => `${events}?from=${from}&limit=500&sort=desc`,
    (from: string) => `${events}.ics?from=${from}`,
    (from: string) => `${events}.csv?from=${from}&limit=500`,
    (from: string) => `${events}.jsonld?limit=500&from=${from}`,
    (from: string) => `${events}.atom?from=${from}`,
    (from: string) => `/embed/${timelineId}?from=${from}`,
  ]
  const day0 = Date.UTC(1900, 0, 1)
  return Array.from({ length: count }, (_, i) => {
    const from = new Date(day0 + i * 86_400_000).toISOString().slice(0, 10)
    return kinds[i % kinds.length]!(from)
  })
}

/** Runs the probe against one Worker. */
const probe = async (
  worker: WorkerSource,
  compatibilityDate: string,
  timelineId: string,
  count: number,
  concurrency = 8,
): Promise<MemoryResult> => {
  const { runtime, pid } = await withPid(() =>
    startRuntime([worker], compatibilityDate, { inspect: true }),
  )
  try {
    const url = runtime.urls.get(worker.name)!
    const statuses: Record<number, number> = {}
    let servedBytes = 0
    const get = async (path: string) => {
      const res = await fetch(new URL(path, url))
      servedBytes += (await res.arrayBuffer()).byteLength
      statuses[res.status] = (statuses[res.status] ?? 0) + 1
    }
    // Warm-up: every kind of page once, so start-up allocations are in the "before" figure.
    for (const path of largeQueries(timelineId, 14)) await get(path)
    servedBytes = 0
    for (const key of Object.keys(statuses)) delete statuses[Number(key)]
    const beforeBytes = await rssBytes(pid)
    // Past the warm-up's dates, so every query of the run is new to the Worker.
    const queries = largeQueries(timelineId, count + 14).slice(14)
    let next = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < queries.length) await get(queries[next++]!)
      }),
    )
    const afterBytes = await rssBytes(pid)
    const heapUsedBytes = await heapAfterGc(runtime.inspectorUrl!, worker.name)
    const afterGcBytes = await rssBytes(pid)
    const queryCount = queries.length
    return {
      queries: queryCount,
      servedBytes,
      beforeBytes,
      afterBytes,
      afterGcBytes,
      heapUsedBytes,
      statuses,
    }
  } finally {
    await runtime.dispose()
  }
}

/** A Worker answering every URL with one constant body: the runtime's own floor. */
const constantWorker = (bodyBytes: number): WorkerSource => ({
  name: 'floor',
  source: `const BODY = 'x'.repeat(${bodyBytes})
export default { fetch: () => new Response(BODY, { headers: { 'Content-Type': 'text/plain' } }) }`,
})

export interface MemoryComparison {
  app: MemoryResult
  /** The same number of requests against a Worker sending constant bodies of the same mean size. */
  floor: MemoryResult
}

/**
 * The memory probe against Dateline, then against the floor in the same run: workerd's resident
 * memory also grows with the bytes it serves (its allocator keeps freed pages), so only the
 * difference, and the V8 heap still in use after a full collection, are Dateline's.
 * @example await measureMemory(app, compat, 'wang-yi-moscow-2023', 4000)
 */
export const measureMemory = async (
  worker: WorkerSource,
  compatibilityDate: string,
  timelineId: string,
  count: number,
): Promise<MemoryComparison> => {
  const app = await probe(worker, compatibilityDate, timelineId, count)
  const mean = Math.round(app.servedBytes / app.queries)
  const floor = await probe(
    await deployedLike(worker, constantWorker(mean)),
    compatibilityDate,
    timelineId,
    count,
  )
  return { app, floor }
}
