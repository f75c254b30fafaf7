/**
 * @module scripts/bench/corpus-measure
 * What one corpus size costs a running isolate (issue 13): V8 heap after start-up and after
 * touching ten timelines, the first request for a timeline not yet loaded against the same
 * request once it is, one read of a timeline's file through the `ASSETS` binding, and the CPU
 * time workerd spends per request (read from /proc around each load run).
 */
import { readFile } from 'node:fs/promises'
import { SHIPPED_TIMELINE_ID } from './corpus.ts'
import { heapAfterGc } from './memory.ts'
import { median } from './load.ts'
import { startRuntime } from './runtime.ts'
import type { WorkerSource } from './runtime.ts'

/** Timelines touched (one request each) before the second heap reading. */
export const TOUCHED = 10

/**
 * A translation of the shipped timeline, in every corpus: what warms the isolate up. The others
 * give the first-request timings more samples.
 */
const WARM_UP = {
  timelineId: SHIPPED_TIMELINE_ID,
  /** Its own language, and so every copy's. */
  original: 'en',
  lang: 'de',
  others: ['ar', 'fr', 'ru', 'uk', 'zh'],
}

/**
 * Answers `/?path=P` with asset P read through its `ASSETS` binding (and `/` with nothing), so
 * one asset read can be timed in the same workerd as Dateline, less the cost of a bare request.
 */
const READER_SOURCE = `export default {
  async fetch(request, env) {
    const path = new URL(request.url).searchParams.get('path')
    if (!path) return new Response('')
    const asset = await env.ASSETS.fetch(new URL('/' + path, 'https://assets.invalid'))
    return new Response(await asset.arrayBuffer(), { status: asset.status })
  },
}
`

export interface TierProbe {
  /** V8 heap in use after a full GC, before any request. */
  heapStartBytes: number
  /**
   * The same after one request to each of `touched` timelines (besides the warm-up's requests
   * for one translation of the shipped timeline, the same at every size).
   */
  heapTouchedBytes: number
  touched: number
  /**
   * Per file not yet loaded (each touched timeline, then the shipped timeline's translations),
   * ms: the first request for it.
   */
  firstMs: number[]
  /** Per file, ms: the same request right after, its data loaded (not its response). */
  warmMs: number[]
  /** Per file, ms: one read of it through `ASSETS`, less a bare request. */
  assetReadMs: number[]
}

/**
 * `count` ids spread evenly over `ids` (all of them when there are fewer).
 * @example spread(['a', 'b', 'c', 'd'], 2) // ['a', 'c']
 */
export const spread = (ids: readonly string[], count: number): string[] => {
  const n = Math.min(count, ids.length)
  return Array.from({ length: n }, (_, k) => ids[Math.floor((k * ids.length) / n)]!)
}

/** Wall milliseconds of one GET, body read. */
const time = async (origin: URL, path: string): Promise<number> => {
  const started = performance.now()
  const res = await fetch(new URL(path, origin))
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  return performance.now() - started
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100

/**
 * CPU milliseconds process `pid` has used so far, all threads, user and system. Read from /proc
 * by hand: two fields of one line, where a package (pidusage) would add a dependency for them.
 * @example const before = await processCpuMs(pid)
 */
export const processCpuMs = async (pid: number): Promise<number> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S
}

/**
 * Probes a fresh isolate of `app` (started with its assets): heap at start-up, then one request
 * to each of up to ten timelines spread over the corpus, heap again, then the same request warm
 * for each and one read of its file through `ASSETS`; then the same for five translations of the
 * shipped timeline. `timelineFile` names a timeline's file in a language.
 * @example const probe = await probeTier(app, compat, corpus.timelineIds, FILES.timeline)
 */
export const probeTier = async (
  app: WorkerSource & { assetsDir: string },
  compatibilityDate: string,
  timelineIds: readonly string[],
  timelineFile: (id: string, lang: string) => string,
): Promise<TierProbe> => {
  const reader = { name: 'reader', source: READER_SOURCE, assetsDir: app.assetsDir }
  const runtime = await startRuntime([app, reader], compatibilityDate, { inspect: true })
  try {
    const origin = runtime.urls.get(app.name)!
    const readerOrigin = runtime.urls.get('reader')!
    const heapStartBytes = await heapAfterGc(runtime.inspectorUrl!, app.name)
    // The code paths first (the router, the data tier's reader, the serializers), through the
    // shipped timeline in another language: its own file, so every timeline's original is still
    // unloaded, and the first request measured pays for its data, not for compiling code.
    const warmUp = `/v1/timelines/${WARM_UP.timelineId}/events?lang=${WARM_UP.lang}&limit=`
    for (let limit = 500; limit > 490; limit--) await time(origin, `${warmUp}${limit}`)
    const reading = `/?path=${encodeURIComponent(timelineFile(WARM_UP.timelineId, WARM_UP.lang))}`
    for (let i = 0; i < 10; i++) await time(readerOrigin, reading)
    const touched = spread(timelineIds, TOUCHED)
    const firstMs: number[] = []
    const warmMs: number[] = []
    const assetReadMs: number[] = []
    const eventsOf = (id: string, lang?: string) =>
      `/v1/timelines/${id}/events?${lang ? `lang=${lang}&` : ''}limit=`
    const first = async (id: string, lang?: string) =>
      firstMs.push(await time(origin, `${eventsOf(id, lang)}500`))
    /** Same work (the whole timeline), another URL: the data is loaded, the response is not. */
    const warm = async (id: string, lang?: string) => {
      warmMs.push(await time(origin, `${eventsOf(id, lang)}499`))
      const file = timelineFile(id, lang ?? WARM_UP.original)
      const read = await time(readerOrigin, `/?path=${encodeURIComponent(file)}`)
      assetReadMs.push(Math.max(0, read - (await time(readerOrigin, '/'))))
    }
    // One request each, then the heap; only then the warm repeats, whose responses it would hold.
    for (const id of touched) await first(id)
    const heapTouchedBytes = await heapAfterGc(runtime.inspectorUrl!, app.name)
    for (const id of touched) await warm(id)
    // More samples: the shipped timeline's other translations, each a file of its own (a corpus
    // of one has no other timeline to load).
    for (const lang of WARM_UP.others) {
      await first(WARM_UP.timelineId, lang)
      await warm(WARM_UP.timelineId, lang)
    }
    return {
      heapStartBytes,
      heapTouchedBytes,
      touched: touched.length,
      firstMs,
      warmMs,
      assetReadMs,
    }
  } finally {
    await runtime.dispose()
  }
}

/**
 * Whether the first request for a not-yet-loaded timeline stays within 2× a warm one plus one
 * asset read (issue 13), on medians.
 * @example firstRequestMet(probe) // true
 */
export const firstRequestMet = (p: TierProbe): boolean =>
  median(p.firstMs) <= 2 * median(p.warmMs) + median(p.assetReadMs)
