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
 * @example app.use(provideData(createDataTier({ manifest: shippedManifest() })))
 */
export const provideData =
  (tier: DataTier): MiddlewareHandler<{ Bindings: DataEnv }> =>
  async function provideData(c, next) {
    c.set('data', tier.bind(c.env.ASSETS))
    await next()
  }
