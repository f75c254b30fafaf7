/**
 * @module views/embed/embed-page
 * The embed page: header with the timeline's title and description, a toolbar the script reveals
 * (expand/collapse all, filter chips by kind), the chronological list, and the attribution.
 * All of it is one `main` landmark named by the title: the page lives inside other pages, whose
 * own banner, main and contentinfo it must not repeat (axe's landmark-unique across frames).
 */
import type { EmbedView } from './model.ts'
import { EmbedLayout } from './layout.tsx'
import { EventItem } from './event-item.tsx'
import { EmbedAxis } from './axis.tsx'

/**
 * @example renderPage(<EmbedPage view={embedView(timeline, query, { origin })} />)
 */
export const EmbedPage = ({ view }: { view: EmbedView }) => {
  const s = view.strings
  return (
    <EmbedLayout
      lang={view.contentLang}
      theme={view.theme}
      title={view.title}
      timelineId={view.timelineId}
      oembedHref={view.oembedHref}
      social={view.social}
      dir={view.dir}
      alternates={view.alternates}
      sourcesOnDemand={view.sourcesHref !== undefined}
    >
      <main aria-labelledby="dl-title">
        <header class="hd">
          {view.draft && (
            <p class="draft" role="note" lang={view.uiLang}>
              {s.draft}
            </p>
          )}
          <h1 id="dl-title">
            <a href={view.dataHref} target="_blank" rel="noopener">
              {view.title}
            </a>
          </h1>
          <p>{view.description}</p>
          {view.provenance && (
            <p class="pv" lang={view.uiLang}>
              {view.provenance.text}{' '}
              <a href={view.provenance.href} target="_self">
                {view.provenance.linkText}
              </a>
            </p>
          )}
          {view.limitNote && (
            <p lang={view.uiLang}>
              {view.limitNote}{' '}
              <a href={view.unlimitedHref} target="_self">
                {s.showAll}
              </a>
            </p>
          )}
          {/* One compact control, so phones see the first event on the first screen. */}
          <details class="tools" hidden lang={view.uiLang}>
            <summary>{s.filterByKind}</summary>
            <button type="button" data-act="open">
              {s.expandAll}
            </button>
            <button type="button" data-act="close">
              {s.collapseAll}
            </button>
            {view.kinds.length > 1 && (
              <div role="group" aria-label={s.filterByKind}>
                {view.kinds.map((k) => (
                  <button type="button" data-kind={k.kind} aria-pressed="false">
                    {k.label} ({k.count})
                  </button>
                ))}
              </div>
            )}
          </details>
        </header>
        <EmbedAxis axis={view.axis} listId="list" uiLang={view.uiLang} />
        {/* `hold`: cards off screen skip layout until the first frame (embed.css, embed.ts). */}
        <ol class="tl hold" id="list" aria-label={s.events}>
          {view.events.map((event) => (
            <EventItem
              event={event}
              strings={s}
              uiLang={view.uiLang}
              dateLang={view.dateLang}
              isolate={view.dir === 'rtl'}
              separator={view.separator}
              sourcesHref={view.sourcesHref}
            />
          ))}
        </ol>
        <footer class="ft">
          <p>{view.attribution}</p>
          <p lang={view.uiLang}>
            Dateline ·{' '}
            <a href={view.dataHref} target="_blank" rel="noopener">
              {s.openFull}
            </a>
          </p>
        </footer>
      </main>
    </EmbedLayout>
  )
}
