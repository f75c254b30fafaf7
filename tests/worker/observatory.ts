/**
 * @module tests/worker/observatory
 * Mozilla's HTTP Observatory scoring (the MDN Observatory's rules, v2 scoring table) as a pure
 * function of one response's headers and body, so the header audit can hold every route to the
 * grade the public scanner would give it.
 *
 * Baseline 100; penalties are summed first; bonuses count only if the score is still >= 90
 * (Observatory's rule, so bonuses cannot hide a real hole). Redirection is not applicable to a
 * Worker that only speaks HTTPS (no http:// listener), so it scores 0.
 *
 * @example
 * const { score, grade } = observatory(res.headers, await res.text())
 */

export interface ObservatoryTest {
  result: string
  modifier: number
}
export interface ObservatoryReport {
  score: number
  grade: string
  tests: Record<string, ObservatoryTest>
}
export interface ObservatoryOptions {
  /** The Origin the scanner sent; CORS that echoes it with credentials is "universal access". */
  origin?: string
}

const GRADES: [number, string][] = [
  [100, 'A+'],
  [90, 'A'],
  [85, 'A-'],
  [80, 'B+'],
  [70, 'B'],
  [65, 'B-'],
  [60, 'C+'],
  [50, 'C'],
  [45, 'C-'],
  [40, 'D+'],
  [30, 'D'],
  [25, 'D-'],
  [0, 'F'],
]

const t = (result: string, modifier: number): ObservatoryTest => ({ result, modifier })

/** Directives of a CSP, first occurrence wins (as browsers do); undefined if unparsable. */
export const parseCsp = (header: string): Map<string, string[]> | undefined => {
  const directives = new Map<string, string[]>()
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    if (!/^[a-z-]+$/i.test(name)) return undefined
    if (!directives.has(name.toLowerCase())) {
      directives.set(
        name.toLowerCase(),
        sources.map((s) => s.toLowerCase()),
      )
    }
  }
  return directives.size ? directives : undefined
}

const insecure = (sources: string[]) =>
  sources.some((s) => s === 'http:' || s.startsWith('http://'))
const wide = (sources: string[]) =>
  sources.some(
    (s) => s === '*' || s === 'data:' || s === 'https:' || s === 'http:' || s === 'blob:',
  )

export const scoreCsp = (header: string | null): ObservatoryTest => {
  if (!header) return t('csp-not-implemented', -25)
  const csp = parseCsp(header)
  if (!csp) return t('csp-header-invalid', -25)
  const fallback = csp.get('default-src')
  const script = csp.get('script-src') ?? fallback
  const object = csp.get('object-src') ?? fallback
  const style = csp.get('style-src') ?? fallback
  const strict = (script ?? []).some(
    (s) => s.startsWith("'nonce-") || s.startsWith("'sha") || s === "'strict-dynamic'",
  )
  // With no script-src nor default-src any script runs: as bad as 'unsafe-inline'.
  if (!script || (script.includes("'unsafe-inline'") && !strict) || wide(script)) {
    return t('csp-implemented-with-unsafe-inline', -20)
  }
  if (!object || (wide(object) && !object.includes("'none'"))) {
    return t('csp-implemented-with-unsafe-inline', -20)
  }
  if (insecure(script) || insecure(object)) return t('csp-implemented-with-insecure-scheme', -20)
  if (script.includes("'unsafe-eval'")) return t('csp-implemented-with-unsafe-eval', -10)
  const passive = [csp.get('img-src'), csp.get('media-src'), fallback].flatMap((s) => s ?? [])
  if (insecure(passive))
    return t('csp-implemented-with-insecure-scheme-in-passive-content-only', -10)
  if (style?.includes("'unsafe-inline'")) {
    return t('csp-implemented-with-unsafe-inline-in-style-src-only', 0)
  }
  if (fallback?.length === 1 && fallback[0] === "'none'") {
    return t('csp-implemented-with-no-unsafe-default-src-none', 10)
  }
  return t('csp-implemented-with-no-unsafe', 5)
}

export const scoreCookies = (headers: Headers): ObservatoryTest => {
  const cookies = headers.getSetCookie()
  if (!cookies.length) return t('cookies-not-found', 0)
  const attrs = cookies.map((c) => c.toLowerCase())
  if (attrs.some((c) => !/;\s*secure\b/.test(c))) return t('cookies-without-secure-flag', -20)
  if (attrs.some((c) => !/;\s*httponly\b/.test(c))) return t('cookies-secure-with-no-httponly', 0)
  if (attrs.every((c) => /;\s*samesite=(strict|lax)\b/.test(c))) {
    return t('cookies-secure-with-httponly-sessions-and-samesite', 5)
  }
  return t('cookies-secure-with-httponly-sessions', 0)
}

export const scoreCors = (headers: Headers, origin?: string): ObservatoryTest => {
  const acao = headers.get('Access-Control-Allow-Origin')?.trim()
  if (!acao) return t('cross-origin-resource-sharing-not-implemented', 0)
  if (acao === '*') return t('cross-origin-resource-sharing-implemented-with-public-access', 0)
  const credentials = headers.get('Access-Control-Allow-Credentials')?.trim().toLowerCase()
  if (origin && acao === origin && credentials === 'true') {
    return t('cross-origin-resource-sharing-implemented-with-universal-access', -50)
  }
  return t('cross-origin-resource-sharing-implemented-with-restricted-access', 0)
}

const PRIVATE_REFERRER = [
  'no-referrer',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
]
const UNSAFE_REFERRER = ['origin', 'origin-when-cross-origin', 'unsafe-url']

