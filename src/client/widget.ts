/**
 * @module client/widget
 * `/embed.js`: turns `<div data-dateline="ID" data-theme="dark" …>` and
 * `<dateline-timeline timeline="ID" theme="dark" …>` into an iframe of `/embed/ID` on the origin
 * this script was loaded from, and keeps every Dateline iframe (also plain `<iframe>` snippets
 * and oEmbed markup) as tall as its content. Safe to include more than once.
 *
 * Deep links: the host page's fragment `#dateline-{timeline}={event}` and the embedded timeline's
 * focus are kept in step. Opening such a link scrolls the host page to the widget and asks the
 * widget (src/client/embed.ts) to focus the event; choosing an event in the widget writes its link
 * into the fragment with `history.replaceState` (no new history entry). The `dateline-` prefix
 * and the `=` keep it apart from the host's own anchors, which never contain `=` by convention and
 * name no element here. With several widgets of one timeline, the first one on the page answers.
 *
 * @example
 * <div data-dateline="wang-yi-moscow-2023" data-lang="de"></div>
 * <script async src="https://dateline.example/embed.js"></script>
 */

import { EMBED_OPTIONS, type EmbedOptionValues } from '../embed/options.ts'
import { ID_PATTERN } from '../model/vocabulary.ts'
import { EMBED_PREFIX, embedPath, WIDGET_PATH } from '../urls.ts'

const MIN_HEIGHT = 150
const MAX_HEIGHT = 20000
const ID = ID_PATTERN
/** A deep link: both parts well-formed ids (ID_PATTERN without its anchors), nothing else. */
const ID_PART = ID.source.slice(1, -1)
const LINK = new RegExp(`^#dateline-(${ID_PART})=(${ID_PART})$`)

// currentScript is null only in odd loaders; then the first script tag that looks like ours.
const script = (document.currentScript ??
  document.querySelector(`script[src$="${WIDGET_PATH}"]`)) as HTMLScriptElement | null
const ORIGIN = new URL(script?.src || '/', location.href).origin
const EMBED = ORIGIN + EMBED_PREFIX
const KEY = `dateline:${ORIGIN}`
const w = window as unknown as Record<string, (() => void) | undefined>

/** Iframes this script sizes. */
const frames = new Set<HTMLIFrameElement>()
/** Focused-event offsets waiting for their frame's first resize. */
const focusTops = new WeakMap<HTMLIFrameElement, number>()
/** Frames whose page has sized them, so it is running and listening. */
const sized = new WeakSet<HTMLIFrameElement>()
/** Events a deep link asks for, waiting for their frame to be sized. */
const wanted = new WeakMap<HTMLIFrameElement, string>()
/** The fragment last followed or written, so a rescan does not scroll the reader back. */
let followed = ''

