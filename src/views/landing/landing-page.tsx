/**
 * @module views/landing/landing-page
 * `GET /` for browsers: what Dateline is, the live timeline, the embed-code generator and links to
 * the docs and to every format. Self-contained (one hashed inline style and script).
 * One timeline, near the top, so a visitor sees the story (its axis first) before any control:
 * it is the embed the generator's options make, and follows them. Its title and description are
 * the embed's own, not repeated around it.
 */
import { Layout } from '../docs/layout.tsx'
import { Generator, type GeneratorProps } from './generator.tsx'
import { snippets } from './snippets.ts'
import { SocialMeta } from '../social-meta.tsx'
import type { EmbedView } from '../embed/model.ts'
import { PrintTimeline } from './print-timeline.tsx'
import {
  API_INDEX_PATH,
  cardPath,
  docsPath,
  embedPath,
  eventsPath,
  oembedPath,
  HOME_PATH,
  OPENAPI_PATH,
} from '../../urls.ts'

interface FormatLink {
  label: string
  href: string
}

interface LandingPageProps extends GeneratorProps {
  /** The timeline the formats and the API example use. */
  featured: { id: string; title: string }
  formats: FormatLink[]
  /** The featured timeline as the embed shows it, for the printed copy. */
  printView: EmbedView
  /** Inline print stylesheet text (its hash is in the CSP). */
  printStyle: string
  /** Inline script text (its hash is in the CSP). */
  script?: string
  /** The page with the live timeline in each other language (`<link rel="alternate" hreflang>`). */
  alternates?: { hreflang: string; href: string }[]
}

/**
 * The landing page.
 * @example renderPage(<LandingPage origin="https://d.example" featured={…} formats={…} … />)
 */
export const LandingPage = (props: LandingPageProps) => {
  const { origin, featured, options } = props
  const embed = `${origin}${embedPath(featured.id)}`
  const timelineTitle = props.timelines.find((t) => t.value === options.timeline)?.label
  const codes = snippets(origin, options, timelineTitle)
  const title = 'Dateline: sourced timelines of diplomatic events, as an API and an embed'
  const description =
    'Chronological timelines of real diplomatic events, every fact backed by a verbatim quote of its source. JSON API, eight formats and an embeddable widget.'
  return (
    <Layout
      title={title}
      description={description}
      head={
        <>
          <link
            rel="alternate"
            type="application/json+oembed"
            href={`${origin}${oembedPath(embed)}`}
            title={featured.title}
          />
          {props.alternates?.map((a) => (
            <link rel="alternate" hreflang={a.hreflang} href={a.href} />
          ))}
          <style dangerouslySetInnerHTML={{ __html: props.printStyle }} />
          {/* A shared link to Dateline previews as the live timeline's card. */}
          <SocialMeta
            title={title}
            description={description}
            url={`${origin}${HOME_PATH}`}
            image={`${origin}${cardPath(featured.id)}`}
            imageAlt={`Time axis: ${featured.title}`}
          />
        </>
      }
      script={props.script}
    >
      <h1>Dateline</h1>
      <p>
        Chronological timelines of real diplomatic events. Every fact carries a verbatim quote of
        the source passage it rests on, so readers can check it. Use it as a{' '}
        <a href={docsPath()}>JSON API</a>, download it in <a href="#formats">eight formats</a>, or
        embed it in a page. The timeline below is live: it follows the options under{' '}
        <a href="#embed">Embed it</a>.
      </p>
      <iframe
        id="preview"
        class="preview"
        src={codes.preview.slice(origin.length)}
        title={`Live timeline: ${timelineTitle ?? options.timeline}`}
      />
      <PrintTimeline view={props.printView} />
      <Generator {...props} codes={codes} />
      <section id="formats" aria-labelledby="formats-title">
        <h2 id="formats-title">Formats</h2>
        <p>
          The events of <code>{featured.id}</code> as files; every filter of the API applies (
          <a href={docsPath('op-listEvents')}>parameters</a>).
        </p>
        <ul class="formats">
          {props.formats.map((format) => (
            <li>
              <a href={format.href}>{format.label}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="api-title">
        <h2 id="api-title">API</h2>
        <ul>
          <li>
            <a href={docsPath()}>Documentation</a>: every endpoint, with parameters and examples
          </li>
          <li>
            <a href={OPENAPI_PATH}>OpenAPI 3.1</a>, generated from the code that validates requests
          </li>
          <li>
            <a href={API_INDEX_PATH}>JSON index</a> (also what <code>GET /</code> returns to API
            clients)
          </li>
        </ul>
        <pre>{`curl -s '${origin}${eventsPath(featured.id)}?kind=visit,meeting&limit=5'`}</pre>
      </section>
    </Layout>
  )
}
