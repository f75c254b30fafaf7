/**
 * @module routes/oembed
 * `GET /oembed?url=…`: oEmbed 1.0 for this service's own timeline and embed URLs, as a `rich`
 * response whose `html` is the auto-sizing iframe. The URL is recognised by exact origin and path
 * (see embed/parse-url.ts) and the iframe is rebuilt from its parsed parts.
 */
import { Hono } from 'hono'
import type { DataStore } from '../data/store.ts'
import type { IndexedTimeline } from '../model/dataset.ts'
import { chooseLanguage } from '../http/language.ts'
import { OEmbedQuery, queryInput } from '../embed/schema.ts'
import { embedSearch, escapeAttr } from '../embed/options.ts'
import { parseEmbeddableUrl, type TimelineLookup } from '../embed/parse-url.ts'
import { embedPath, HOME_PATH, WIDGET_PATH } from '../urls.ts'
import { ProblemException } from '../http/problem.ts'
import { sendJson } from '../http/send.ts'

/** Preferred iframe size; the widget script resizes it to the content afterwards. */
export const DEFAULT_WIDTH = 640
export const DEFAULT_HEIGHT = 800
export const MAX_WIDTH = 1200
/** How long consumers may cache the answer (seconds). */
export const OEMBED_CACHE_AGE = 86400

/**
 * The lookup the URL is recognised with. Events are known only from a loaded timeline, so the
 * route loads the one timeline the URL names first (see {@link namedTimeline}).
 */
const lookup = (data: DataStore, loaded?: IndexedTimeline): TimelineLookup => ({
  hasTimeline: (id) => data.hasTimeline(id),
  hasEvent: (timelineId, eventId) =>
    loaded?.meta.id === timelineId ? loaded.byId.has(eventId) : false,
})

/**
 * The listed timeline a URL names, if any, in its own language: recognition runs once with a
 * lookup that notes the id asked for, so the id is found exactly as the recogniser finds it.
 */
const namedTimeline = async (data: DataStore, url: string, origin: string) => {
  let named: string | undefined
  parseEmbeddableUrl(url, origin, {
    hasTimeline: (id) => data.hasTimeline(id) && ((named = id), true),
    hasEvent: () => true,
  })
  return named === undefined ? undefined : (await data.timeline(named)).timeline
}

/**
 * The markup consumers paste: the iframe (scrollable without JavaScript) and the widget script
 * that sizes it.
 * @example oembedHtml('https://d.example', '/embed/x', 'Title', 640, 800)
 */
export const oembedHtml = (
  origin: string,
  path: string,
  title: string,
  width: number,
  height: number,
): string =>
  `<iframe src="${escapeAttr(origin + path)}" title="${escapeAttr(title)}" width="${width}" ` +
  `height="${height}" loading="lazy" style="display:block;border:0;width:100%;max-width:${width}px" ` +
  `data-dateline-frame></iframe><script async src="${escapeAttr(origin + WIDGET_PATH)}"></script>`

export const oembed = new Hono().get('/oembed', async (c) => {
  const parsed = OEmbedQuery.safeParse(queryInput(c.req.queries()))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ProblemException({
      status: 400,
      type: 'invalid-parameter',
      detail: issue.message,
      extensions: { parameter: String(issue.path[0] ?? '') },
    })
  }
  const { url, maxwidth, maxheight, format } = parsed.data
  if (format !== undefined && format !== 'json') {
    throw new ProblemException({
      status: 501,
      type: 'not-implemented',
      detail: 'oEmbed is served as JSON only; use format=json or leave format out',
    })
  }
  const origin = new URL(c.req.url).origin
  const data = c.var.data
  const verdict = parseEmbeddableUrl(
    url,
    origin,
    lookup(data, await namedTimeline(data, url, origin)),
  )
  if (!verdict.ok && verdict.reason === 'foreign') {
    throw new ProblemException({
      status: 404,
      type: 'not-found',
      detail: `"url" is not a Dateline timeline here; give ${origin}/embed/{id} or ${origin}/v1/timelines/{id}`,
    })
  }
  if (!verdict.ok) {
    throw new ProblemException({
      status: 400,
      type: 'invalid-parameter',
      detail: `The embed options in "url" are invalid: ${verdict.detail}`,
      extensions: { parameter: 'url' },
    })
  }
  const { timelineId, query: asked } = verdict.url
  // The snippet names its content language (the URL's, or the original), so the iframe is one
  // URL per language and its title is in that language.
  const { language } = chooseLanguage({
    lang: asked.lang,
    available: data.languagesOf(timelineId),
  })
  const query = { ...asked, lang: asked.lang ?? language }
  const { timeline } = await data.timeline(timelineId, language)
  // Without a maximum, the preferred width; with one, as wide as allowed (the iframe is fluid).
  const width = maxwidth === undefined ? DEFAULT_WIDTH : Math.min(maxwidth, MAX_WIDTH)
  const height = Math.min(maxheight ?? DEFAULT_HEIGHT, DEFAULT_HEIGHT)
  const target = { timeline: timelineId, embed: embedSearch(query), width, height }
  const tags = { kind: 'oembed', timeline: timelineId }
  return sendJson(c, { query: target, tags }, () => ({
    version: '1.0',
    type: 'rich',
    title: timeline.meta.title,
    provider_name: 'Dateline',
    provider_url: `${origin}${HOME_PATH}`,
    cache_age: OEMBED_CACHE_AGE,
    width,
    height,
    html: oembedHtml(origin, embedPath(timelineId, query), timeline.meta.title, width, height),
  }))
})
