/**
 * @module formats/timelinejs
 * Knight Lab's TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html): drop the
 * URL into `new TL.Timeline(el, url)` and the events render unchanged.
 *
 * Date objects carry only the parts the event's precision fixes (a month-precision event has no
 * `day`), so TimelineJS neither invents a day nor shows one. `text.text` is HTML, so every string
 * from the data is escaped; `group` is the event kind, which TimelineJS draws as rows.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import { citationLines, dateParts, escapeXml, eventUrl } from './common.ts'
import type { FormatInput } from './common.ts'

const html = (e: ResolvedEvent, input: FormatInput) =>
  [
    `<p>${escapeXml(e.summary)}</p>`,
    ...citationLines(e).map((line) => `<p><small>${escapeXml(line)}</small></p>`),
    `<p><a href="${escapeXml(eventUrl(input.origin, input.timeline.id, e.id))}">Permalink</a></p>`,
  ].join('')

const slide = (e: ResolvedEvent, input: FormatInput) => ({
  start_date: dateParts(e.date.start),
  ...(e.date.end ? { end_date: dateParts(e.date.end) } : {}),
  ...(e.date.display ? { display_date: e.date.display } : {}),
  text: { headline: escapeXml(e.title), text: html(e, input) },
  group: e.kind,
  unique_id: e.id,
})

/**
 * The events as a TimelineJS3 document (a string).
 * @example JSON.parse(toTimelineJs(input)).events[0].start_date // { year: 2022, month: 2, day: 24 }
 */
export const toTimelineJs = (input: FormatInput): string =>
  JSON.stringify({
    title: {
      text: {
        headline: escapeXml(input.timeline.title),
        text: `<p>${escapeXml(input.timeline.description)}</p>`,
      },
    },
    events: input.events.map((e) => slide(e, input)),
  })
