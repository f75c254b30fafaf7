/**
 * @module routes/embed
 * `GET /embed/{id}`: the timeline as a page made for an iframe on any site (framable by any
 * origin, yet with a strict hash-based CSP), and `GET /embed.js`: the widget script that turns
 * placeholders into auto-sized iframes. Errors of the page are HTML pages (status 400/404) so a
 * reader sees a message inside the iframe, not JSON.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import * as z from 'zod/mini'
import { chooseLanguage, varyAcceptLanguage } from '../http/language.ts'
import { EMBED_CSS_HASH, EMBED_JS_HASH, WIDGET_JS } from '../generated/client-assets.ts'
import { EmbedQuery, queryInput } from '../embed/schema.ts'
import { represent, send } from '../http/send.ts'
import { ERROR_CACHE_TAG } from '../http/cache-tags.ts'
import { HTML_TYPE } from '../http/html.ts'
import { stringsFor } from '../i18n/embed-strings.ts'
import { EmbedPage } from '../views/embed/embed-page.tsx'
import { ErrorPage } from '../views/embed/error-page.tsx'
import { renderPage } from '../views/render.ts'
import { embedView } from '../views/embed/model.ts'

/**
 * The embed page's policy: only its own hashed style and script, no plugins, no base or form
 * hijacking, and framing by anyone (that is the point of an embed).
 */
export const EMBED_CSP = [
  "default-src 'none'",
  `script-src ${EMBED_JS_HASH}`,
  `style-src ${EMBED_CSS_HASH}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  'frame-ancestors *',
].join('; ')

/** The widget changes only with a deploy: a day fresh, a week usable while revalidating. */
export const WIDGET_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800'
const ERROR_CACHE_CONTROL = 'public, max-age=60'

/** Theme and language alone, which never fail, for error pages of requests that did. */
const EmbedLook = z.pick(EmbedQuery, { theme: true, lang: true })

const errorPage = (
  c: Context,
  status: 400 | 404,
  pick: (s: ReturnType<typeof stringsFor>['strings']) => string,
  detail?: string,
) => {
  const look = EmbedLook.parse(queryInput(c.req.queries()))
  const { language, strings } = stringsFor(look.lang ?? 'en')
  const body = renderPage(
    <ErrorPage
      lang={language}
      theme={look.theme}
      strings={strings}
      message={pick(strings)}
      detail={detail}
    />,
  )
  return c.body(body, status, {
    'Content-Type': HTML_TYPE,
    'Content-Security-Policy': EMBED_CSP,
    'Cache-Control': ERROR_CACHE_CONTROL,
    'Cache-Tag': ERROR_CACHE_TAG,
  })
}

export const embed = new Hono()
  .get('/embed.js', (c) =>
    send(
      c,
      represent(c, { format: 'js', tags: { kind: 'widget' } }, () => ({
        body: WIDGET_JS,
        contentType: 'text/javascript; charset=utf-8',
        headers: {
          'Cross-Origin-Resource-Policy': 'cross-origin',
          'Access-Control-Allow-Origin': '*',
        },
      })),
      WIDGET_CACHE_CONTROL,
    ),
  )
  .use('/embed/:id', varyAcceptLanguage())
  .get('/embed/:id', async (c) => {
    const id = c.req.param('id')
    const data = c.var.data
    if (!data.hasTimeline(id)) return errorPage(c, 404, (s) => s.notFound)
    const parsed = EmbedQuery.safeParse(queryInput(c.req.queries()))
    // The message names the option and what it accepts; values are never echoed.
    if (!parsed.success)
      return errorPage(c, 400, (s) => s.badOption, parsed.error.issues[0]!.message)
    // Content in the language asked for (or negotiated), interface and dates in the exact
    // locale asked for (`lang=pt-BR`: the original, English words, Portuguese dates).
    const { language } = chooseLanguage({
      lang: parsed.data.lang,
      acceptLanguage: c.req.header('Accept-Language'),
      available: data.languagesOf(id),
    })
    const { timeline } = await data.timeline(id, language)
    const query = { ...parsed.data, lang: parsed.data.lang ?? language }
    if (query.focus && !timeline.byId.has(query.focus)) query.focus = undefined
    const origin = new URL(c.req.url).origin
    const lang = timeline.meta.language
    const tags = { kind: 'embed', timeline: timeline.meta.id }
    const rep = represent(c, { format: 'html', lang, query, tags }, () => ({
      body: renderPage(<EmbedPage view={embedView(timeline, query, { origin })} />),
      contentType: HTML_TYPE,
      headers: { 'Content-Security-Policy': EMBED_CSP, 'Content-Language': lang },
    }))
    return send(c, rep)
  })
