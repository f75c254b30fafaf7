/**
 * @module http/html
 * Sends one of Dateline's own HTML pages through the cache, with the page's strict CSP computed
 * from the inline style and script it contains.
 */
import type { Context } from 'hono'
import { represent, send, type TaggedVariant } from './send.ts'
import { pageCsp, type PageCspOptions } from './csp.ts'

export const HTML_TYPE = 'text/html; charset=utf-8'

export interface SendPageOptions extends PageCspOptions {
  /** Extra response headers (e.g. `Vary`). */
  headers?: Record<string, string>
}

/**
 * Sends HTML rendered by `build` once per cache entry; its CSP allows the build-time hashes in
 * `options`, forbids framing, and is set here so the security middleware keeps it.
 * @example return sendPage(c, { tags: { kind: 'docs' } }, () => renderPage(<DocsPage … />), { styleHashes: [PAGE_CSS_HASH] })
 */
export const sendPage = (
  c: Context,
  variant: Omit<TaggedVariant, 'format'>,
  build: () => string,
  options: SendPageOptions = {},
): Response => {
  const csp = pageCsp(options)
  const rep = represent(c, { ...variant, format: 'html' }, () => ({
    body: build(),
    contentType: HTML_TYPE,
    headers: {
      'Content-Security-Policy': csp,
      'X-Frame-Options': 'DENY',
      ...options.headers,
    },
  }))
  return send(c, rep)
}
