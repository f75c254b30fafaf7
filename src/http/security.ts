/**
 * @module http/security
 * Security headers by kind of response, chosen after the handler ran so one middleware covers
 * every route. The rules follow what Mozilla's HTTP Observatory rewards:
 *
 * | kind                               | CSP                         | framing              | CORP         | COOP        |
 * | ---------------------------------- | --------------------------- | -------------------- | ------------ | ----------- |
 * | data (JSON, problems, formats, JS) | `default-src 'none'` (ours) | `'none'` + XFO DENY  | cross-origin | (none)      |
 * | HTML page (landing, docs)          | the handler's, hashed       | `'none'` + XFO DENY  | same-origin  | same-origin |
 * | embeddable HTML (`/embed/{id}`)    | the handler's, hashed       | the handler's (`*`)  | cross-origin | (none)      |
 *
 * Every response also gets nosniff, a private Referrer-Policy and two years of HSTS. HTML gets a
 * Permissions-Policy that turns off powerful features nobody here needs.
 *
 * No COOP on framable HTML: COOP keeps other windows from holding a reference to a page, but a
 * page any site may frame hands every site that reference anyway (`iframe.contentWindow`), and in
 * an iframe, where the embed lives, browsers ignore COOP. Opened top level, though, it makes
 * Chromium swap to a new browsing context group and process before the page commits, the largest
 * part of the embed's first paint on a slow phone (README, benchmark). The Observatory does not
 * score COOP, so every kind keeps its A+ (tests/worker/headers.test.ts).
 */
import type { MiddlewareHandler } from 'hono'

/** JSON, problems and other data: nothing may run, nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'"
/** Two years, the HSTS preload list's requirement (Observatory: at least six months). */
export const HSTS = 'max-age=63072000; includeSubDomains'
const REFERRER_POLICY = 'strict-origin-when-cross-origin'
/** Features a timeline never uses, off for the page and anything it frames. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), ' +
  'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), ' +
  'browsing-topics=()'

const COMMON: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', REFERRER_POLICY],
  ['Strict-Transport-Security', HSTS],
]

/**
 * The `frame-ancestors` sources of a CSP, or undefined when the policy has none. Parsed with
 * split/indexOf: the header is ours, but this stays linear whatever it holds.
 */
export const frameAncestors = (csp: string): string | undefined => {
  for (const directive of csp.split(';')) {
    const text = directive.trim()
    const space = text.indexOf(' ')
    const name = (space < 0 ? text : text.slice(0, space)).toLowerCase()
    if (name === 'frame-ancestors') return space < 0 ? '' : text.slice(space + 1).trim()
  }
  return undefined
}

const setDefault = (headers: Headers, name: string, value: string) => {
  if (!headers.has(name)) headers.set(name, value)
}

/**
 * Adds the headers every response needs, plus the CSP, framing and isolation rules of its kind.
 * A handler that set its own CSP (HTML pages, with their script hashes) keeps it; one without
 * `frame-ancestors` is made unframable.
 * @example app.use(securityHeaders())
 */
export const securityHeaders = (): MiddlewareHandler =>
  async function securityHeaders(c, next) {
    await next()
    const headers = c.res.headers
    for (const [name, value] of COMMON) setDefault(headers, name, value)
    const csp = headers.get('Content-Security-Policy')
    const html = (headers.get('Content-Type') ?? '').toLowerCase().startsWith('text/html')
    const own = csp ? frameAncestors(csp) : undefined
    const policy = !csp ? API_CSP : own === undefined ? `${csp}; frame-ancestors 'none'` : csp
    if (policy !== csp) headers.set('Content-Security-Policy', policy)
    // API_CSP and an appended directive say 'none'; a handler's own directive says what it says.
    const framable = own !== undefined && own !== "'none'"
    // CSP frame-ancestors wins in every current browser; XFO is for the ones that predate it.
    if (!framable) setDefault(headers, 'X-Frame-Options', 'DENY')
    // Data, the widget script and the embed page are meant to be used from other origins
    // (including pages with COEP: require-corp); a first-party page is not.
    setDefault(
      headers,
      'Cross-Origin-Resource-Policy',
      html && !framable ? 'same-origin' : 'cross-origin',
    )
    if (html) setDefault(headers, 'Permissions-Policy', PERMISSIONS_POLICY)
    // Isolation from other windows, for pages no other site may frame (see the module comment).
    if (html && !framable) setDefault(headers, 'Cross-Origin-Opener-Policy', 'same-origin')
  }
