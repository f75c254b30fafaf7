/**
 * @module routes/docs
 * `GET /openapi.json`, generated from the validation schemas, and `GET /docs`, the human page
 * rendered from it. Both built once per isolate and served with strong ETags.
 */
import { Hono } from 'hono'
import { openApiDocument, type OpenApiDocument } from '../openapi/document.ts'
import { NoQuery } from '../query/schema.ts'
import { validQuery } from '../http/validate.ts'
import { sendJson } from '../http/send.ts'
import { PAGE_CSS_HASH } from '../generated/client-assets.ts'
import { renderPage } from '../views/render.ts'
import { DocsPage } from '../views/docs/docs-page.tsx'
import { sendPage } from '../http/html.ts'

let document: OpenApiDocument | undefined
/** The OpenAPI document, generated on first use: isolates that never serve it never build it. */
export const getOpenApiDocument = (): OpenApiDocument => (document ??= openApiDocument())

export const docs = new Hono()
  .get('/openapi.json', validQuery(NoQuery), (c) =>
    sendJson(c, { tags: { kind: 'openapi' } }, getOpenApiDocument),
  )
  .get('/docs', validQuery(NoQuery), (c) => {
    const origin = new URL(c.req.url).origin
    return sendPage(
      c,
      { tags: { kind: 'docs' } },
      () => renderPage(<DocsPage doc={getOpenApiDocument()} origin={origin} />),
      { styleHashes: [PAGE_CSS_HASH] },
    )
  })
