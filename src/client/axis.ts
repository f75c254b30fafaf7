/**
 * @module client/axis
 * The time axis comes alive (bundled into the embed script; the axis is complete without it):
 * - hovering or focusing a mark highlights its card, and the other way round;
 * - the first card on screen is marked on the axis, and scrolled into the axis's view on phones;
 * - dragging across the axis (mouse or pen: anywhere; a finger: along the strip of dates at its
 *   top, see below) or Shift+←/→ between focused marks narrows the list to that stretch and
 *   writes it into the URL as `from`/`to`; the status line says which dates are shown, with a
 *   button (or Escape) to show all again. ←/→ alone move between marks.
 *
 * Touch: a finger dragging sideways on the axis must scroll it (on a phone it is wider than the
 * screen), so it cannot also brush there. Brushing by touch has its own strip, laid over the
 * tick labels along the top of the axis (`.bst`, added here so it never exists without the
 * script): `touch-action: pan-y` gives a sideways drag there to this script while a vertical one
 * still scrolls the page. Chosen over a long press (which fights the link previews and context
 * menus of the marks, and is undiscoverable) and over a brush mode (one more control and state).
 * Marks are found by their links (`#event-{id}`) and their extent read from the drawing's own
 * percentages (src/timeline-svg/draw.ts); dates come back through the scale the server wrote
 * into `data-scale`.
 */

export interface AxisControl {
  /** Whether an event is inside the brushed stretch (all are when none is). */
  shows(id: string): boolean
  /** Fades the mark of an event the list hides. */
  dim(id: string, off: boolean): void
}

/**
 * Wires the axis of this page to its list.
 * @example const axis = initAxis(() => visibleArticles(), () => filterTheList())
 */
