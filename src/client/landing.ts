/**
 * @module client/landing
 * The landing page's embed-code generator, enhanced: as options change, the three snippets and
 * the live timeline at the top of the page follow, and Copy buttons copy a snippet. Without this
 * script the form still works (it submits to `/` and the server renders the same snippets), so
 * this only saves trips.
 * Inlined in the page and allowed by its SHA-256 in the CSP.
 */
import { GENERATOR_OPTIONS } from '../embed/options.ts'
import { snippets, type EmbedOptions } from '../views/landing/snippets.ts'
import { HOME_PATH } from '../urls.ts'

const form = document.querySelector<HTMLFormElement>('#generator')
const preview = document.querySelector<HTMLIFrameElement>('#preview')

const field = (name: string): string => {
  const element = form?.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null
  return element?.value ?? ''
}

const read = (): EmbedOptions =>
  Object.fromEntries(
    ['timeline', ...GENERATOR_OPTIONS].map((name) => [name, field(name)]),
  ) as EmbedOptions

let timer: ReturnType<typeof setTimeout> | undefined

const update = () => {
  if (!form) return
  const select = form.elements.namedItem('timeline') as {
    selectedOptions?: HTMLCollectionOf<HTMLOptionElement>
  } | null
  const title = select?.selectedOptions?.[0]?.text
  const codes = snippets(location.origin, read(), title || undefined)
  for (const kind of ['iframe', 'script', 'oembed'] as const) {
    const output = document.querySelector<HTMLTextAreaElement>(`#snippet-${kind}`)
    if (output) output.value = codes[kind]
  }
  // The preview reloads a page; wait until typing pauses.
  clearTimeout(timer)
  timer = setTimeout(() => {
    if (preview && preview.src !== codes.preview) {
      preview.src = codes.preview
      preview.title = `Live timeline: ${title || codes.preview}`
    }
  }, 250)
  const search = new URLSearchParams(new FormData(form) as unknown as Record<string, string>)
  for (const [name, value] of [...search]) if (!value) search.delete(name)
  history.replaceState(null, '', search.size ? `${HOME_PATH}?${search}` : HOME_PATH)
}

form?.addEventListener('input', update)
form?.addEventListener('change', update)
// Everything is already live; submitting would only reload the page.
form?.addEventListener('submit', (event) => {
  event.preventDefault()
  update()
})

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy]')
  if (!button) return
  const output = document.querySelector<HTMLTextAreaElement>(`#${button.dataset.copy}`)
  if (!output) return
  try {
    await navigator.clipboard.writeText(output.value)
  } catch {
    // Clipboard API refused (insecure context, permissions): fall back to a selection.
    output.select()
    document.execCommand('copy')
  }
  const label = button.textContent
  button.textContent = 'Copied'
  setTimeout(() => (button.textContent = label), 1500)
})

update()