/** The timeline an iframe shows: the path segment after `/embed/` (valid ids need no decoding). */
const timelineOf = (frame: HTMLIFrameElement) =>
  frame.src.startsWith(EMBED) ? frame.src.slice(EMBED.length).split(/[?#]/)[0]! : ''

/** Scrolls the host page so the focused event sits near the top of the viewport. */
const scrollToFocus = (frame: HTMLIFrameElement, top: number) =>
  scrollTo({ top: frame.getBoundingClientRect().top + scrollY + top - 80 })

const measure = (frame: HTMLIFrameElement) =>
  frame.contentWindow?.postMessage({ type: 'dateline:measure' }, ORIGIN)

// Ask the frame to measure again when it becomes visible or changes width (tabs, accordions).
const watcher = new ResizeObserver((entries) => {
  for (const entry of entries) {
    if (entry.contentRect.width > 0) measure(entry.target as HTMLIFrameElement)
  }
})

const adopt = (frame: HTMLIFrameElement) => {
  if (frames.has(frame)) return
  frames.add(frame)
  watcher.observe(frame)
  frame.addEventListener('load', () => measure(frame))
}

/**
 * Replaces a placeholder's content with the embed iframe, at the canonical embed URL of its
 * options (data-* or attributes), so it shares one cached page with every other way of embedding.
 */
const mount = (host: HTMLElement, id: string | null, option: (name: string) => string | null) => {
  if (host.dataset.datelineMounted || !id || !ID.test(id)) return
  host.dataset.datelineMounted = '1'
  const values: EmbedOptionValues = {}
  for (const name of EMBED_OPTIONS) values[name] = option(name) ?? undefined
  // Without data-lang, the host page's own language: a German site gets the German timeline.
  values.lang ??= document.documentElement.lang || undefined
  const frame = document.createElement('iframe')
  frame.src = ORIGIN + embedPath(id, values)
  const title = option('title')
  frame.title = title || `Timeline ${id}`
  if (title) frame.dataset.datelineTitled = '1'
  frame.loading = 'lazy'
  frame.setAttribute('scrolling', 'no')
  frame.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;height:600px'
  adopt(frame)
  host.replaceChildren(frame)
}

/** Sends a frame the event a deep link asked for, once its page listens. */
const ask = (frame: HTMLIFrameElement) => {
  const event = wanted.get(frame)
  if (!event || !sized.has(frame)) return
  wanted.delete(frame)
  frame.contentWindow?.postMessage({ type: 'dateline:focus', event }, ORIGIN)
}

/** Follows a `#dateline-{timeline}={event}` fragment: to the widget, then to the event. */
const follow = () => {
  const link = LINK.exec(location.hash)
  const frame = link && [...frames].find((f) => timelineOf(f) === link[1])
  if (!frame || followed === link[0]) return
  followed = link[0]
  wanted.set(frame, link[2]!)
  scrollToFocus(frame, 0)
  ask(frame)
}

const scan = () => {
  for (const el of document.querySelectorAll<HTMLElement>('[data-dateline]')) {
    mount(el, el.dataset.dateline ?? null, (name) => el.dataset[name] ?? null)
  }
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.src.startsWith(EMBED)) adopt(frame)
  }
  follow()
}

if (w[KEY]) {
  w[KEY]!()
} else {
  w[KEY] = scan
  addEventListener('message', (e) => {
    if (e.origin !== ORIGIN || typeof e.data !== 'object' || !e.data) return
    const frame = [...frames].find((f) => f.contentWindow === e.source)
    if (!frame) return
    const { type, height, title, top, event } = e.data
    if (type === 'dateline:resize' && Number.isFinite(height)) {
      frame.style.height = `${Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)))}px`
      if (typeof title === 'string' && !frame.dataset.datelineTitled && title) {
        frame.title = title.slice(0, 200)
      }
      // A focus request arrives before the first resize: scroll again once the frame is tall.
      const pending = focusTops.get(frame)
      if (pending !== undefined) {
        focusTops.delete(frame)
        scrollToFocus(frame, pending)
      }
      sized.add(frame)
      ask(frame)
    } else if (type === 'dateline:scroll' && Number.isFinite(top)) {
      if (!sized.has(frame)) focusTops.set(frame, top)
      scrollToFocus(frame, top)
    } else if (type === 'dateline:select' && typeof event === 'string') {
      const link = `#dateline-${timelineOf(frame)}=${event}`
      // LINK checks both ids. An absolute URL: a relative one resolves against <base href>.
      if (LINK.test(link) && location.hash !== link) {
        followed = link
        history.replaceState(history.state, '', location.href.split('#')[0] + link)
      }
    }
  })
  addEventListener('hashchange', follow)
  if (!customElements.get('dateline-timeline')) {
    customElements.define(
      'dateline-timeline',
      class extends HTMLElement {
        connectedCallback() {
          mount(this, this.getAttribute('timeline'), (name) => this.getAttribute(name))
        }
      },
    )
  }
  scan()
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', scan)
}
