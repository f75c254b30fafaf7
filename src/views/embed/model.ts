/**
 * @module views/embed/model
 * Everything the embed page shows, computed from a timeline and validated options: the ready data
 * the components render. Pure (no Context), so it is tested and cached like any query result.
 */
import type { IndexedEvent, IndexedTimeline } from '../../model/dataset.ts'
import type { EventKind } from '../../model/schema.ts'
import type { Theme } from '../../embed/options.ts'
import type { EmbedQuery } from '../../embed/schema.ts'
import { cardPath, embedPath, oembedPath, timelinePath } from '../../urls.ts'
import type { SocialMetaProps } from '../social-meta.tsx'
import { filterEvents } from '../../query/events.ts'
import { MAX_LIMIT } from '../../query/schema.ts'
import { fill, stringsFor } from '../../i18n/embed-strings.ts'
import type { EmbedStrings } from '../../i18n/embed-strings.ts'
import { formatDay, formatEventDate } from './dates.ts'
import { embedAxis } from './axis-view.ts'
import { axisStringsFor } from '../../i18n/axis-strings.ts'
import type { AxisView } from './axis-view.ts'

interface CitationView {
  quote: string
  url: string
  headline: string
  publisher: string
  published: string
  publishedText: string
}

export interface EventView {
  id: string
  kind: EventKind
  kindLabel: string
  /** Set when the status is not "happened". */
  statusLabel?: string
  dateText: string
  datetime: string
  title: string
  summary: string
  places: string[]
  participants: string[]
  citations: CitationView[]
  notes: { label: string; text: string }[]
  focused: boolean
}

export interface EmbedView {
  timelineId: string
  /** An unreviewed draft (local `npm start` builds only): shown under a banner. */
  draft: boolean
  title: string
  description: string
  attribution: string
  /** Language of the timeline's text (html lang). */
  contentLang: string
  /** Language of the interface strings, when it differs from contentLang. */
  uiLang?: string
  /** Locale of the dates, when it differs from contentLang. */
  dateLang?: string
  theme: Theme
  strings: EmbedStrings
  events: EventView[]
  /** Matching events before `limit`. */
  total: number
  /** "Showing 5 of 28 events." when limited. */
  limitNote?: string
  /** Root-relative URL of the same embed without limit. */
  unlimitedHref?: string
  kinds: { kind: EventKind; label: string; count: number }[]
  /** The time axis above the list. */
  axis: AxisView
  /** Absolute URLs. */
  oembedHref: string
  dataHref: string
  /** Link previews: this page (canonical URL) and the timeline's social card. */
  social: SocialMetaProps
}

interface EmbedViewOptions {
  /** The origin the page is served from, for absolute links. */
  origin: string
}

const eventView = (
  e: IndexedEvent,
  strings: EmbedStrings,
  locale: string,
  useDisplay: boolean,
  focus: string | undefined,
): EventView => {
  const ev = e.event
  const date = formatEventDate(ev.date, { locale, circa: strings.circa, useDisplay })
  return {
    id: ev.id,
    kind: ev.kind,
    kindLabel: strings.kinds[ev.kind],
    statusLabel: ev.status === 'happened' ? undefined : strings.statuses[ev.status],
    dateText: date.text,
    datetime: date.datetime,
    title: ev.title,
    summary: ev.summary,
    places: ev.places.map((p) => p.name),
    participants: ev.participants.map((p) => p.actor.name),
    citations: ev.citations.map((c) => ({
      quote: c.quote,
      url: c.source.url,
      headline: c.source.headline,
      publisher: c.source.publisher,
      published: c.source.published,
      publishedText: formatDay(c.source.published, locale),
    })),
    notes: ev.notes.map((n) => ({ label: strings.notes[n.type], text: n.text })),
    focused: ev.id === focus,
  }
}

/**
 * The embed page's data for a timeline and its options.
 * @example embedView(timeline, EmbedQuery.parse({ lang: 'de' }), { origin: 'https://d.example' })
 */
export const embedView = (
  timeline: IndexedTimeline,
  query: EmbedQuery,
  options: EmbedViewOptions,
): EmbedView => {
  const contentLang = timeline.meta.language
  const locale = query.lang ?? contentLang
  const { language, strings } = stringsFor(locale)
  const useDisplay = locale.split('-')[0] === contentLang.split('-')[0]
  const matched = filterEvents(timeline, query)
  // A page for an iframe stays readable and small: at most MAX_LIMIT events, even unasked.
  const shown = matched.slice(0, query.limit ?? MAX_LIMIT)
  const kinds = new Map<EventKind, number>()
  for (const e of shown) kinds.set(e.event.kind, (kinds.get(e.event.kind) ?? 0) + 1)
  const id = timeline.meta.id
  const embedUrl = `${options.origin}${embedPath(id, query)}`
  const events = shown.map((e) => eventView(e, strings, locale, useDisplay, query.focus))
  return {
    timelineId: id,
    draft: timeline.draft,
    title: timeline.meta.title,
    description: timeline.meta.description,
    attribution: timeline.meta.attribution,
    contentLang,
    uiLang: language === contentLang ? undefined : language,
    dateLang: locale === contentLang ? undefined : locale,
    theme: query.theme,
    strings,
    events,
    total: matched.length,
    limitNote:
      shown.length < matched.length
        ? fill(strings.showing, { shown: shown.length, total: matched.length })
        : undefined,
    // "Show all" only where all fit on one page; beyond that, readers narrow with filters.
    unlimitedHref:
      shown.length < matched.length && matched.length <= MAX_LIMIT
        ? embedPath(id, { ...query, limit: undefined })
        : undefined,
    kinds: [...kinds]
      .map(([kind, count]) => ({ kind, label: strings.kinds[kind], count }))
      .sort((a, b) => a.label.localeCompare(b.label, language)),
    axis: embedAxis(
      shown.map((e) => e.event),
      {
        locale,
        lanes: query.lanes,
        title: timeline.meta.title,
        names: new Map(events.map((e) => [e.id, e])),
        tickLang: locale === contentLang ? undefined : locale,
      },
    ),
    oembedHref: `${options.origin}${oembedPath(embedUrl, 'json')}`,
    dataHref: `${options.origin}${timelinePath(id)}`,
    social: {
      title: timeline.meta.title,
      description: timeline.meta.description,
      url: embedUrl,
      image: `${options.origin}${cardPath(id)}`,
      imageAlt: `${axisStringsFor(locale).axis}: ${timeline.meta.title}`,
    },
  }
}
