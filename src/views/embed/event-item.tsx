/**
 * @module views/embed/event-item
 * One event of the timeline: a focusable `<article id="event-{id}">` with its date on the rail,
 * title, kind and status, summary, places and participants, and its citations and editorial notes
 * in a `<details>` that opens without JavaScript (or, on a translated page, a link to them).
 */
import type { EventView } from './model.ts'
import type { EmbedStrings } from '../../i18n/embed-strings.ts'
import { fill } from '../../i18n/embed-strings.ts'
import { sourcesFragment } from '../../urls.ts'
import { EventSources } from './sources.tsx'

interface EventItemProps {
  event: EventView
  strings: EmbedStrings
  /** `lang` of interface words and of dates, when they differ from the page's. */
  uiLang?: string
  dateLang?: string
  /** Sources and notes open (for print), instead of behind their summary. */
  open?: boolean
  /** The page that lists the sources and notes (absolute), if they are not inline. */
  sourcesHref?: string
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
  sourcesHref,
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
          <details open={open} data-src={sourcesHref}>
            <summary lang={uiLang}>{fill(strings.sources, { n: extra })}</summary>
            {sourcesHref ? (
              // A translation's sources load on demand (views/embed/sources.tsx says why): the
              // script fills them in; without it, this link opens the page that lists them.
              <p class="so" lang={uiLang}>
                <a href={`${sourcesHref}${sourcesFragment(e.id)}`} target="_self">
                  {strings.showSources}
                </a>
              </p>
            ) : (
              <EventSources event={e} uiLang={uiLang} dateLang={dateLang} isolate={isolate} />
            )}
          </details>
        </div>
      </article>
    </li>
  )
}
