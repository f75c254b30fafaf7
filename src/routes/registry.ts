/**
 * @module routes/registry
 * Every route the Worker serves, in one table: where its sub-app is mounted (src/index.ts mounts
 * from {@link MOUNTS}), the name it has in the API index's `links` (src/routes/home.ts) and what
 * `/openapi.json` says about it (src/openapi/ builds each path from its entry). To add a route,
 * add its handler to a sub-app and its entry here; tests/worker/openapi.test.ts fails if the
 * app serves a path this table does not describe, or the other way round.
 *
 * What an entry holds is in src/routes/route-entry.ts. Pure data: it imports no handler, so the
 * handlers (home, docs) can read it without a cycle.
 */
import { FORMAT_SPECS } from '../formats/registry.ts'
import { EventListQuery, NoQuery } from '../query/schema.ts'
import {
  EXAMPLE_ACTOR,
  EXAMPLE_EVENT,
  EXAMPLE_PLACE,
  EXAMPLE_TIMELINE,
  type ExampleLink,
} from '../openapi/examples.ts'
import { BUILD_ASSET_CACHE_CONTROL } from '../http/send.ts'
import { requiredQuery, resource, TIMELINE_ID, type RouteEntry } from './route-entry.ts'
import { EMBED_ROUTES } from './registry-embed.ts'

/** Where each sub-app is mounted, in mount order (the order the router tries them). */
export const MOUNTS = {
  home: '/',
  v1Index: '/v1',
  timelines: '/v1/timelines',
  actors: '/v1/actors',
  places: '/v1/places',
  docs: '/',
  embed: '/',
  oembed: '/',
} as const
export type SubApp = keyof typeof MOUNTS

const T = `/v1/timelines/${EXAMPLE_TIMELINE}`

/** The events query's examples: filters, then each negotiable format by `?format=`. */
const EVENT_EXAMPLES: ExampleLink[] = [
  { summary: 'Visits and meetings', url: `${T}/events?kind=visit,meeting` },
  { summary: 'Wang Yi, from 18 February', url: `${T}/events?actor=wang-yi&from=2023-02-18` },
  { summary: 'Search, newest first, 5 per page', url: `${T}/events?q=munich&sort=desc&limit=5` },
  { summary: 'Sparse fieldset', url: `${T}/events?fields=title,date&limit=3` },
  { summary: 'In German (machine translation)', url: `${T}/events?lang=de&limit=3` },
  // Formats sharing JSON's media type (TimelineJS) are exemplified on their extension path, so
  // every example here answers with the schema documented for its media type.
  ...FORMAT_SPECS.filter((f) => f.format !== 'json' && f.negotiable).map((f) => ({
    summary: f.label,
    url: `${T}/events?format=${f.format}`,
    media: f.mediaType,
  })),
]

/** `/v1/timelines/{id}/events.{extension}`: one path per format, as the router serves them. */
const EVENT_FILES: RouteEntry[] = FORMAT_SPECS.flatMap((spec) =>
  spec.extensions.map((ext) => ({
    app: 'timelines' as const,
    path: `/v1/timelines/{id}/events.${ext}`,
    operationId: `listEvents_${ext.replace(/\W/g, '_')}`,
    tag: 'Formats' as const,
    summary: `Events as ${spec.label}`,
    description: `Same query as \`/events\`, always as ${spec.label} (${spec.spec}).`,
    params: [TIMELINE_ID],
    query: EventListQuery,
    undocumentedQuery: ['format'],
    ok: {
      description: spec.label,
      body: [{ format: spec.format }],
      headers: [
        'Content-Disposition',
        'Content-Language',
        'Link',
        'X-Total-Count',
        'Vary',
      ] as const,
      examples: [{ summary: spec.label, url: `${T}/events.${ext}` }],
    },
    errors: {
      400: [],
      404: [{ summary: 'No such timeline', url: `/v1/timelines/nope/events.${ext}` }],
    },
  })),
)

