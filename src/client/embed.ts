/**
 * @module client/embed
 * Progressive enhancement of the embed page; the page is complete without it. Inlined into the
 * page and allowed by its CSP hash. It:
 * - posts the page height to the host page (`dateline:resize`) so the iframe grows to its content,
 *   again whenever the layout changes or the page comes back from a hidden tab;
 * - moves between events with the arrow keys, j/k, Home and End;
 * - shows the toolbar: expand/collapse all, filter chips by kind;
 * - links the time axis and the list: hovering or focusing a mark highlights its card and the
 *   other way round, the first card on screen is marked on the axis, and brushing a stretch of
 *   the axis (drag with a mouse or pen, or a finger along its strip of dates; Shift+←/→ between
 *   marks) narrows the list to it and writes it into the URL as `from`/`to`, with a button to
 *   show all dates again;
 * - lifts the hold on off-screen cards (embed.css) once the first frame is out;
 * - opens every source and note for printing (a translation's arrive first: client/sources.ts);
 * - brings the focused event (`?focus=` or `#event-…`) into view;
 * - deep links through the widget (src/client/widget.ts): focuses the event the host page's
 *   `#dateline-…` fragment names (`dateline:focus`), and tells the host which event the reader
 *   chooses (`dateline:select`: a card gets focus, also by a mark of the axis).
 * Hand-written with no framework: the whole page must stay under 15 KB gzip.
 */

import { initAxis } from './axis.ts'
import { ID_PATTERN } from '../model/vocabulary.ts'

const doc = document
const root = doc.documentElement
const timelineId = root.dataset.tl ?? ''
const articles = (): HTMLElement[] =>
  [...doc.querySelectorAll<HTMLElement>('article.ev')].filter((a) => !a.parentElement!.hidden)

/**
 * Posts a message to the host page, if there is one. Heights, titles and event ids are not secret,
 * and the host's origin is unknown: any origin may read them.
 */
const tell = (type: string, data: object) =>
  parent !== window && parent.postMessage({ type, id: timelineId, ...data }, '*')

// The list arrives held (`.hold`, embed.css): cards away from the screen are not laid out, so
// the first screen paints sooner. Their heights are estimates meanwhile, so the hold is lifted
// once the first frame is out (a task after its animation frame), and sooner if anything needs
// real geometry: the height for the host page (framed), a card to scroll to. (Print has its own
// rule in embed.css.)
const held = doc.querySelector('.hold')
const lift = () => held?.classList.remove('hold')
requestAnimationFrame(() => setTimeout(lift))

/** Asks the host page to scroll this card near the top of its viewport. */
const bring = (card: Element) => {
  lift()
  tell('dateline:scroll', { top: Math.round(card.getBoundingClientRect().top + scrollY) })
}

let lastHeight = -1
/** Posts the content height to the host page; `force` re-sends an unchanged height. */
const report = (force?: boolean) => {
  if (parent === window) return
  // The host page sizes the iframe to this height: it must be the real one from the start.
  lift()
  const height = Math.ceil(root.getBoundingClientRect().height)
  if (!height || (height === lastHeight && !force)) return
  lastHeight = height
  tell('dateline:resize', { height, title: doc.title })
}
const reportNow = () => report(true)

new ResizeObserver(() => report()).observe(root)
addEventListener('load', reportNow)
addEventListener('pageshow', reportNow)
doc.addEventListener('visibilitychange', () => doc.hidden || reportNow())
/** The visible card of an event id, if `id` is a well-formed id (a message may carry anything). */
const card = (id: unknown) => {
  const el = typeof id === 'string' && ID_PATTERN.test(id) && doc.getElementById(`event-${id}`)
  return el && el.matches('article.ev') && !el.parentElement!.hidden ? el : null
}
// From the host page only: the widget asks again when its iframe is shown (e.g. a tab panel
// that was display:none), and for the event a deep link names.
addEventListener('message', (e) => {
  if (e.source !== parent || parent === window) return
  const { type, event } = e.data ?? {}
  if (type === 'dateline:measure') reportNow()
  const target = type === 'dateline:focus' && card(event)
  if (target) {
    target.focus({ preventScroll: true })
    bring(target)
  }
})
// Choosing an event: a card (or anything in it) gets focus.
doc.addEventListener('focusin', (e) => {
  const chosen = (e.target as Element).closest('article.ev')
  if (chosen) tell('dateline:select', { event: chosen.id.slice(6) })
})
// Framed, a link to a card (an axis mark) is followed here: as a fragment navigation it would add
// an entry to the host page's history (Back would step inside the iframe), and the host page,
// not this auto-sized frame, is what has to scroll to the card.
doc.addEventListener('click', (e) => {
  const link = (e.target as Element).closest?.('a[href^="#event-"]')
  const target = link && parent !== window && card(link.getAttribute('href')!.slice(7))
  if (!target || e.defaultPrevented) return
  e.preventDefault()
  target.focus({ preventScroll: true })
  bring(target)
})

// Keyboard: one step between events, as in a feed.
const NEXT = ['ArrowDown', 'j', 'PageDown']
const PREV = ['ArrowUp', 'k', 'PageUp']
doc.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return
  const list = articles()
  const current = (e.target as Element).closest?.('article.ev') as HTMLElement | null
  const at = current ? list.indexOf(current) : -1
  let to: number
  if (NEXT.includes(e.key)) to = at + 1
  else if (PREV.includes(e.key)) to = at < 0 ? 0 : at - 1
  else if (e.key === 'Home') to = 0
  else if (e.key === 'End') to = list.length - 1
  else return
  const target = list[Math.max(0, Math.min(to, list.length - 1))]
  if (!target) return
  e.preventDefault()
  target.focus()
})

// What the list shows: the kinds pressed in the toolbar and the stretch brushed on the axis.
const kinds = new Set<string>()
const axis = initAxis(articles, apply)

function apply() {
  for (const a of doc.querySelectorAll<HTMLElement>('article.ev')) {
    const id = a.id.slice(6)
    const hide = (kinds.size > 0 && !kinds.has(a.dataset.kind!)) || !axis.shows(id)
    a.parentElement!.hidden = hide
    axis.dim(id, hide)
  }
  report()
}

// Toolbar, server-rendered hidden because it needs this script.
const tools = doc.querySelector<HTMLElement>('.tools')
if (tools) {
  tools.hidden = false
  tools.addEventListener('click', (e) => {
    const button = (e.target as Element).closest('button')
    if (!button) return
    const act = button.dataset.act
    if (act) {
      for (const d of doc.querySelectorAll<HTMLDetailsElement>('.ev details'))
        d.open = act === 'open'
      return
    }
    const pressed = button.getAttribute('aria-pressed') !== 'true'
    button.setAttribute('aria-pressed', String(pressed))
    kinds[pressed ? 'add' : 'delete'](button.dataset.kind!)
    apply()
  })
}

// Print every source and note: open the details for the printout, then put them back.
let closed: HTMLDetailsElement[] = []
addEventListener('beforeprint', () => {
  closed = [...doc.querySelectorAll<HTMLDetailsElement>('.ev details:not([open])')]
  for (const d of closed) d.open = true
})
addEventListener('afterprint', () => closed.forEach((d) => (d.open = false)))

// Focus: the server marked it with aria-current; a #event-… fragment wins.
const hashed = location.hash.startsWith('#event-')
  ? doc.getElementById(location.hash.slice(1))
  : null
const focused = hashed ?? doc.querySelector<HTMLElement>('article[aria-current]')
if (focused) {
  bring(focused) // lifts the hold first: the jump lands on real heights
  focused.scrollIntoView({ block: 'center' })
}
report()
