/**
 * @module scripts/build
 * The one build step, run by `npm run build`, `npm test`, `npm run deploy` and wrangler's
 * `[build]`: validate and compile `data/` (build-data.ts), then the client assets and the CSP
 * hashes of every page (build-client.ts), then the social-card PNGs (build-cards.ts). Each step stops the build with its own message.
 *
 * Usage: node scripts/build.ts
 */
await import('./build-data.ts')
await import('./build-client.ts')
await import('./build-cards.ts')

export {}
