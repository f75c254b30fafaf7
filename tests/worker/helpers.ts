/**
 * @module tests/worker/helpers
 * Calls the Worker inside workerd, the way Cloudflare's edge would.
 */
import { exports } from 'cloudflare:workers'

export const ORIGIN = 'https://dateline.test'
export const TIMELINE = 'wang-yi-moscow-2023'

/** Sends a request to the Worker's default export. `path` may carry a query string. */
export const call = (path: string, init?: RequestInit): Promise<Response> =>
  (exports as unknown as { default: Fetcher }).default.fetch(new Request(`${ORIGIN}${path}`, init))

/** GETs a path and parses its JSON body, asserting nothing. */
export const getJson = async <T = any>(path: string, init?: RequestInit) => {
  const res = await call(path, init)
  return { res, body: (await res.json()) as T }
}

/**
 * A CSP `'sha256-…'` source expression for exactly `text`, to check a page's hashes.
 * @example expect(csp).toContain(await sha256(script))
 */
export const sha256 = async (text: string): Promise<string> =>
  `'sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))))}'`
