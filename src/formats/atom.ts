/**
 * @module formats/atom
 * Atom (RFC 4287) feed of an event query, paged with RFC 5005 `first`/`next`/`previous` links.
 *
 * Hand-written: a feed is a fixed template over escaped text, and XML builders (fast-xml-parser's
 * builder, xmlbuilder2) cost 10–60 KB gzip in the Worker for what `escapeXml` does here. The test
 * suite parses the output with fast-xml-parser and checks RFC 4287's required elements.
 *
 * Entries carry the event's dates as a DCMI Period in `dcterms:temporal` (start/end at the event's
 * precision, W3C-DTF), its main place as a GeoRSS point, and `updated` is the timeline's review
 * date: events have no publication time of their own, and the clock would change the bytes.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import {
  displayDate,
  embedUrl,
  escapeXml,
  eventApiUrl,
  eventUrl,
  reviewedInstant,
} from './common.ts'
import type { FormatInput } from './common.ts'
import { docsPath, HOME_PATH } from '../urls.ts'

const ATOM_NS = 'http://www.w3.org/2005/Atom'
const GEORSS_NS = 'http://www.georss.org/georss'
const DCTERMS_NS = 'http://purl.org/dc/terms/'

/** DCMI Period (https://www.dublincore.org/specifications/dublin-core/dcmi-period/). */
const period = (e: ResolvedEvent) =>
  `start=${e.date.start}; end=${e.date.end ?? e.date.start}; scheme=W3C-DTF`

/** The entry's HTML content, escaped once here and once more as element text. */
const contentHtml = (e: ResolvedEvent) =>
  [
    `<p>${escapeXml(displayDate(e))}</p>`,
    `<p>${escapeXml(e.summary)}</p>`,
    ...e.citations.map(
      (c) =>
        `<blockquote cite="${escapeXml(c.source.url)}"><p>${escapeXml(c.quote)}</p></blockquote>` +
        `<p>— ${escapeXml(c.source.publisher)}, <a href="${escapeXml(c.source.url)}">${escapeXml(c.source.headline)}</a></p>`,
    ),
  ].join('')

const entry = (e: ResolvedEvent, input: FormatInput, updated: string): string => {
  const place = e.places[0]
  const lines = [
    '<entry>',
    `<id>${escapeXml(eventApiUrl(input.origin, input.timeline.id, e.id))}</id>`,
    `<title type="text">${escapeXml(e.title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(eventUrl(input.origin, input.timeline.id, e.id))}"/>`,
    ...e.citations.map(
      (c) =>
        `<link rel="related" type="text/html" href="${escapeXml(c.source.url)}" title="${escapeXml(c.source.headline)}"/>`,
    ),
    `<summary type="text">${escapeXml(e.summary)}</summary>`,
    `<content type="html">${escapeXml(contentHtml(e))}</content>`,
    `<category term="${escapeXml(e.kind)}" scheme="${escapeXml(`${input.origin}${docsPath('kind')}`)}"/>`,
    ...e.tags.map(
      (t) =>
        `<category term="${escapeXml(t)}" scheme="${escapeXml(`${input.origin}${docsPath('tag')}`)}"/>`,
    ),
    ...e.participants.map(
      (p) => `<contributor><name>${escapeXml(p.actor.name)}</name></contributor>`,
    ),
    `<dcterms:temporal>${escapeXml(period(e))}</dcterms:temporal>`,
    ...(place
      ? [`<georss:point>${place.coordinates.lat} ${place.coordinates.lon}</georss:point>`]
      : []),
    '</entry>',
  ]
  return lines.join('\n')
}

/**
 * The events as an Atom feed document.
 * @example toAtom({ timeline, events, origin: 'https://dateline.example', links, total })
 */
export const toAtom = (input: FormatInput): string => {
  const { timeline, links } = input
  const updated = reviewedInstant(timeline)
  const link = (rel: string, href: string | undefined, type = 'application/atom+xml') =>
    href ? [`<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`] : []
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NS}" xmlns:georss="${GEORSS_NS}" xmlns:dcterms="${DCTERMS_NS}" xml:lang="${escapeXml(timeline.language)}">`,
    // The first page's URL names the feed: every page of one query is the same logical feed.
    `<id>${escapeXml(links.first)}</id>`,
    `<title type="text">${escapeXml(timeline.title)}</title>`,
    `<subtitle type="text">${escapeXml(timeline.description)}</subtitle>`,
    `<updated>${updated}</updated>`,
    `<author><name>Dateline</name><uri>${escapeXml(input.origin + HOME_PATH)}</uri></author>`,
    `<rights type="text">${escapeXml(timeline.attribution)}</rights>`,
    `<generator uri="${escapeXml(input.origin + HOME_PATH)}">Dateline</generator>`,
    ...link('self', links.self),
    ...link('alternate', embedUrl(input.origin, timeline.id), 'text/html'),
    ...link('first', links.first),
    ...link('next', links.next),
    ...link('previous', links.prev),
    ...input.events.map((e) => entry(e, input, updated)),
    '</feed>',
    '',
  ].join('\n')
}
