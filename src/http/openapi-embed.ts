/**
 * @module http/openapi-embed
 * The widget's operations in `/openapi.json`: the iframe page, the loader script and oEmbed.
 * Query parameters come from the embed's own zod/mini schemas (src/embed/schema.ts).
 */
import { EmbedQuery, OEmbedQuery } from '../embed/schema.ts'
import { pathParameter, queryParameters } from './openapi-params.ts'
import { EXAMPLE_ORIGIN, NOT_MODIFIED, ok, problems, type ExampleLink } from './openapi-common.ts'
import { ref } from './openapi-responses.ts'

const EXAMPLE = 'wang-yi-moscow-2023'
const EMBED_URL = `${EXAMPLE_ORIGIN}/embed/${EXAMPLE}`

const EMBED_DESCRIPTIONS = {
  theme: 'light, dark or auto (the reader’s system); an unknown value falls back to auto',
  lang: 'BCP 47 language of the interface and dates; an invalid tag falls back to the timeline’s',
  focus: 'Id of an event to scroll to and highlight; an unknown id is ignored',
  limit: 'Show at most this many events (1–500)',
}

const OEMBED_DESCRIPTIONS = {
  url: 'A Dateline URL on this origin: /embed/{id}?options, /v1/timelines/{id} or /v1/timelines/{id}/events/{eventId}',
  maxwidth: 'Largest width the consumer can show, in pixels',
  maxheight: 'Largest height the consumer can show, in pixels',
  format: 'json (default); xml is answered with 501 not-implemented',
}

/** An HTML error page (the embed shows errors inside the iframe, not as JSON). */
const htmlError = (description: string, links: readonly ExampleLink[]) => ({
  description,
  content: {
    'text/html': {
      schema: { type: 'string' },
      examples: Object.fromEntries(
        links.map((link, i) => [
          `example${i + 1}`,
          { summary: link.summary, externalValue: link.url },
        ]),
      ),
    },
  },
})

/**
 * Paths of the embed routes.
 * @example Object.keys(EMBED_OPERATIONS()) // ['/embed/{id}', '/embed.js', '/oembed']
 */
export const EMBED_OPERATIONS = () => ({
  '/embed/{id}': {
    get: {
      operationId: 'embedPage',
      tags: ['Embed'],
      summary: 'The timeline as a page made to be framed (iframe src)',
      description:
        'Takes the events filters; presentation options that are invalid fall back to defaults, ' +
        'invalid filters are an HTML error page. Unknown parameters (utm_…) are ignored.',
      parameters: [
        pathParameter('id', 'Timeline id', EXAMPLE),
        ...queryParameters(EmbedQuery, { theme: 'dark' }, EMBED_DESCRIPTIONS),
      ],
      responses: {
        '200': ok(
          'HTML page with its own strict CSP; framing allowed from any origin',
          { 'text/html': { type: 'string' } },
          ['Content-Security-Policy'],
          [
            { summary: 'The widget', url: `/embed/${EXAMPLE}` },
            { summary: 'Dark, visits only', url: `/embed/${EXAMPLE}?theme=dark&kind=visit` },
          ],
        ),
        '304': NOT_MODIFIED,
        '400': htmlError('An invalid filter, explained inside the frame', [
          { summary: 'Not a date', url: `/embed/${EXAMPLE}?from=yesterday` },
        ]),
        '404': htmlError('No such timeline, explained inside the frame', [
          { summary: 'No such timeline', url: '/embed/nope' },
        ]),
        ...problems({}),
      },
    },
  },
  '/embed.js': {
    get: {
      operationId: 'embedScript',
      tags: ['Embed'],
      summary:
        'Loader script: turns each <div data-dateline="id" data-theme=…> into an auto-sized iframe',
      parameters: [],
      responses: {
        '200': ok(
          'JavaScript',
          { 'text/javascript': { type: 'string' } },
          [],
          [{ summary: 'The loader', url: '/embed.js' }],
        ),
        '304': NOT_MODIFIED,
        ...problems({}),
      },
    },
  },
  '/oembed': {
    get: {
      operationId: 'oembed',
      tags: ['Embed'],
      summary: 'oEmbed 1.0 (rich type) for a Dateline timeline or embed URL',
      parameters: queryParameters(OEmbedQuery, { url: EMBED_URL }, OEMBED_DESCRIPTIONS),
      responses: {
        '200': ok(
          'oEmbed JSON',
          { 'application/json': ref('OEmbed') },
          [],
          [
            // Names EXAMPLE_ORIGIN: the docs page and the tests put their own origin in.
            {
              summary: 'oEmbed for the example timeline',
              url: `/oembed?url=${encodeURIComponent(EMBED_URL)}`,
            },
          ],
        ),
        '304': NOT_MODIFIED,
        ...problems({
          BadRequest: [{ summary: 'No url', url: '/oembed' }],
          NotFound: [
            {
              summary: 'A URL of another site',
              url: `/oembed?url=${encodeURIComponent('https://example.org/embed/x')}`,
            },
          ],
        }),
      },
    },
  },
})
