/**
 * @module views/docs/operation
 * One operation of the OpenAPI document as HTML: summary, parameters, responses, and an example
 * as a clickable link and a `curl` command.
 */
import { exampleFor } from '../../openapi/examples.ts'

type Json = Record<string, any>

interface OperationProps {
  method: string
  path: string
  op: Json
  /** `components` of the document, to resolve `$ref`s. */
  components: Json
  /** Origin the page was served from, for absolute curl examples. */
  origin: string
}

/** Resolves a local `$ref` (`#/components/responses/NotFound`). */
const resolveRef = (components: Json, value: Json): Json => {
  const ref = value?.$ref
  if (typeof ref !== 'string') return value
  const [, , kind, name] = ref.split('/')
  return components[kind!]?.[name!] ?? value
}

/** A short human reading of a parameter's JSON Schema. */
const schemaSummary = (schema: Json): string => {
  if (schema.type === 'array') return `list of ${schemaSummary(schema.items ?? {})}`
  if (Array.isArray(schema.enum)) return schema.enum.join(' | ')
  if (schema.pattern) return `${schema.type ?? 'string'} matching ${schema.pattern}`
  return String(schema.type ?? 'any')
}

/** Text with `code` spans (OpenAPI descriptions are CommonMark; this is the part we use). */
export const InlineCode = ({ text }: { text: string }) => (
  <>{text.split('`').map((part, i) => (i % 2 ? <code>{part}</code> : part))}</>
)

/** Operation id → anchor. */
export const operationAnchor = (op: Json) => `op-${String(op.operationId)}`

/** The example links of an operation's 200 response. */
const exampleLinks = (op: Json): { summary: string; url: string }[] => {
  const content: Json = op.responses?.['200']?.content ?? {}
  return Object.values(content).flatMap((media: Json) =>
    Object.values((media.examples ?? {}) as Record<string, Json>).map((ex) => ({
      summary: String(ex.summary),
      url: String(ex.externalValue),
    })),
  )
}

/** A shell-safe curl command for a root-relative URL. */
const curlFor = (origin: string, url: string) =>
  `curl -si '${`${origin}${url}`.replaceAll("'", "'\\''")}'`

/**
 * One operation.
 * @example <Operation method="get" path="/v1" op={doc.paths['/v1'].get} components={…} origin="…" />
 */
export const Operation = (props: OperationProps) => {
  const { op, components, origin } = props
  const params: Json[] = op.parameters ?? []
  const links = exampleLinks(op).map((link) => ({ ...link, url: exampleFor(link.url, origin) }))
  return (
    <section class="op" id={operationAnchor(op)}>
      <h3>
        <span class="method">{props.method.toUpperCase()}</span>
        <code>{props.path}</code>
      </h3>
      <p>{op.summary}</p>
      {op.description ? (
        <p class="muted">
          <InlineCode text={op.description} />
        </p>
      ) : null}
      {params.length ? (
        <table>
          <caption class="muted">Parameters</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">In</th>
              <th scope="col">Accepts</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr>
                <td>
                  <code>{p.name}</code>
                  {p.required ? ' (required)' : ''}
                </td>
                <td>{p.in}</td>
                <td>
                  <code>{schemaSummary(p.schema ?? {})}</code>
                </td>
                <td>{p.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No parameters.</p>
      )}
      <table>
        <caption class="muted">Responses</caption>
        <tbody>
          {Object.entries(op.responses ?? {}).map(([status, value]) => {
            const res = resolveRef(components, value as Json)
            return (
              <tr>
                <th scope="row">{status}</th>
                <td>
                  {res.description}
                  {res.content ? (
                    <div class="muted">
                      {Object.keys(res.content).map((type, i) => (
                        <>
                          {i ? ', ' : ''}
                          <code>{type}</code>
                        </>
                      ))}
                    </div>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {links.length ? (
        <>
          <p>Examples:</p>
          <ul>
            {links.map((link) => (
              <li>
                <a href={link.url}>{link.summary}</a>
              </li>
            ))}
          </ul>
          <pre>{curlFor(origin, links[0]!.url)}</pre>
        </>
      ) : null}
    </section>
  )
}
