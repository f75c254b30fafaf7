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
        test: { name: 'worker', include: ['tests/worker/**/*.test.ts'] },
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
