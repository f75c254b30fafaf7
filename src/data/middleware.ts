/**
 * @module data/middleware
 * Hands the data tier to handlers as `c.var.data`, bound to this request's `ASSETS` binding.
 * Here, not in `http/`, which never imports the data tier.
 */
import type { MiddlewareHandler } from 'hono'
import type { DataStore, DataTier } from './store.ts'

/** The bindings the data tier needs. */
export interface DataEnv {
  /** Workers Static Assets: the compiled data (wrangler.toml `[assets]`). */
  ASSETS: Fetcher
}

declare module 'hono' {
  interface ContextVariableMap {
    data: DataStore
  }
}

/**
 * Typed as any app's middleware (`c.env` cast): typing the app's `Bindings` would change the
 * schema type `AppType` gives Hono's typed client, for nothing a client sees.
 * @example app.use(provideData(createDataTier({ manifest: shippedManifest() })))
 */
export const provideData = (tier: DataTier): MiddlewareHandler =>
  async function provideData(c, next) {
    c.set('data', tier.bind((c.env as DataEnv).ASSETS))
    await next()
  }
