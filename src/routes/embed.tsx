/**
 * @module routes/embed
 * `GET /embed/{id}`: the timeline as a page made for an iframe on any site (framable by any
 * origin, yet with a strict hash-based CSP); `GET /embed/{id}/sources`: the sources and notes of
 * its events, which a translated page loads on demand; and `GET /embed.js`: the widget script
 * that turns placeholders into auto-sized iframes. Errors of the page are HTML pages (status 400/404, and 503
 * when the data tier cannot read the timeline) so a reader sees a message inside the iframe, not
 * JSON.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import * as z from 'zod/mini'
import { chooseLanguage, varyAcceptLanguage } from '../http/language.ts'
import {
  EMBED_CSS_HASH,
  EMBED_JS_HASH,
  SOURCES_JS_HASH,
  WIDGET_JS,
} from '../generated/client-assets.ts'
import { EmbedQuery, queryInput } from '../embed/schema.ts'
import { represent, send } from '../http/send.ts'
import { ERROR_CACHE_TAG } from '../http/cache-tags.ts'
import { HTML_TYPE } from '../http/html.ts'
import { ProblemException } from '../http/problem.ts'
import { stringsFor } from '../i18n/embed-strings.ts'
import { EmbedPage } from '../views/embed/embed-page.tsx'
import { ErrorPage } from '../views/embed/error-page.tsx'
import { renderPage } from '../views/render.ts'
import { embedView, type EmbedView } from '../views/embed/model.ts'
import { SourcesPage } from '../views/embed/sources.tsx'
import type { JSX } from 'hono/jsx/jsx-runtime'

/**
 * The embed page's policy: only its own hashed style and script, no plugins, no base or form
 * hijacking, and framing by anyone (that is the point of an embed).
 */
export const EMBED_CSP = [
  "default-src 'none'",
  `script-src ${EMBED_JS_HASH} ${SOURCES_JS_HASH}`,
  `style-src ${EMBED_CSS_HASH}`,
  "img-src 'self' data:",
  // A translated page fetches its sources and notes from its own origin (views/embed/sources.tsx).
  "connect-src 'self'",
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
  status: 400 | 404 | 503,
  pick: (s: ReturnType<typeof stringsFor>['strings']) => string,
  detail?: string,
  retryAfter?: string,
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
    ...(status === 503
      ? // A fault of the data tier, not of the request: never kept, asked again soon.
        { 'Cache-Control': 'no-store', 'Retry-After': String(retryAfter ?? 30) }
      : { 'Cache-Control': ERROR_CACHE_CONTROL, 'Cache-Tag': ERROR_CACHE_TAG }),
  })
}

/**
 * The timeline in `language`, or the reader's own error page (503, in the reader's language)
 * when its data cannot be read just now: a reader sees a message in the iframe, not JSON.
 */
const loadTimeline = async (c: Context, id: string, language: string) => {
  try {
    return (await c.var.data.timeline(id, language)).timeline
  } catch (error) {
    if (!(error instanceof ProblemException) || error.status !== 503) throw error
    return errorPage(c, 503, (s) => s.unavailable, undefined, error.init.headers?.['Retry-After'])
  }
}

/**
 * An embed page (the timeline, or its sources and notes) for the request's timeline and options:
 * the reader's error page for an unknown timeline or an invalid filter, else `render`'s page,
 * built once per cache entry.
 */
const embedPage = async (c: Context, kind: string, render: (view: EmbedView) => JSX.Element) => {
  const id = c.req.param('id')!
  const data = c.var.data
  if (!data.hasTimeline(id)) return errorPage(c, 404, (s) => s.notFound)
  const parsed = EmbedQuery.safeParse(queryInput(c.req.queries()))
  // The message names the option and what it accepts; values are never echoed.
  if (!parsed.success) return errorPage(c, 400, (s) => s.badOption, parsed.error.issues[0]!.message)
  // Content in the language asked for (or negotiated), interface and dates in the exact
  // locale asked for (`lang=pt-BR`: the original, English words, Portuguese dates).
  const { language } = chooseLanguage({
    lang: parsed.data.lang,
    acceptLanguage: c.req.header('Accept-Language'),
    available: data.languagesOf(id),
  })
  const timeline = await loadTimeline(c, id, language)
  if (timeline instanceof Response) return timeline
  const query = { ...parsed.data, lang: parsed.data.lang ?? language }
  if (query.focus && !timeline.byId.has(query.focus)) query.focus = undefined
  const origin = new URL(c.req.url).origin
  const lang = timeline.meta.language
  const tags = { kind, timeline: timeline.meta.id }
  const rep = represent(c, { format: 'html', lang, query, tags }, () => ({
    body: renderPage(render(embedView(timeline, query, { origin }))),
    contentType: HTML_TYPE,
    headers: { 'Content-Security-Policy': EMBED_CSP, 'Content-Language': lang },
  }))
  return send(c, rep)
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
  .get('/embed/:id', (c) => embedPage(c, 'embed', (view) => <EmbedPage view={view} />))
  .use('/embed/:id/sources', varyAcceptLanguage())
  .get('/embed/:id/sources', (c) =>
    embedPage(c, 'embed-sources', (view) => <SourcesPage view={view} />),
  )
