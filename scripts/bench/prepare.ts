/**
 * @module scripts/bench/prepare
 * Everything before the load: the datasets and their bundles, then, against the running
 * Dateline, each route's time per request, the cold stream, and the responses the baseline will
 * replay.
 */
import { join } from 'node:path'
import { buildShippedBundle, buildVariantBundle } from './bundle.ts'
import type { Bundle } from './bundle.ts'
import { baselineScript, capture, medianBySize } from './baseline.ts'
import type { CapturedResponse } from './baseline.ts'
import { writeSyntheticData } from './synthetic.ts'
import { SHIPPED_EVENT_COUNT, SHIPPED_TIMELINE_ID } from './corpus.ts'
import { ENTRY_OVERHEAD, RESPONSE_BUDGET_BYTES } from '../../src/http/cache.ts'
import { coldPaths, coldVocabulary, fixedRoutes } from './workload.ts'
import type { RouteSpec, TimelineTarget } from './workload.ts'

/** Cold responses sampled to size the stream and pick the baseline's stand-in. */
const COLD_SAMPLES = 101
/**
 * The cold stream must hold this many times the isolate's response cache budget. Sent round-robin through
 * a least-recently-used cache smaller than the cycle, every request is then a miss: each entry
 * is evicted before its turn comes again.
 */
const COLD_CACHE_MULTIPLE = 1.5

export interface Variant {
  /** Worker name in workerd, e.g. `app-28`. */
  key: string
  label: string
  events: number
  bundle: Bundle
  target: TimelineTarget
}

export interface PreparedVariant extends Variant {
  routes: RouteSpec[]
  skipped: { key: string; label: string; reason: string }[]
  cold: string[]
  /** The cold stream's least footprint in the isolate cache, bytes (sampled bodies + overhead). */
  coldBytes: number
  baselineSource: string
}

/** The shipped data, as deployed. */
export const SHIPPED_TARGET: TimelineTarget = {
  timelineId: SHIPPED_TIMELINE_ID,
  eventId: 'wang-yi-meets-macron',
}

/**
 * The repository's own bundle.
 * @example const shipped = await shippedVariant(tmp)
 */
export const shippedVariant = async (tmp: string): Promise<Variant> => ({
  key: 'app-shipped',
  label: `shipped (${SHIPPED_EVENT_COUNT} events)`,
  events: SHIPPED_EVENT_COUNT,
  bundle: await buildShippedBundle(join(tmp, 'shipped')),
  target: SHIPPED_TARGET,
})

/**
 * A bundle of the same code with a synthetic timeline of `events` events.
 * @example const big = await syntheticVariant(tmp, 10_000)
 */
export const syntheticVariant = async (tmp: string, events: number): Promise<Variant> => {
  const data = await writeSyntheticData(join(tmp, `data-${events}`), { events })
  return {
    key: `app-${events}`,
    label: `synthetic ${events.toLocaleString('en')} events`,
    events,
    bundle: await buildVariantBundle(join(tmp, `variant-${events}`), data.dir),
    target: { timelineId: data.timelineId, eventId: data.middleEventId },
  }
}

/** Milliseconds of one more request for `path` (its representation is cached by now). */
const timeRequest = async (origin: URL, path: string): Promise<number> => {
  const started = performance.now()
  await capture(origin, path)
  return performance.now() - started
}

/**
 * Probes and captures a running variant, and writes its baseline Worker.
 * @example const prepared = await prepareVariant(runtime.urls.get(v.key)!, v)
 */
export const prepareVariant = async (origin: URL, variant: Variant): Promise<PreparedVariant> => {
  const captured = new Map<string, CapturedResponse>()
  const routes: RouteSpec[] = []
  const skipped: PreparedVariant['skipped'] = []
  for (const route of fixedRoutes(variant.target)) {
    const response = await capture(origin, route.path)
    if (response.status !== 200) {
      skipped.push({ ...route, reason: `${route.path} answered ${response.status}` })
      continue
    }
    captured.set(route.path, response)
    routes.push({ ...route, probeMs: await timeRequest(origin, route.path) })
  }
  const list = captured.get(fixedRoutes(variant.target)[0]!.path)
  if (!list) throw new Error(`${variant.label}: the event list did not answer 200`)
  const vocabulary = coldVocabulary(list.body)
  let cold = coldPaths(variant.target.timelineId, vocabulary)
  const step = Math.floor(cold.length / COLD_SAMPLES)
  const samples: CapturedResponse[] = []
  for (let i = 0; i < COLD_SAMPLES; i++) samples.push(await capture(origin, cold[i * step]!))
  const failed = samples.find((s) => s.status !== 200)
  if (failed) throw new Error(`${variant.label}: a cold query failed: ${failed.body.slice(0, 200)}`)
  // Small bodies let 3,000 queries fit in the cache, and a stream that fits is not cold: grow it
  // (the same queries first, then more) until it holds more than the budget by a margin.
  const meanBytes =
    samples.reduce((sum, s) => sum + Buffer.byteLength(s.body), 0) / samples.length + ENTRY_OVERHEAD
  const needed = Math.ceil((COLD_CACHE_MULTIPLE * RESPONSE_BUDGET_BYTES) / meanBytes)
  if (needed > cold.length) cold = coldPaths(variant.target.timelineId, vocabulary, needed)
  return {
    ...variant,
    routes,
    skipped,
    cold,
    coldBytes: Math.round(cold.length * meanBytes),
    baselineSource: baselineScript(captured, medianBySize(samples)),
  }
}