export const scoreReferrer = (header: string | null): ObservatoryTest => {
  if (!header) return t('referrer-policy-not-implemented', 0)
  // Browsers take the last policy they understand.
  const known = header
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) =>
      [...PRIVATE_REFERRER, ...UNSAFE_REFERRER, 'no-referrer-when-downgrade'].includes(p),
    )
  const policy = known.at(-1)
  if (!policy) return t('referrer-policy-header-invalid', -5)
  if (PRIVATE_REFERRER.includes(policy)) return t('referrer-policy-private', 5)
  if (policy === 'no-referrer-when-downgrade')
    return t('referrer-policy-no-referrer-when-downgrade', 0)
  return t('referrer-policy-unsafe', -5)
}

/** Six months, Observatory's bar for HSTS. */
const HSTS_MIN_SECONDS = 15_768_000

export const scoreHsts = (header: string | null): ObservatoryTest => {
  if (!header) return t('hsts-not-implemented', -20)
  const maxAge = /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?\s*(?:;|$)/i.exec(header)
  if (!maxAge) return t('hsts-header-invalid', -20)
  if (Number(maxAge[1]) < HSTS_MIN_SECONDS)
    return t('hsts-implemented-max-age-less-than-six-months', -10)
  // +5 needs the domain on the browsers' preload list, which a header alone cannot show.
  return t('hsts-implemented-max-age-at-least-six-months', 0)
}

export const scoreNosniff = (header: string | null): ObservatoryTest => {
  if (!header) return t('x-content-type-options-not-implemented', -5)
  if (header.trim().toLowerCase() === 'nosniff') return t('x-content-type-options-nosniff', 0)
  return t('x-content-type-options-header-invalid', -5)
}

export const scoreFraming = (headers: Headers): ObservatoryTest => {
  const csp = parseCsp(headers.get('Content-Security-Policy') ?? '')
  if (csp?.has('frame-ancestors')) return t('x-frame-options-implemented-via-csp', 5)
  const xfo = headers.get('X-Frame-Options')?.trim().toLowerCase()
  if (!xfo) return t('x-frame-options-not-implemented', -20)
  if (xfo === 'deny' || xfo === 'sameorigin') return t('x-frame-options-sameorigin-or-deny', 0)
  if (xfo.startsWith('allow-from ')) return t('x-frame-options-allow-from-origin', 0)
  return t('x-frame-options-header-invalid', -20)
}

export const scoreCorp = (header: string | null): ObservatoryTest => {
  if (!header) return t('corp-not-implemented', 0)
  const value = header.trim().toLowerCase()
  if (['same-origin', 'same-site', 'cross-origin'].includes(value)) {
    return t(`corp-implemented-with-${value}`, 0)
  }
  return t('corp-header-invalid', -5)
}

/** Scripts from other origins must carry `integrity` (Subresource Integrity). */
export const scoreSri = (headers: Headers, body: string): ObservatoryTest => {
  if (!(headers.get('Content-Type') ?? '').startsWith('text/html')) {
    return t('sri-not-implemented-response-not-html', 0)
  }
  const scripts = [...body.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1] ?? '')
  const external = scripts
    .map((attrs) => ({ attrs, src: /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1] }))
    .filter((s) => s.src && /^(?:https?:)?\/\//i.test(s.src))
  if (!scripts.length) return t('sri-not-implemented-but-no-scripts-loaded', 0)
  if (!external.length) return t('sri-not-implemented-but-all-scripts-loaded-from-secure-origin', 0)
  const http = external.filter((s) => /^http:/i.test(s.src!))
  const withSri = external.filter((s) => /\bintegrity\s*=/i.test(s.attrs))
  if (withSri.length === external.length) {
    return http.length
      ? t('sri-implemented-but-external-scripts-not-loaded-securely', -20)
      : t('sri-implemented-and-external-scripts-loaded-securely', 5)
  }
  return http.length
    ? t('sri-not-implemented-and-external-scripts-not-loaded-securely', -50)
    : t('sri-not-implemented-but-external-scripts-loaded-securely', -5)
}

/**
 * Scores one response the way the Observatory scores a site's front page.
 * @example expect(observatory(res.headers, body).score).toBeGreaterThanOrEqual(90)
 */
export const observatory = (
  headers: Headers,
  body: string,
  options: ObservatoryOptions = {},
): ObservatoryReport => {
  const tests: Record<string, ObservatoryTest> = {
    'content-security-policy': scoreCsp(headers.get('Content-Security-Policy')),
    cookies: scoreCookies(headers),
    'cross-origin-resource-sharing': scoreCors(headers, options.origin),
    redirection: t('redirection-not-needed-no-http', 0),
    'referrer-policy': scoreReferrer(headers.get('Referrer-Policy')),
    'strict-transport-security': scoreHsts(headers.get('Strict-Transport-Security')),
    'subresource-integrity': scoreSri(headers, body),
    'x-content-type-options': scoreNosniff(headers.get('X-Content-Type-Options')),
    'x-frame-options': scoreFraming(headers),
    'cross-origin-resource-policy': scoreCorp(headers.get('Cross-Origin-Resource-Policy')),
  }
  const modifiers = Object.values(tests).map((test) => test.modifier)
  const base = 100 + modifiers.filter((m) => m < 0).reduce((a, b) => a + b, 0)
  const bonus = base >= 90 ? modifiers.filter((m) => m > 0).reduce((a, b) => a + b, 0) : 0
  const score = Math.max(0, base + bonus)
  const grade = GRADES.find(([min]) => score >= min)![1]
  return { score, grade, tests }
}
