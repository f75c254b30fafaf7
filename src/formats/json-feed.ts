/**
 * @module formats/json-feed
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): feed readers that speak JSON rather than
 * XML. Built as a plain object and `JSON.stringify`-ed; no library needed.
 *
 * Items' `id` is the event's API URL (stable across pages and hosts' paths), `url` its deep link
 * on the embed page, `external_url` the first cited article. Event dates have no JSON Feed field,
 * so they travel in the `_dateline` extension object (§ "Extensions": keys starting with `_`);
 * `date_modified` is the timeline's review date, never the clock.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import { citationLines, embedUrl, eventApiUrl, eventUrl, reviewedInstant } from './common.ts'
import type { FormatInput } from './common.ts'
import { docsPath, HOME_PATH } from '../urls.ts'

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

const item = (e: ResolvedEvent, input: FormatInput, modified: string) => {
  const source = e.citations[0]?.source
  return {
    id: eventApiUrl(input.origin, input.timeline.id, e.id),
    url: eventUrl(input.origin, input.timeline.id, e.id),
    ...(source ? { external_url: source.url } : {}),
    title: e.title,
    summary: e.summary,
    content_text: [e.summary, ...citationLines(e)].join('\n\n'),
    date_modified: modified,
    tags: [e.kind, ...e.tags],
    language: input.timeline.language,
    _dateline: {
      about: `${input.origin}${docsPath('formats')}`,
      id: e.id,
      date: e.date,
      status: e.status,
      places: e.places.map((p) => ({ id: p.id, name: p.name, coordinates: p.coordinates })),
      participants: e.participants.map((p) => ({
        id: p.actor.id,
        name: p.actor.name,
        role: p.role,
      })),
      citations: e.citations.map((c) => ({
        quote: c.quote,
        publisher: c.source.publisher,
        headline: c.source.headline,
        url: c.source.url,
        published: c.source.published,
      })),
    },
  }
}

/**
 * The events as a JSON Feed 1.1 document (a string).
 * @example JSON.parse(toJsonFeed(input)).version // 'https://jsonfeed.org/version/1.1'
 */
export const toJsonFeed = (input: FormatInput): string => {
  const modified = reviewedInstant(input.timeline)
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: input.timeline.title,
    home_page_url: embedUrl(input.origin, input.timeline.id),
    feed_url: input.links.self,
    description: input.timeline.description,
    ...(input.links.next ? { next_url: input.links.next } : {}),
    authors: [{ name: 'Dateline', url: `${input.origin}${HOME_PATH}` }],
    language: input.timeline.language,
    items: input.events.map((e) => item(e, input, modified)),
  })
}
