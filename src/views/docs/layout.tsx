/**
 * @module views/docs/layout
 * The HTML shell of Dateline's own pages (docs, landing): head, header, footer. Inline style and
 * script are passed as text so the route can hash exactly what is sent for the CSP.
 */
import type { Child } from 'hono/jsx'
import { PAGE_CSS } from './styles.ts'
import { API_INDEX_PATH, docsPath, HOME_PATH, OPENAPI_PATH } from '../../urls.ts'

interface LayoutProps {
  title: string
  description: string
  /** Extra elements for `<head>` (e.g. oEmbed discovery). */
  head?: Child
  /** Inline script text, placed at the end of `<body>`; its hash must be in the CSP. */
  script?: string
  children?: Child
}

/**
 * A whole page.
 * @example <Layout title="Docs" description="…"><h1>Docs</h1></Layout>
 */
export const Layout = (props: LayoutProps) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="description" content={props.description} />
      <meta name="referrer" content="strict-origin-when-cross-origin" />
      <title>{props.title}</title>
      <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
      {props.head}
    </head>
    <body>
      <header class="site">
        <strong>
          <a href={HOME_PATH}>Dateline</a>
        </strong>
        <nav aria-label="Site">
          <a href={docsPath()}>API docs</a>
          <a href={OPENAPI_PATH}>OpenAPI</a>
          <a href={API_INDEX_PATH}>JSON index</a>
          <a href={docsPath('problems')}>Errors</a>
        </nav>
      </header>
      <main>{props.children}</main>
      <footer class="site">
        Dateline: chronological timelines of real diplomatic events, every fact backed by a verbatim
        quote of its source.
      </footer>
      {props.script ? <script dangerouslySetInnerHTML={{ __html: props.script }} /> : null}
    </body>
  </html>
)
