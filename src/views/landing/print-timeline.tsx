/**
 * @module views/landing/print-timeline
 * The live timeline as paper gets it. On screen the landing page shows the timeline in an iframe;
 * a printer cuts an iframe at its height, and no height set before printing fits every paper and
 * every set of open notes. So the page carries the same axis and events, rendered by the embed's
 * own components, `hidden` on screen and shown by the print stylesheet (src/client/
 * landing-print.css): the axis, then every event with its sources and notes open.
 */
import type { EmbedView } from '../embed/model.ts'
import { EmbedAxis } from '../embed/axis.tsx'
import { EventItem } from '../embed/event-item.tsx'

/**
 * @example <PrintTimeline view={embedView(timeline, EmbedQuery.parse({}), { origin })} />
 */
export const PrintTimeline = ({ view }: { view: EmbedView }) => (
  <div class="pv" lang={view.contentLang} hidden>
    <EmbedAxis axis={view.axis} listId="pv-list" uiLang={view.uiLang} />
    <ol class="tl" id="pv-list" aria-label={view.strings.events}>
      {view.events.map((event) => (
        <EventItem
          event={event}
          strings={view.strings}
          uiLang={view.uiLang}
          dateLang={view.dateLang}
          open
        />
      ))}
    </ol>
    <p class="ft">{view.attribution}</p>
  </div>
)
