/**
 * @module http/html
 * Sends one of Dateline's own HTML pages through the representation cache, with the page's strict
 * CSP computed from the inline style and script it contains.
 */
import type { Context } from 'hono'
import { representation, send } from './representation.ts'
import { pageCsp, type PageCspOptions } from './csp.ts'
import { PAGE_CSS } from '../views/docs/styles.ts'

export const HTML_TYPE = 'text/html; charset=utf-8'

export interface SendPageOptions extends PageCspOptions {
  /** Extra response headers (e.g. `Vary`). */
  headers?: Record<string, string>
}

/**
 * Sends HTML rendered by `build` once per `key`; its CSP allows the shared stylesheet plus
 * `options.scripts`, forbids framing, and is set here so the security middleware keeps it.
 * @example return sendPage(c, `docs|${origin}`, () => renderPage(<DocsPage … />))
 */
export const sendPage = async (
  c: Context,
  key: string,
  build: () => string,
  options: SendPageOptions = {},
): Promise<Response> => {
  const csp = await pageCsp({ ...options, styles: [PAGE_CSS, ...(options.styles ?? [])] })
  const rep = representation(`html|${key}`, () => ({
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