export const initAxis = (articles: () => HTMLElement[], changed: () => void): AxisControl => {
  const doc = document
  let range: [number, number] | undefined
  const box = doc.querySelector<HTMLElement>('.axs')
  // Right-to-left pages mirror the drawing (axis.css): fractions of its width count from the right.
  const rtl = doc.documentElement.dir === 'rtl'
  const svg = box?.querySelector('svg')
  const marks = svg ? [...svg.querySelectorAll<SVGAElement>('.mk a')] : []
  const idOf = (el: Element) => el.getAttribute('href')!.slice(7)
  const markOf = new Map(marks.map((m) => [idOf(m), m]))
  const card = (id: string) => doc.getElementById(`event-${id}`)
  const pct = (el: Element, name: string) => parseFloat(el.getAttribute(name)!) / 100
  /** A mark's extent, as fractions of the axis width. */
  const extent = (m: Element): [number, number] => {
    const s = m.querySelector('circle,rect')!
    const x = pct(s, s.tagName === 'circle' ? 'cx' : 'x')
    return s.tagName === 'circle' ? [x, x] : [x, x + pct(s, 'width')]
  }
  const inRange = (id: string) => {
    const m = markOf.get(id)
    if (!range || !m) return true
    const [a, b] = extent(m)
    return a <= range[1] && b >= range[0]
  }

  const highlight = (e: Event, on: boolean) => {
    const t = e.target as Element
    const mark = t.closest?.('.mk a')
    const art = t.closest?.('article.ev')
    const id = mark ? idOf(mark) : art?.id.slice(6)
    if (!id) return
    markOf.get(id)?.classList.toggle('on', on)
    card(id)?.classList.toggle('hl', on)
  }
  for (const type of ['pointerover', 'focusin'])
    doc.addEventListener(type, (e) => highlight(e, true))
  for (const type of ['pointerout', 'focusout'])
    doc.addEventListener(type, (e) => highlight(e, false))

  if (svg && box) {
    // The first card on screen is marked on the axis, scrolled into the axis's view on phones.
    const seen = new Set<Element>()
    let current: Element | undefined
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) seen[e.isIntersecting ? 'add' : 'delete'](e.target)
      const first = articles().find((a) => seen.has(a))
      const mark = first && markOf.get(first.id.slice(6))
      if (mark === current) return
      current?.classList.remove('cur')
      current = mark
      if (!mark) return
      mark.classList.add('cur')
      const r = mark.getBoundingClientRect()
      const v = box.getBoundingClientRect()
      if (r.left < v.left || r.right > v.right) {
        box.scrollLeft += r.left + r.width / 2 - v.left - v.width / 2
      }
    })
    for (const a of doc.querySelectorAll('article.ev')) observer.observe(a)

    const status = doc.querySelector<HTMLElement>('.brs')!
    const pieces = box.dataset.scale!.split(';').map((p) => p.split(',').map(Number))
    const dayAt = (f: number) => {
      const [first, end, x0, x1] = pieces.find((p) => f < p[3]!) ?? pieces[pieces.length - 1]!
      return first! + ((Math.min(Math.max(f, x0!), x1!) - x0!) / (x1! - x0!)) * (end! - first!)
    }
    const iso = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10)
    const locale = svg.querySelector('.tk')!.getAttribute('lang') || doc.documentElement.lang
    const show = (day: string) =>
      new Date(day).toLocaleDateString(locale, { timeZone: 'UTC', dateStyle: 'medium' })
    const url = new URL(location.href)
    const serverRange = url.searchParams.has('from') || url.searchParams.has('to')
    const brush = doc.createElement('div')
    brush.className = 'bru'
    brush.hidden = true
    box.appendChild(brush)
    const drawBrush = (a: number, b: number) => {
      const w = svg.getBoundingClientRect().width
      brush.hidden = false
      brush.style.left = `${(rtl ? 1 - Math.max(a, b) : Math.min(a, b)) * w}px`
      brush.style.width = `${Math.abs(b - a) * w}px`
    }
    /** Narrows the list to a stretch of the axis and writes it into the URL as from/to. */
    const select = (a: number, b: number) => {
      range = [Math.min(a, b), Math.max(a, b)]
      drawBrush(a, b)
      const from = iso(Math.floor(dayAt(range[0])))
      const to = iso(Math.max(Math.ceil(dayAt(range[1])) - 1, Math.floor(dayAt(range[0]))))
      url.searchParams.set('from', from)
      url.searchParams.set('to', to)
      history.replaceState(history.state, '', url)
      status.firstElementChild!.textContent = status.dataset
        .range!.replace('{from}', show(from))
        .replace('{to}', show(to))
      status.hidden = false
      changed()
    }
    const clear = () => {
      url.searchParams.delete('from')
      url.searchParams.delete('to')
      // A range the server applied left events out of the page: only a reload brings them back.
      if (serverRange) return location.assign(url)
      history.replaceState(history.state, '', url)
      range = undefined
      brush.hidden = status.hidden = true
      changed()
    }
    status.querySelector('button')!.addEventListener('click', clear)

    // Pointer brushing: a mouse or pen anywhere on the axis, a finger on the strip of dates (the
    // module comment says why).
    const strip = doc.createElement('div')
    strip.className = 'bst'
    box.appendChild(strip)
    const at = (e: PointerEvent) => {
      const r = svg.getBoundingClientRect()
      const f = (e.clientX - r.left) / r.width
      return rtl ? 1 - f : f
    }
    let start: number | undefined
    let dragged = false
    box.addEventListener('pointerdown', (e) => {
      if (e.button || (e.pointerType === 'touch' && e.target !== strip)) return
      start = at(e)
      dragged = false
    })
    box.addEventListener('pointermove', (e) => {
      // No button down: the pointer is only passing by, or the browser took the gesture (a
      // vertical swipe on the strip scrolls the page: pointercancel, no pointerup).
      if (start === undefined || !e.buttons) return
      if (!dragged && Math.abs(at(e) - start) * svg.getBoundingClientRect().width < 6) return
      if (!dragged) box.setPointerCapture(e.pointerId)
      dragged = true
      drawBrush(start, at(e))
    })
    box.addEventListener('pointerup', (e) => {
      if (start !== undefined && dragged) select(start, at(e))
      start = undefined
    })
    // A drag that ends on a mark is a brush, not a click on its link.
    box.addEventListener('click', (e) => dragged && e.preventDefault(), true)

    // Keyboard: ←/→ move between marks, Shift+←/→ brush from the first mark, Escape clears.
    let anchor: Element | undefined
    svg.addEventListener('keydown', (e) => {
      const mark = (e.target as Element).closest('.mk a')
      if (!mark) return
      if (e.key === 'Escape' && range) return clear()
      // On a mirrored (right-to-left) axis, time runs leftwards, and so do the arrows.
      const step = (e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0) * (rtl ? -1 : 1)
      if (!step) return
      const next = marks[marks.indexOf(mark as SVGAElement) + step]
      e.preventDefault()
      if (!next) return
      next.focus()
      if (!e.shiftKey) return void (anchor = undefined)
      anchor ??= mark
      const [a0, a1] = extent(anchor)
      const [b0, b1] = extent(next)
      select(Math.min(a0, b0), Math.max(a1, b1))
    })
  }
  return {
    shows: inRange,
    dim: (id, off) => markOf.get(id)?.classList.toggle('off', off),
  }
}
