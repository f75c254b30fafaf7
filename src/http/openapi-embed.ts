/**
 * @module http/openapi-embed
 * The widget's operations in `/openapi.json`: the iframe page, the loader script and oEmbed.
 */
import { NoQuery } from '../query/schema.ts'
import { pathParameter, queryParameters } from './openapi-params.ts'
import { NOT_MODIFIED, ok, problems } from './openapi-common.ts'

const EXAMPLE = 'wang-yi-moscow-2023'

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
      parameters: [pathParameter('id', 'Timeline id', EXAMPLE)],
      responses: {
        '200': ok(
          'HTML page with its own strict CSP; framing allowed',
          { 'text/html': { type: 'string' } },
          ['Content-Security-Policy'],
          [{ summary: 'The widget', url: `/embed/${EXAMPLE}` }],
        ),
        '304': NOT_MODIFIED,
        ...problems({ NotFound: [{ summary: 'No such timeline', url: '/embed/nope' }] }),
      },
    },
  },
  '/embed.js': {
    get: {
      operationId: 'embedScript',
      tags: ['Embed'],
      summary: 'Loader script: turns each <div data-dateline="id"> into a sized iframe',
      parameters: queryParameters(NoQuery),
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
      summary: 'oEmbed 1.0 (rich type) for an /embed/{id} URL',
      parameters: [],
      responses: {
        '200': ok(
          'oEmbed JSON',
          { 'application/json': { type: 'object' } },
          [],
          [
            {
              summary: 'oEmbed for the example timeline',
              url: `/oembed?url=${encodeURIComponent(`https://dateline.example/embed/${EXAMPLE}`)}`,
            },
          ],
        ),
        '304': NOT_MODIFIED,
        ...problems({ BadRequest: [] }),
      },
    },
  },
})
