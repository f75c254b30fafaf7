/**
 * @module routes/registry-embed
 * The route registry's entries (src/routes/registry.ts says what they drive) for what sites
 * embed: oEmbed, the embed page, the page of its sources and notes, and the widget script. Kept
 * apart so the registry stays readable; their order is the documentation's.
 */
import { EmbedQuery, OEmbedQuery } from '../embed/schema.ts'
import { EXAMPLE_ORIGIN, EXAMPLE_TIMELINE } from '../openapi/examples.ts'
import { TIMELINE_ID, type RouteEntry } from './route-entry.ts'

const E = `/embed/${EXAMPLE_TIMELINE}`
const EMBED_URL = `${EXAMPLE_ORIGIN}${E}`

export const EMBED_ROUTES: readonly RouteEntry[] = [
  {
    app: 'oembed',
    path: '/oembed',
    link: 'oembed',
    operationId: 'oembed',
    tag: 'Embed',
    summary: 'oEmbed 1.0 (rich type) for a Dateline timeline or embed URL',
    query: OEmbedQuery,
    queryExamples: { url: EMBED_URL },
    queryDescriptions: {
      url: 'A Dateline URL on this origin: /embed/{id}?options, /v1/timelines/{id} or /v1/timelines/{id}/events/{eventId}',
      maxwidth: 'Largest width the consumer can show, in pixels',
      maxheight: 'Largest height the consumer can show, in pixels',
      format: 'json (default); xml is answered with 501 not-implemented',
    },
    ok: {
      description: 'oEmbed JSON',
      body: [{ json: 'OEmbed' }],
      // Names EXAMPLE_ORIGIN: the docs page and the tests put their own origin in.
      examples: [
        {
          summary: 'oEmbed for the example timeline',
          url: `/oembed?url=${encodeURIComponent(EMBED_URL)}`,
        },
      ],
    },
    errors: {
      400: [{ summary: 'No url', url: '/oembed' }],
      404: [
        {
          summary: 'A URL of another site',
          url: `/oembed?url=${encodeURIComponent('https://example.org/embed/x')}`,
        },
      ],
    },
  },
  {
    app: 'embed',
    path: '/embed/{id}',
    link: 'embed',
    operationId: 'embedPage',
    tag: 'Embed',
    summary: 'The timeline as a page made to be framed (iframe src)',
    description:
      'Takes the events filters; presentation options that are invalid fall back to defaults, ' +
      'invalid filters are an HTML error page. Unknown parameters (utm_…) are ignored.',
    params: [TIMELINE_ID],
    query: EmbedQuery,
    queryExamples: { theme: 'dark' },
    queryDescriptions: {
      theme: 'light, dark or auto (the reader’s system); an unknown value falls back to auto',
      lang: 'BCP 47 language of the interface and dates; an invalid tag falls back to the timeline’s',
      focus: 'Id of an event to scroll to and highlight; an unknown id is ignored',
      limit: 'Show at most this many events (1–500)',
    },
    ok: {
      description: 'HTML page with its own strict CSP; framing allowed from any origin',
      body: ['html'],
      headers: ['Content-Security-Policy', 'Content-Language', 'Vary'],
      examples: [
        { summary: 'The widget', url: E },
        { summary: 'Dark, visits only', url: `${E}?theme=dark&kind=visit` },
      ],
    },
    errorPages: {
      400: {
        description: 'An invalid filter, explained inside the frame',
        examples: [{ summary: 'Not a date', url: `${E}?from=yesterday` }],
      },
      404: {
        description: 'No such timeline, explained inside the frame',
        examples: [{ summary: 'No such timeline', url: '/embed/nope' }],
      },
      503: {
        description:
          'The timeline’s data could not be read just now, explained inside the frame ' +
          '(Retry-After, never cached)',
        examples: [],
      },
    },
  },
  {
    app: 'embed',
    path: '/embed/{id}/sources',
    operationId: 'embedSources',
    tag: 'Embed',
    summary: 'The sources and notes of the embed’s events, as a page',
    description:
      'Every shown event’s verbatim quotes (glossed in a translation), sources and editorial ' +
      'notes, one section each (`#sources-{eventId}`). A translated embed loads them from here ' +
      'on demand, and links here without JavaScript. Takes the embed’s options.',
    params: [TIMELINE_ID],
    query: EmbedQuery,
    queryExamples: { lang: 'de' },
    ok: {
      description: 'HTML page with the embed’s CSP; framing allowed from any origin',
      body: ['html'],
      headers: ['Content-Security-Policy', 'Content-Language', 'Vary'],
      examples: [
        { summary: 'In German', url: `${E}/sources?lang=de` },
        { summary: 'The original', url: `${E}/sources` },
      ],
    },
    errorPages: {
      400: {
        description: 'An invalid filter, explained on the page',
        examples: [{ summary: 'Not a date', url: `${E}/sources?from=yesterday` }],
      },
      404: {
        description: 'No such timeline, explained on the page',
        examples: [{ summary: 'No such timeline', url: '/embed/nope/sources' }],
      },
      503: {
        description: 'The timeline’s data could not be read just now (Retry-After, never cached)',
        examples: [],
      },
    },
  },
  {
    app: 'embed',
    path: '/embed.js',
    link: 'widget',
    operationId: 'embedScript',
    tag: 'Embed',
    summary:
      'Loader script: turns each <div data-dateline="id" data-theme=…> into an auto-sized iframe',
    ok: {
      description: 'JavaScript',
      body: ['javascript'],
      examples: [{ summary: 'The loader', url: '/embed.js' }],
    },
    codeOnly: true,
  },
]
