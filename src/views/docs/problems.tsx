/**
 * @module views/docs/problems
 * The problem types section of `/docs`: one anchor per type (`#problem-<type>`), which is where
 * the `type` URI of every problem document points.
 */
import { PROBLEM_TITLES, type ProblemType } from '../../http/problem.ts'
import { docsPath } from '../../urls.ts'

/** When each problem happens and what to do; typed by ProblemType so a new type must be documented. */
const PROBLEM_HELP: Record<ProblemType, { status: number; text: string }> = {
  'invalid-parameter': {
    status: 400,
    text: 'A query parameter has a value the resource does not accept, or the URL is malformed. The `parameter` member names it and `detail` says what it accepts.',
  },
  'unknown-parameter': {
    status: 400,
    text: 'The query string has a parameter the resource does not know (often a typo). The `parameters` member lists them; strictness keeps typos from being silently ignored.',
  },
  'not-found': {
    status: 404,
    text: 'No timeline, event, actor, place or route by that name. Ids are lowercase words joined by hyphens; list them at /v1/timelines, /v1/actors and /v1/places.',
  },
  'method-not-allowed': {
    status: 405,
    text: 'The API is read-only: only GET, HEAD and OPTIONS are served. The Allow header lists the methods of the path.',
  },
  'not-acceptable': {
    status: 406,
    text: 'No representation matches the Accept header. Ask for one of the formats listed on the events operation, or use ?format= or a file extension.',
  },
  'uri-too-long': {
    status: 414,
    text: 'The URL is longer than 2048 characters. Real queries are far shorter; use fewer values per filter.',
  },
  'not-implemented': {
    status: 501,
    text: 'The request asks for something this API does not do.',
  },
  'internal-error': {
    status: 500,
    text: 'Something failed on our side. It is logged; the response never includes internals. Retry later.',
  },
  'service-unavailable': {
    status: 503,
    text: 'The data of this timeline (or list, or entity) could not be read just now; everything else still answers. Retry after the seconds the Retry-After header gives; the answer is never cached.',
  },
}

const example = (origin: string, type: ProblemType) =>
  JSON.stringify(
    {
      type: `${origin}${docsPath(`problem-${type}`)}`,
      title: PROBLEM_TITLES[type],
      status: PROBLEM_HELP[type].status,
      detail: '…',
      instance: '/v1/…',
    },
    null,
    2,
  )

/**
 * The problem types, each under its anchor.
 * @example <Problems origin="https://dateline.example" />
 */
export const Problems = ({ origin }: { origin: string }) => (
  <section id="problems" aria-labelledby="problems-title">
    <h2 id="problems-title">Errors: problem types</h2>
    <p>
      Every error is an <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> problem
      document, served as <code>application/problem+json</code>. Its <code>type</code> is the URL of
      one of the sections below; <code>instance</code> is the request path (never the query string).
    </p>
    {(Object.keys(PROBLEM_TITLES) as ProblemType[]).map((type) => (
      <div class="problem" id={`problem-${type}`}>
        <h3>
          {PROBLEM_HELP[type].status} {PROBLEM_TITLES[type]} <code>{type}</code>
        </h3>
        <p>{PROBLEM_HELP[type].text}</p>
        <pre>{example(origin, type)}</pre>
      </div>
    ))}
  </section>
)
