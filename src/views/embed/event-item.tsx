/**
 * @module views/embed/event-item
 * One event of the timeline: a focusable `<article id="event-{id}">` with its date on the rail,
 * title, kind and status, summary, places and participants, and its citations and editorial notes
 * in a `<details>` that opens without JavaScript.
 */
import type { EventView } from './model.ts'
import type { EmbedStrings } from '../../i18n/embed-strings.ts'
import { fill } from '../../i18n/embed-strings.ts'

interface EventItemProps {
  event: EventView
  strings: EmbedStrings
  /** `lang` of interface words and of dates, when they differ from the page's. */
  uiLang?: string
  dateLang?: string
  /** Sources and notes open (for print), instead of behind their summary. */
  open?: boolean
  /** Isolate names and dates (`<bdi>`): on a right-to-left page, where Latin ones occur. */
  isolate?: boolean
  /** Between the names of a list. */
  separator?: string
}

/**
 * Names joined by commas, each isolated (`<bdi>`) so a Latin name in Arabic text, or an Arabic
 * name in Latin text, keeps its punctuation where it belongs.
 */
const list = (names: readonly string[], isolate: boolean | undefined, separator = ', ') =>
  isolate
    ? names.map((name, i) => (
        <>
          {i > 0 && separator}
          <bdi>{name}</bdi>
        </>
      ))
    : names.join(separator)

/**
 * @example <EventItem event={view.events[0]} strings={view.strings} />
 */
export const EventItem = ({
  event: e,
  strings,
  uiLang,
  dateLang,
  isolate,
  separator,
  open,
}: EventItemProps) => {
  const extra = e.citations.length + e.notes.length
  return (
    <li>
      <article
        id={`event-${e.id}`}
        class="ev"
        data-kind={e.kind}
        tabindex={0}
        aria-labelledby={`t-${e.id}`}
        aria-current={e.focused ? 'true' : undefined}
      >
        <p class="dt" lang={dateLang}>
          <time datetime={e.datetime} dir={isolate ? 'auto' : undefined}>
            {e.dateText}
          </time>
        </p>
        <div class="cd">
          <h2 id={`t-${e.id}`}>{e.title}</h2>
          <p class="tg" lang={uiLang}>
            <span>{e.kindLabel}</span>
            {e.statusLabel && <span class="st">{e.statusLabel}</span>}
          </p>
          <p class="sm">{e.summary}</p>
          {(e.places.length > 0 || e.participants.length > 0) && (
            <dl>
              {e.places.length > 0 && (
                <>
                  <dt lang={uiLang}>{strings.places}</dt>
                  <dd>{list(e.places, isolate, separator)}</dd>
                </>
              )}
              {e.participants.length > 0 && (
                <>
                  <dt lang={uiLang}>{strings.participants}</dt>
                  <dd>{list(e.participants, isolate, separator)}</dd>
                </>
              )}
            </dl>
          )}
          <details open={open}>
            <summary lang={uiLang}>{fill(strings.sources, { n: extra })}</summary>
            {/* No `cite` attribute: the footer's link names the same URL, and the attribute cost
                70–140 B of the page's gzip budget (35 citations) for no visible or spoken gain. */}
            {e.citations.map((c) => (
              <blockquote>
                {c.original && (
                  <p class="ql" lang={uiLang}>
                    {c.original.label}
                  </p>
                )}
                <p lang={c.original?.lang} dir={c.original ? 'auto' : undefined}>
                  “{c.quote}”
                </p>
                {c.original && (
                  <p class="gl">
                    <b lang={uiLang}>{c.original.glossLabel}:</b> {c.original.gloss}
                  </p>
                )}
                <footer>
                  {isolate ? <bdi>{c.publisher}</bdi> : c.publisher},{' '}
                  <cite>
                    <a
                      href={c.url}
                      target="_blank"
                      rel="noopener"
                      dir={isolate ? 'auto' : undefined}
                    >
                      {c.headline}
                    </a>
                  </cite>
                  ,{' '}
                  <time datetime={c.published} lang={dateLang}>
                    {c.publishedText}
                  </time>
                </footer>
              </blockquote>
            ))}
            {e.notes.map((n) => (
              <p class="nt">
                <b lang={uiLang}>{n.label}:</b> {n.text}
              </p>
            ))}
          </details>
        </div>
      </article>
    </li>
  )
}
