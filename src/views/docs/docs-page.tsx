/**
 * @module views/docs/docs-page
 * `/docs`: the API documentation, rendered server-side from the OpenAPI document so the two never
 * disagree. Self-contained: no script, no third-party style or font, so it works offline.
 */
import type { OpenApiDocument } from '../../openapi/document.ts'
import { Layout } from './layout.tsx'
import { InlineCode, Operation, operationAnchor } from './operation.tsx'
import { Problems } from './problems.tsx'
import { OPENAPI_PATH } from '../../urls.ts'

type Json = Record<string, any>

interface DocsPageProps {
  doc: OpenApiDocument
  origin: string
}

/** The operations of the document, grouped by their first tag, in document order. */
const byTag = (doc: OpenApiDocument) => {
  const groups = new Map<string, { method: string; path: string; op: Json }[]>()
  for (const tag of doc.tags) groups.set(tag.name, [])
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = String(op.tags?.[0] ?? 'Other')
      if (!groups.has(tag)) groups.set(tag, [])
      groups.get(tag)!.push({ method, path, op })
    }
  }
  return [...groups].filter(([, ops]) => ops.length > 0)
}

/**
 * The docs page.
 * @example renderPage(<DocsPage doc={openApiDocument()} origin="https://dateline.example" />)
 */
export const DocsPage = ({ doc, origin }: DocsPageProps) => {
  const groups = byTag(doc)
  return (
    <Layout
      title="Dateline API documentation"
      description="Endpoints, parameters, formats and errors of the Dateline timeline API"
    >
      <h1>Dateline API</h1>
      <p>
        <InlineCode text={doc.info.description} />
      </p>
      <p>
        Base URL: <code>{origin}</code>. Machine-readable description:{' '}
        <a href={OPENAPI_PATH}>OpenAPI 3.1</a>. Typed TypeScript client:{' '}
        <code>hc&lt;AppType&gt;</code> from <code>hono/client</code>.
      </p>
      <h2>Conventions</h2>
      <ul>
        <li>
          Read-only: <code>GET</code>, <code>HEAD</code> and <code>OPTIONS</code>. CORS is open to
          any origin and exposes <code>ETag</code>, <code>Link</code>, <code>X-Total-Count</code>{' '}
          and <code>Content-Disposition</code>.
        </li>
        <li>
          Every 200 carries a strong <code>ETag</code>; send it back in <code>If-None-Match</code>{' '}
          to get a <code>304</code>. Bodies are cacheable (<code>max-age=300</code>, a day at the
          edge).
        </li>
        <li>
          Unknown query parameters are refused (400{' '}
          <a href="#problem-unknown-parameter">unknown-parameter</a>), so typos never pass silently.
        </li>
        <li>
          Errors are <a href="#problems">problem documents</a>.
        </li>
      </ul>
      <nav aria-label="Endpoints">
        <h2>Endpoints</h2>
        <ul class="toc">
          {groups.flatMap(([, ops]) =>
            ops.map(({ method, path, op }) => (
              <li>
                <a href={`#${operationAnchor(op)}`}>
                  {method.toUpperCase()} {path}
                </a>
              </li>
            )),
          )}
        </ul>
      </nav>
      {groups.map(([tag, ops]) => (
        <section aria-label={tag}>
          <h2 id={`tag-${tag.toLowerCase()}`}>{tag}</h2>
          {ops.map(({ method, path, op }) => (
            <Operation
              method={method}
              path={path}
              op={op}
              components={doc.components}
              origin={origin}
            />
          ))}
        </section>
      ))}
      <Problems origin={origin} />
    </Layout>
  )
}
