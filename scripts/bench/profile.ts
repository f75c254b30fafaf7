/**
 * @module scripts/bench/profile
 * Where a Worker's time goes: a CPU profile taken inside workerd through its inspector (Chrome
 * DevTools Protocol) while load runs, with the minified bundle's frames mapped back to source
 * modules through wrangler's source map (Node's built-in `SourceMap`).
 */
import { readFile } from 'node:fs/promises'
import { SourceMap } from 'node:module'

/** Sampling interval, microseconds: fine enough for sub-millisecond requests. */
const SAMPLING_INTERVAL_US = 100

export interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

/** A V8 CPU profile as the inspector returns it. */
export interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileShare {
  /** Source module (`src/query/events.ts`, `hono`, …) or a V8 category like `(garbage collector)`. */
  module: string
  /** Share of the Worker's busy (non-idle) time, 0..1. */
  share: number
}

/** CDP over the inspector's WebSocket: just enough to start and stop the profiler. */
export const connect = async (url: URL) => {
  const ws = new WebSocket(url)
  await new Promise((resolve, reject) => {
    ws.onopen = resolve
    ws.onerror = reject
  })
  let next = 0
  const pending = new Map<number, (result: unknown) => void>()
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown }
    if (message.id !== undefined) pending.get(message.id)?.(message.result)
  }
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next
      pending.set(id, resolve)
      ws.send(JSON.stringify({ id, method, params }))
    })
  return { send, close: () => ws.close() }
}

/**
 * Profiles Worker `name` while `during()` runs.
 * @example const profile = await profileWhile(rt.inspectorUrl!, 'app', () => measure(url, path, opts))
 */
export const profileWhile = async (
  inspectorUrl: URL,
  name: string,
  during: () => Promise<unknown>,
): Promise<Profile> => {
  const cdp = await connect(new URL(`/core:user:${name}`, inspectorUrl))
  try {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US })
    await cdp.send('Profiler.start')
    await during()
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile }
    return profile
  } finally {
    cdp.close()
  }
}

/** `node_modules/hono/dist/x.js` → `hono`; `../src/query/events.ts` → `src/query/events.ts`. */
const moduleOf = (source: string): string => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
  if (pkg) return pkg[1]!
  const src = /(src\/.*)$/.exec(source)
  return src ? src[1]! : source
}

/**
 * Self time by source module, largest first. Frames outside the bundle (runtime built-ins,
 * GC) keep their V8 names.
 * @example breakdown(profile, await readFile(`${scriptPath}.map`, 'utf8'))
 */
export const breakdown = (profile: Profile, sourceMapText: string | undefined): ProfileShare[] => {
  const map = sourceMapText ? new SourceMap(JSON.parse(sourceMapText)) : undefined
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame
    const delta = profile.timeDeltas[i] ?? 0
    if (!frame || frame.functionName === '(idle)') return
    busy += delta
    let key = frame.functionName || '(anonymous)'
    if (frame.url && map && frame.lineNumber >= 0) {
      const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
        originalSource?: string
      }
      key = entry.originalSource ? moduleOf(entry.originalSource) : `(bundle) ${key}`
    } else if (frame.url) key = `(bundle) ${key}`
    else if (!key.startsWith('(')) key = `(runtime) ${key}`
    totals.set(key, (totals.get(key) ?? 0) + delta)
  })
  return [...totals]
    .map(([module, time]) => ({ module, share: busy ? time / busy : 0 }))
    .sort((a, b) => b.share - a.share)
}

/**
 * The source map next to a bundle, if wrangler wrote one.
 * @example await sourceMapOf('/tmp/bench/out/index.js')
 */
export const sourceMapOf = (scriptPath: string): Promise<string | undefined> =>
  readFile(`${scriptPath}.map`, 'utf8').catch(() => undefined)
