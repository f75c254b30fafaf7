/**
 * @module client/sources
 * A translated embed's sources and notes, loaded on demand (src/views/embed/sources.tsx says
 * why). Inlined, with its own CSP hash, only in pages whose sources are not: the original's page,
 * with 15 KB gzip to fit in, carries none of it. Each event's `<details data-src>` holds a link to
 * the page that lists them; this fetches that page once, when a reader opens one or prints, and
 * moves each event's quotes and notes into its details. Until then, and if the fetch fails, the
 * link still works.
 */

const doc = document
const pending = '.ev details[data-src]'
const url = doc.querySelector<HTMLElement>(pending)?.dataset.src
let loading = false

/**
 * Moves each event's sources (`.sc` of its section on the fetched page) into its details, in
 * place of the link; the page grows, and the embed's ResizeObserver tells the host page. The
 * fetched page is our own origin's HTML; `DOMParser` runs none of its scripts.
 */
const fill = (html: string) => {
  const page = new DOMParser().parseFromString(html, 'text/html')
  for (const details of doc.querySelectorAll(pending)) {
    const id = details.closest('article')!.id.slice(6)
    const content = page.querySelector(`#sources-${id} .sc`)
    if (content) details.querySelector('.so')!.replaceWith(doc.adoptNode(content))
    details.removeAttribute('data-src')
  }
}

/** Fetches them in the background, once (again after a failure: the links work meanwhile). */
const load = () => {
  if (!url || loading || !doc.querySelector(pending)) return
  loading = true
  fetch(url)
    .then((res) => (res.ok ? res.text() : Promise.reject()))
    .then(fill)
    .catch(() => (loading = false))
}

// `toggle` does not bubble: listen in the capture phase (a reader's click, "Expand all").
doc.addEventListener('toggle', (e) => (e.target as Element).matches(pending) && load(), true)

// A printout: `beforeprint` cannot wait for a promise, so this is one synchronous request, made
// only if the reader prints before opening any. This script comes before the embed's, so its
// listener runs first and the embed's then opens every details with its sources in.
addEventListener('beforeprint', () => {
  if (!url || !doc.querySelector(pending)) return
  try {
    const xhr = new XMLHttpRequest()
    xhr.open('GET', url, false)
    xhr.send()
    if (xhr.status === 200) fill(xhr.responseText)
  } catch {
    // Offline: the printout keeps each link, followed by its address.
  }
})
