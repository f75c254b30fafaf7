/**
 * @module tests/unit/bench-smoke
 * The benchmark harness works end to end on one route: the Worker bundled as deployed (from a copy
 * of src/, so the shared tree is never rewritten mid-suite), served in workerd beside a baseline
 * that replays its captured bytes, both driven by autocannon for two seconds. It asserts that the
 * harness measures (finite, positive ratios; identical bodies; no failed requests), never how
 * fast anything is: speed goals belong to `npm run bench`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildVariantBundle, compatibilityDate, ROOT } from '../../scripts/bench/bundle.ts'
import { baselineScript, capture } from '../../scripts/bench/baseline.ts'
import { compare } from '../../scripts/bench/load.ts'
import { startRuntime, workerFromFile } from '../../scripts/bench/runtime.ts'
import { fixedRoutes } from '../../scripts/bench/workload.ts'
import { SHIPPED_TARGET } from '../../scripts/bench/prepare.ts'

const tmp = await mkdtemp(join(tmpdir(), 'dateline-bench-smoke-'))
afterAll(() => rm(tmp, { recursive: true, force: true }))

describe('GET /v1/timelines/{id}/events/{eventId} under the bench harness', () => {
  it('compares Dateline with its replaying baseline and yields finite ratios', async () => {
    // A copy of the project built from data/ into its own manifest and assets.
    const bundle = await buildVariantBundle(join(tmp, 'app'), join(ROOT, 'data'))
    expect(bundle.gzipBytes).toBeGreaterThan(0)
    expect(bundle.gzipBytes).toBeLessThan(bundle.rawBytes)
    const route = fixedRoutes(SHIPPED_TARGET).find((r) => r.key === 'event')!
    const compat = await compatibilityDate()
    const app = await workerFromFile('app', bundle.scriptPath, bundle.assetsDir)

    const probe = await startRuntime([app], compat)
    const captured = await capture(probe.urls.get('app')!, route.path).finally(probe.dispose)
    expect(captured.status).toBe(200)

    const runtime = await startRuntime(
      [app, { name: 'base', source: baselineScript(new Map([[route.path, captured]]), captured) }],
      compat,
    )
    try {
      const appUrl = runtime.urls.get('app')!
      const baseUrl = runtime.urls.get('base')!
      // The baseline answers with exactly Dateline's bytes and validators.
      const [fromApp, fromBase] = await Promise.all([
        capture(appUrl, route.path),
        capture(baseUrl, route.path),
      ])
      expect(fromBase.body).toBe(fromApp.body)
      expect(fromBase.headers).toEqual(fromApp.headers)

      const result = await compare(appUrl, baseUrl, route.path, {
        rounds: 1,
        duration: 1,
        warmup: 0,
        connections: 2,
      })
      for (const run of [...result.app, ...result.base]) {
        expect(run.failures).toBe(0)
        expect(run.responses).toBeGreaterThan(0)
      }
      for (const ratio of Object.values(result.ratio)) {
        expect(Number.isFinite(ratio)).toBe(true)
        expect(ratio).toBeGreaterThan(0)
      }
    } finally {
      await runtime.dispose()
    }
  })
})