/** Every route, in the order of `/openapi.json` and of the index's `links`. */
export const ROUTES: readonly RouteEntry[] = [
  resource({
    app: 'home',
    path: '/',
    operationId: 'home',
    tag: 'Discovery',
    summary:
      'Entry point: JSON index for API clients, the landing page for browsers (Accept: text/html)',
    schema: 'ApiIndex',
    html: true,
  }),
  resource({
    app: 'v1Index',
    path: '/v1',
    link: 'self',
    operationId: 'apiIndex',
    tag: 'Discovery',
    summary: 'Entry point: links to every resource',
    schema: 'ApiIndex',
  }),
  resource({
    app: 'timelines',
    path: '/v1/timelines',
    lang: true,
    link: 'timelines',
    operationId: 'listTimelines',
    tag: 'Timelines',
    summary: 'Timelines',
    schema: 'TimelineList',
  }),
  resource({
    app: 'timelines',
    path: '/v1/timelines/{id}',
    lang: true,
    operationId: 'getTimeline',
    tag: 'Timelines',
    summary: 'A whole timeline: metadata, sources and every event',
    params: [TIMELINE_ID],
    schema: 'Timeline',
  }),
  {
    app: 'timelines',
    path: '/v1/timelines/{id}/card.png',
    link: 'card',
    operationId: 'getTimelineCard',
    tag: 'Timelines',
    summary: 'The timeline’s social card: its title, dates and time axis as a 1200 × 630 PNG',
    description:
      'The picture a shared link to the embed or the landing page previews as (`og:image`). ' +
      'Rendered when the Worker is built, from the same drawing as `events.svg`. Browsers and ' +
      'crawlers may keep it a day, shared caches a week (`Cache-Control: ' +
      `${BUILD_ASSET_CACHE_CONTROL}\`): it changes only with a deploy.`,
    params: [TIMELINE_ID],
    query: NoQuery,
    ok: {
      description: 'PNG image, 1200 × 630',
      body: ['png'],
      examples: [{ summary: 'The card', url: `${T}/card.png` }],
    },
    errors: {
      400: [{ summary: 'No parameters are accepted', url: `${T}/card.png?limit=1` }],
      404: [{ summary: 'No such timeline', url: '/v1/timelines/nope/card.png' }],
    },
  },
  {
    app: 'timelines',
    path: '/v1/timelines/{id}/events',
    link: 'events',
    operationId: 'listEvents',
    tag: 'Events',
    summary: 'Events of a timeline: filtered, sorted, paged, in any format',
    description:
      'Values of one parameter are OR-ed, different parameters AND-ed; dates match by overlap. ' +
      'The representation is chosen by `format`, the Accept header, or a file extension ' +
      '(`/events.ics`). Paging is by opaque cursor: follow `links.next` or the `Link` header.',
    params: [TIMELINE_ID],
    query: EventListQuery,
    queryExamples: { kind: ['visit', 'meeting'], from: '2023-02-18' },
    ok: {
      description: 'A page of events (JSON) or all matching events in another format',
      body: ['events'],
      headers: ['Link', 'X-Total-Count', 'Content-Disposition', 'Content-Language', 'Vary'],
      examples: EVENT_EXAMPLES,
    },
    errors: {
      400: [
        { summary: 'An unknown kind', url: `${T}/events?kind=party` },
        { summary: 'Not a date', url: `${T}/events?from=yesterday` },
        { summary: 'An unknown parameter', url: `${T}/events?colour=red` },
      ],
      404: [{ summary: 'No such timeline', url: '/v1/timelines/nope/events' }],
      406: [],
    },
  },
  ...EVENT_FILES,
  resource({
    app: 'timelines',
    path: '/v1/timelines/{id}/events/{eventId}',
    lang: true,
    link: 'event',
    operationId: 'getEvent',
    tag: 'Events',
    summary: 'One event with its neighbours in time and related events',
    params: [TIMELINE_ID, { name: 'eventId', description: 'Event id', example: EXAMPLE_EVENT }],
    schema: 'EventDocument',
  }),
  resource({
    app: 'actors',
    path: '/v1/actors',
    link: 'actors',
    operationId: 'listActors',
    tag: 'Entities',
    summary: 'Actors',
    schema: 'ActorList',
    lang: true,
  }),
  resource({
    app: 'actors',
    path: '/v1/actors/{id}',
    link: 'actor',
    operationId: 'getActor',
    tag: 'Entities',
    summary: 'An actor and every event it takes part in',
    params: [{ name: 'id', description: 'Actor id', example: EXAMPLE_ACTOR }],
    schema: 'ActorDocument',
    lang: true,
  }),
  resource({
    app: 'places',
    path: '/v1/places',
    link: 'places',
    operationId: 'listPlaces',
    tag: 'Entities',
    summary: 'Places',
    schema: 'PlaceList',
    lang: true,
  }),
  resource({
    app: 'places',
    path: '/v1/places/{id}',
    link: 'place',
    operationId: 'getPlace',
    tag: 'Entities',
    summary: 'A place and every event held there',
    params: [{ name: 'id', description: 'Place id', example: EXAMPLE_PLACE }],
    schema: 'PlaceDocument',
    lang: true,
  }),
  {
    app: 'docs',
    path: '/openapi.json',
    link: 'openapi',
    operationId: 'openapi',
    tag: 'Discovery',
    summary: 'This document',
    query: NoQuery,
    ok: {
      description: 'OpenAPI 3.1',
      body: ['json'],
      examples: [{ summary: 'OpenAPI', url: '/openapi.json' }],
    },
    errors: { 400: [] },
    codeOnly: true,
  },
  {
    app: 'docs',
    path: '/docs',
    link: 'docs',
    operationId: 'docs',
    tag: 'Discovery',
    summary: 'Human documentation, rendered from this document; works offline',
    query: NoQuery,
    ok: {
      description: 'HTML',
      body: ['html'],
      headers: ['Content-Security-Policy'],
      examples: [{ summary: 'Docs', url: '/docs' }],
    },
    errors: { 400: [] },
    codeOnly: true,
  },
  // The embed's routes: the page, its sources, oEmbed and the widget (registry-embed.ts).
  ...EMBED_ROUTES,
]

/**
 * `links` of the API index: each linked route's path, with its required query as a template.
 * @example API_LINKS.oembed // '/oembed?url={url}'
 */
export const API_LINKS: Readonly<Record<string, string>> = Object.fromEntries(
  ROUTES.flatMap((r) => (r.link ? [[r.link, r.path + requiredQuery(r.query)]] : [])),
)
