/**
 * Two projects: `worker` runs inside workerd (the real Workers runtime) through Cloudflare's
 * Vitest plugin; `node` runs what drives the Worker from outside: the data validator, real
 * parsers for the formats, headless Chromium and load generators.
 */
import { defineConfig } from 'vitest/config'
import { cloudflareTest } from '@cloudflare/vitest-plugin'

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          // A file's first request compiles the Worker's modules in a fresh isolate: seconds on a
          // busy 2-core machine. Speed is the bench's business, not a timed test's.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
