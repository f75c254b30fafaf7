/**
 * @module views/embed/sources
 * An event's citations (each verbatim quote, glossed on a translated page, with its source) and
 * editorial notes; and the page that lists them for every event, which a translated embed links
 * to instead of carrying them (README, "Languages": a translation carries each quote twice, and
 * inline they would take its page past the 15 KB budget).
 */
import type { EmbedView, EventView } from './model.ts'
import { EmbedLayout } from './layout.tsx'
import { eventFragment } from '../../urls.ts'

interface EventSourcesProps {
  event: EventView
  /** `lang` of interface words and of dates, when they differ from the page's. */
  uiLang?: string
  dateLang?: string
  /** Isolate names and titles (`<bdi>`, `dir="auto"`) on a right-to-left page. */
  isolate?: boolean
}

/**
 * @example <EventSources event={view.events[0]} uiLang={view.uiLang} />
 */
export const EventSources = ({ event, uiLang, dateLang, isolate }: EventSourcesProps) => (
  <>
    {/* No `cite` attribute: the footer's link names the same URL, and the attribute cost
        70–140 B of the page's gzip budget (35 citations) for no visible or spoken gain. */}
    {event.citations.map((c) => (
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
            <a href={c.url} target="_blank" rel="noopener" dir={isolate ? 'auto' : undefined}>
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
    {event.notes.map((n) => (
      <p class="nt">
        <b lang={uiLang}>{n.label}:</b> {n.text}
      </p>
    ))}
  </>
)

/**
 * Every shown event's sources and notes, one `<section id="sources-{id}">` each under the
 * event's date and title, which links back to the event on the timeline. The embed's script
 * fetches this page and moves each section's `.sc` into its event; without JavaScript a reader
 * follows the link to it, and it prints whole.
 * @example renderPage(<SourcesPage view={embedView(timeline, query, { origin })} />)
 */
export const SourcesPage = ({ view }: { view: EmbedView }) => {
  const s = view.strings
  return (
    <EmbedLayout
      lang={view.contentLang}
      theme={view.theme}
      title={`${s.sourcesTitle}: ${view.title}`}
      timelineId={view.timelineId}
      dir={view.dir}
    >
      <main aria-labelledby="dl-title" class="src">
        <header class="hd">
          <h1 id="dl-title">
            <span lang={view.uiLang}>{s.sourcesTitle}</span>: {view.title}
          </h1>
          {view.provenance && (
            <p class="pv" lang={view.uiLang}>
              {view.provenance.text}
            </p>
          )}
          <p lang={view.uiLang}>
            <a href={view.timelineHref} target="_self">
              {s.backToTimeline}
            </a>
          </p>
        </header>
        {view.events.map((e) => (
          <section id={`sources-${e.id}`} aria-labelledby={`t-${e.id}`}>
            <p class="dt" lang={view.dateLang}>
              <time datetime={e.datetime}>{e.dateText}</time>
            </p>
            <h2 id={`t-${e.id}`}>
              <a href={`${view.timelineHref}${eventFragment(e.id)}`} target="_self">
                {e.title}
              </a>
            </h2>
            <div class="sc">
              <EventSources
                event={e}
                uiLang={view.uiLang}
                dateLang={view.dateLang}
                isolate={view.dir === 'rtl'}
              />
            </div>
          </section>
        ))}
        <footer class="ft">
          <p>{view.attribution}</p>
        </footer>
      </main>
    </EmbedLayout>
  )
}
