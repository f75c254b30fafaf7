/**
 * @module openapi/examples
 * What the example links of `/openapi.json` are made of: the ids of the shipped data they name
 * (defined here once), the stand-in origin of URLs that must be absolute, and the OpenAPI
 * `examples` object. The tests request every example link and expect its documented status, so
 * an id that leaves the data fails them.
 */

/** The timeline, event, actor and place the examples use. */
export const EXAMPLE_TIMELINE = 'wang-yi-moscow-2023'
export const EXAMPLE_EVENT = 'putin-meets-wang-yi'
export const EXAMPLE_ACTOR = 'wang-yi'
export const EXAMPLE_PLACE = 'moscow'

/**
 * Stand-in origin in example URLs that must name a Dateline URL (oEmbed's `url`). The docs page
 * and the tests substitute the origin that serves them (see {@link exampleFor}).
 */
export const EXAMPLE_ORIGIN = 'https://dateline.example'

/**
 * An example URL as served from `origin`: {@link EXAMPLE_ORIGIN} inside it replaced.
 * @example exampleFor('/oembed?url=https%3A%2F%2Fdateline.example%2Fembed%2Fx', 'http://localhost:8787')
 */
export const exampleFor = (url: string, origin: string): string =>
  url.replaceAll(encodeURIComponent(EXAMPLE_ORIGIN), encodeURIComponent(origin))

/** An example link: OpenAPI's `externalValue`, a URL whose response *is* the example. */
export interface ExampleLink {
  summary: string
  /** Root-relative URL that answers with the documented status. */
  url: string
  /** Media type the URL answers with, when not the response's first one. */
  media?: string
}

/**
 * The `examples` member of a media type object, or nothing when there are no links.
 * @example examples([{ summary: 'Docs', url: '/docs' }]) // { examples: { example1: { summary: 'Docs', externalValue: '/docs' } } }
 */
export const examples = (links: readonly ExampleLink[]) =>
  links.length === 0
    ? {}
    : {
        examples: Object.fromEntries(
          links.map((link, i) => [
            `example${i + 1}`,
            { summary: link.summary, externalValue: link.url },
          ]),
        ),
      }
