/**
 * @module http/language
 * Picks the content language of a request: an explicit `lang` wins; else `Accept-Language`
 * (RFC 9110 §12.5.4) with q-values, matched by RFC 4647 §3.4 lookup (`fr-CH` → `fr`,
 * `zh-Hans-CN` → `zh-Hans` → `zh`) against the languages on offer; else, and for anything not on
 * offer, the original. Never a 406: a reader is better served by the original than by an error.
 *
 * The header is reduced to a language on offer before anything is keyed, so the cache holds one
 * entry per language, not one per header spelling. Hand-written: Hono's `languageDetector` picks
 * by exact or primary-subtag match only and sets a cookie; lookup with truncation is a few lines.
 * The languages on offer are passed in: nothing in `http/` reads the data.
 */
import type { MiddlewareHandler } from 'hono'

/** Most language ranges of one header looked at: real browsers send fewer than ten. */
const MAX_RANGES = 20

/**
 * RFC 4647 lookup of one tag: the longest prefix (cut at hyphens, a single-letter subtag going
 * with its successor) that is on offer, case-insensitively.
 * @example lookupLanguage('zh-Hans-CN', ['en', 'zh']) // 'zh'
 */
export const lookupLanguage = (tag: string, available: readonly string[]): string | undefined => {
  const offers = new Map(available.map((a) => [a.toLowerCase(), a]))
  let range = tag.toLowerCase()
  while (range) {
    const hit = offers.get(range)
    if (hit) return hit
    const cut = range.lastIndexOf('-')
    if (cut < 0) return undefined
    range = range.slice(0, cut)
    if (range.length >= 2 && range[range.length - 2] === '-') range = range.slice(0, -2)
  }
  return undefined
}

/**
 * The language ranges of an `Accept-Language` header, best first (stable on ties), q=0 dropped.
 * @example acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8') // ['fr-CH', 'fr', 'en']
 */
export const acceptedLanguages = (header: string): string[] =>
  header
    .split(',')
    .slice(0, MAX_RANGES)
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';')
      const qParam = params.map((p) => p.trim()).find((p) => /^q=/i.test(p))
      const q = qParam ? Number(qParam.slice(2)) : 1
      return { range: range.trim(), q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((r) => r.q > 0 && /^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(r.range))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((r) => r.range)

export interface LanguageChoice {
  /** A language on offer (the original when nothing else fits). */
  language: string
  /** True when `Accept-Language` decided (no explicit `lang`). */
  negotiated: boolean
}

/**
 * The content language of a request.
 * @example chooseLanguage({ acceptLanguage: 'fr-CH', available: ['en', 'fr'] }) // { language: 'fr', negotiated: true }
 */
export const chooseLanguage = ({
  lang,
  acceptLanguage,
  available,
}: {
  /** The validated, canonical `lang` parameter. */
  lang?: string
  acceptLanguage?: string
  /** The original first. */
  available: readonly string[]
}): LanguageChoice => {
  const original = available[0]!
  if (lang !== undefined) {
    return { language: lookupLanguage(lang, available) ?? original, negotiated: false }
  }
  for (const range of acceptedLanguages(acceptLanguage ?? '')) {
    if (range === '*') break
    const hit = lookupLanguage(range, available)
    if (hit) return { language: hit, negotiated: true }
  }
  return { language: original, negotiated: true }
}

/**
 * Adds `Accept-Language` to `Vary` on every response of a resource whose language may be
 * negotiated (200, 304 and problems alike), as `varyAccept` does for `Accept`. A URL with an
 * explicit `lang` is not negotiated (an explicit `lang` always wins, even a malformed one is a
 * 400 for every header), so it sends no `Vary`: edge caches keep one copy of it, not one per
 * reader's header.
 * @example timelines.use('/:id', varyAcceptLanguage())
 */
export const varyAcceptLanguage = (): MiddlewareHandler =>
  async function varyAcceptLanguage(c, next) {
    await next()
    if (c.req.query('lang') !== undefined) return
    const vary = c.res.headers.get('Vary')
    if (!vary) c.res.headers.set('Vary', 'Accept-Language')
    else if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(vary))
      c.res.headers.set('Vary', `${vary}, Accept-Language`)
  }
