/**
 * @module views/embed/model
 * Everything the embed page shows, computed from a timeline and validated options: the ready data
 * the components render. Pure (no Context), so it is tested and cached like any query result.
 */
import type { IndexedEvent, IndexedTimeline } from '../../model/dataset.ts'
import type { EventKind } from '../../model/schema.ts'
import type { Theme } from '../../embed/options.ts'
import type { EmbedQuery } from '../../embed/schema.ts'
import {
  cardPath,
  embedPath,
  embedSourcesPath,
  oembedPath,
  timelinePath,
  withLang,
} from '../../urls.ts'
import type { SocialMetaProps } from '../social-meta.tsx'
import { filterEvents } from '../../query/events.ts'
import { MAX_LIMIT } from '../../query/schema.ts'
import { fill, stringsFor } from '../../i18n/embed-strings.ts'
import { languageName, translationStringsFor } from '../../i18n/translation-strings.ts'
import type { EmbedStrings } from '../../i18n/embed-strings.ts'
import { formatDay, formatEventDate } from './dates.ts'
import { embedAxis } from './axis-view.ts'
import { axisStringsFor } from '../../i18n/axis-strings.ts'
import type { AxisView } from './axis-view.ts'

interface CitationView {
  quote: string
  /** On a translated page: the quote's language, its label, and the gloss with its label. */
  original?: { lang: string; label: string; gloss: string; glossLabel: string }
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
  /** Language of the timeline's text (html lang): an RFC 6497 tag for a translation. */
  contentLang: string
  /** `rtl` for a right-to-left page (ltr, the default, is not written). */
  dir?: 'rtl'
  /** Between names in a list: ", ", or the language's own ("、", "، "). */
  separator: string
  /** On a translated page: how the text came to be, and a link to the original. */
  provenance?: { text: string; href: string; linkText: string }
  /** The page in each other language (`<link rel="alternate" hreflang>`), absolute URLs. */
  alternates: { hreflang: string; href: string }[]
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
  /** The time axis above the list (laid out on each read: read it once). */
  readonly axis: AxisView
  /** This page's own URL (root-relative), which the sources page links back to. */
  timelineHref: string
  /**
   * A translation's sources and notes load on demand from this page (absolute URL): each quote
   * comes twice there, verbatim and glossed, and inline they would take the page past its 15 KB
   * gzip budget (README, "Languages"). Unset: they are inline.
   */
  sourcesHref?: string
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

/** Languages written right to left, by primary subtag. */
const RTL = new Set(['ar', 'fa', 'he', 'ur'])
const primary = (tag: string) => tag.split('-')[0]!.toLowerCase()

/** How a quote is labelled on a translated page. */
interface QuoteLabels {
  lang: string
  label: string
  glossLabel: string
}

const eventView = (
  e: IndexedEvent,
  strings: EmbedStrings,
  locale: string,
  useDisplay: boolean,
  focus: string | undefined,
  quoteLabels: QuoteLabels | undefined,
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
      ...(quoteLabels && c.gloss ? { original: { ...quoteLabels, gloss: c.gloss } } : {}),
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
  const useDisplay = primary(locale) === primary(contentLang)
  const translation = timeline.meta.translation
  const ts = translationStringsFor(language)
  const originalName = translation ? languageName(translation.from, language) : ''
  const quoteLabels = translation && {
    lang: translation.from,
    label: fill(ts.quote, { language: originalName }),
    glossLabel: ts.gloss,
  }
  const matched = filterEvents(timeline, query)
  // A page for an iframe stays readable and small: at most MAX_LIMIT events, even unasked.
  const shown = matched.slice(0, query.limit ?? MAX_LIMIT)
  const kinds = new Map<EventKind, number>()
  for (const e of shown) kinds.set(e.event.kind, (kinds.get(e.event.kind) ?? 0) + 1)
  const id = timeline.meta.id
  const embedUrl = `${options.origin}${embedPath(id, query)}`
  const events = shown.map((e) =>
    eventView(e, strings, locale, useDisplay, query.focus, quoteLabels),
  )
  const languages = timeline.meta.languages ?? [contentLang]
  const provenanceText =
    translation &&
    fill(
      translation.method === 'human' ? ts.human : translation.reviewed ? ts.reviewed : ts.machine,
      {
        language: originalName,
        date: translation.reviewed ? formatDay(translation.reviewed.date, locale) : '',
      },
    )
  return {
    separator: ts.separator ?? ', ',
    timelineId: id,
    draft: timeline.draft,
    title: timeline.meta.title,
    description: timeline.meta.description,
    attribution: timeline.meta.attribution,
    contentLang,
    ...(RTL.has(primary(contentLang)) || RTL.has(language) ? { dir: 'rtl' as const } : {}),
    ...(translation && provenanceText
      ? {
          provenance: {
            text: provenanceText,
            href: embedPath(id, { ...query, lang: translation.from }),
            linkText: ts.original,
          },
        }
      : {}),
    alternates: languages
      .filter((l) => primary(l) !== primary(contentLang))
      .map((l) => ({
        hreflang: l,
        href: `${options.origin}${embedPath(id, { ...query, lang: l })}`,
      })),
    uiLang: language === primary(contentLang) ? undefined : language,
    dateLang:
      primary(locale) === primary(contentLang) && !locale.includes('-') ? undefined : locale,
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
    // Laid out when a page draws it: the sources page (views/embed/sources.tsx) never does.
    get axis() {
      return embedAxis(
        shown.map((e) => e.event),
        {
          locale,
          lanes: query.lanes,
          title: timeline.meta.title,
          names: new Map(events.map((e) => [e.id, e])),
          tickLang: locale === contentLang ? undefined : locale,
        },
      )
    },
    timelineHref: embedPath(id, query),
    ...(translation
      ? { sourcesHref: `${options.origin}${embedSourcesPath(id, { ...query, focus: undefined })}` }
      : {}),
    oembedHref: `${options.origin}${oembedPath(embedUrl, 'json')}`,
    dataHref: `${options.origin}${withLang(timelinePath(id), languages.length > 1 ? primary(contentLang) : undefined)}`,
    social: {
      title: timeline.meta.title,
      description: timeline.meta.description,
      url: embedUrl,
      image: `${options.origin}${cardPath(id)}`,
      imageAlt: `${axisStringsFor(locale).axis}: ${timeline.meta.title}`,
    },
  }
}
