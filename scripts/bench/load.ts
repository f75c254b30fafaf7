/**
 * @module scripts/bench/load
 * Drives Workers with autocannon and compares Dateline with its baseline in interleaved rounds
 * (A B, B A, A B …, after a warm-up of each), so drift in a noisy machine hits both alike.
 * Latency is recorded per response at full resolution: autocannon's own histogram keeps whole
 * milliseconds, too coarse for sub-millisecond Workers.
 */
import autocannon from 'autocannon'

/** Concurrent connections: enough to keep one workerd thread busy without deep queues. */
export const CONNECTIONS = 8

export interface LoadResult {
  /** 2xx responses per second. */
  rps: number
  /** Latency percentiles of 2xx responses, milliseconds. */
  p50: number
  p99: number
  responses: number
  /** Non-2xx answers, socket errors and timeouts: any of these makes the run suspect. */
  failures: number
  /** Mean bytes per response, headers included. */
  bytesPerResponse: number
  /** CPU milliseconds the serving process spent per 2xx response (only with `cpuMs`). */
  cpuMsPerResponse?: number
}

export interface LoadOptions {
  /** Seconds. */
  duration: number
  connections?: number
  /**
   * The serving process's CPU time so far, ms (e.g. workerd's, from /proc): read before and after
   * the run, so each result says what a request cost in CPU, not only in wall time.
   */
  cpuMs?: () => Promise<number>
}

/** A fixed path, or a function giving the next path of a stream. */
export type PathSource = string | (() => string)

/**
 * Waits until the Worker has finished what autocannon left in flight (it stops reading, but a
 * slow request keeps the isolate busy), so the next run does not inherit the backlog.
 */
const drain = (origin: URL) =>
  fetch(new URL('/__bench_drain', origin)).then(
    (r) => r.arrayBuffer(),
    () => undefined,
  )

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

/**
 * One autocannon run against `origin`.
 * @example const r = await measure(url, '/v1/timelines', { duration: 2 }); r.rps
 */
export const measure = async (
  origin: URL,
  path: PathSource,
  options: LoadOptions,
): Promise<LoadResult> => {
  const latencies: number[] = []
  let failures = 0
  const request =
    typeof path === 'string'
      ? { method: 'GET', path }
      : { method: 'GET', setupRequest: (req: object) => ({ ...req, path: path() }) }
  const cpuBefore = await options.cpuMs?.()
  const instance = autocannon({
    url: origin.origin,
    connections: options.connections ?? CONNECTIONS,
    duration: options.duration,
    timeout: 10,
    requests: [request],
  })
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms)
    else failures++
  })
  const result = await instance
  await drain(origin)
  const cpuAfter = await options.cpuMs?.()
  const sorted = Float64Array.from(latencies).sort()
  return {
    rps: latencies.length / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    responses: latencies.length,
    failures: failures + result.errors + result.timeouts,
    bytesPerResponse: latencies.length ? result.throughput.total / latencies.length : 0,
    ...(cpuBefore !== undefined && cpuAfter !== undefined && latencies.length
      ? { cpuMsPerResponse: (cpuAfter - cpuBefore) / latencies.length }
      : {}),
  }
}

export interface Comparison {
  app: LoadResult[]
  base: LoadResult[]
  /** Medians over rounds of the per-round ratios: Dateline ÷ baseline. */
  ratio: { rps: number; p50: number; p99: number }
}

export interface CompareOptions extends LoadOptions {
  rounds: number
  /** Seconds of unrecorded load on each Worker before the rounds. */
  warmup: number
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Dateline vs baseline on one route, interleaved. The ratios pair each round's two runs, so they
 * only ever compare numbers measured seconds apart.
 * @example const c = await compare(appUrl, baseUrl, path, { rounds: 3, duration: 3, warmup: 1 })
 */
export const compare = async (
  app: URL,
  base: URL,
  path: PathSource,
  options: CompareOptions,
): Promise<Comparison> => {
  const load = {
    duration: options.duration,
    connections: options.connections,
    cpuMs: options.cpuMs,
  }
  if (options.warmup > 0) {
    await measure(app, path, { ...load, duration: options.warmup })
    await measure(base, path, { ...load, duration: options.warmup })
  }
  const apps: LoadResult[] = []
  const bases: LoadResult[] = []
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      apps.push(await measure(app, path, load))
      bases.push(await measure(base, path, load))
    } else {
      bases.push(await measure(base, path, load))
      apps.push(await measure(app, path, load))
    }
  }
  const ratios = (pick: (r: LoadResult) => number) =>
    median(apps.map((a, i) => pick(a) / pick(bases[i]!)))
  return {
    app: apps,
    base: bases,
    ratio: { rps: ratios((r) => r.rps), p50: ratios((r) => r.p50), p99: ratios((r) => r.p99) },
  }
}

export { median }
