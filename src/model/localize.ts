/**
 * @module model/localize
 * The compiled dataset in one language: the original with each translatable text replaced by its
 * translation, each quote kept verbatim and given its gloss, and the timeline's `language` set to
 * an RFC 6497 tag that says it is a translation (`de-t-en-t0-und`: German, transformed from
 * English, by machine translation of unspecified kind, as CLDR defines `t0`). Pure: `data.ts`
 * builds and keeps one dataset per language, lazily.
 */
import type { CompiledDataset } from './types.ts'
import type { Provenance, SharedTranslation, TimelineTranslation } from './translation-schema.ts'
import type { Timeline } from './schema.ts'

/** How a text in the chosen language came to be: the JSON `translation` block. */
export interface TranslationInfo {
  /** The RFC 6497 tag of the content: `de-t-en-t0-und`. */
  tag: string
  language: string
  from: string
  method: Provenance['method']
  translator: string
  date: string
  reviewed: Provenance['reviewed']
}

/** A timeline as a reader gets it: with the languages on offer and, if translated, how. */
export type LocalizedTimeline = Timeline & { languages: string[]; translation?: TranslationInfo }

/**
 * The content-language tag of a translation (RFC 6497 `-t-`; `t0-und` for machine translation).
 * @example contentTag('de', { from: 'en', method: 'machine', … }) // 'de-t-en-t0-und'
 */
export const contentTag = (language: string, provenance: Provenance): string =>
  `${language}-t-${provenance.from}${provenance.method === 'machine' ? '-t0-und' : ''}`

/**
 * The languages a timeline is offered in: its own first, then its translations, sorted.
 * @example timelineLanguages(DATASET, 'wang-yi-moscow-2023') // ['en', 'ar', 'de', …]
 */
export const timelineLanguages = (compiled: CompiledDataset, id: string): string[] => {
  const own = compiled.timelines.find((t) => t.id === id)?.language
  const translated = compiled.translations.timelines
    .filter((t) => t.timeline === id)
    .map((t) => t.language)
    .sort()
  return own ? [own, ...translated.filter((l) => l !== own)] : translated
}

const translateTimeline = (timeline: Timeline, t: TimelineTranslation): Timeline => ({
  ...timeline,
  language: contentTag(t.language, t.provenance),
  title: t.title,
  description: t.description,
  attribution: t.attribution,
  sources: timeline.sources.map((s) =>
    s.note ? { ...s, note: t.sources?.[s.id]?.note ?? s.note } : s,
  ),
  events: timeline.events.map((e) => {
    const te = t.events[e.id]!
    return {
      ...e,
      title: te.title,
      summary: te.summary,
      date: e.date.display ? { ...e.date, display: te.display ?? e.date.display } : e.date,
      ...(e.notes ? { notes: e.notes.map((n, i) => ({ ...n, text: te.notes![i]! })) } : {}),
      citations: e.citations.map((c, i) => ({ ...c, gloss: te.glosses[i]! })),
    }
  }),
})

const translateEntities = (compiled: CompiledDataset, shared: SharedTranslation | undefined) => ({
  actors: compiled.actors.map((a) => {
    const t = shared?.actors[a.id]
    if (!t) return a
    return { ...a, name: t.name, ...(t.description ? { description: t.description } : {}) }
  }),
  places: compiled.places.map((p) => {
    const t = shared?.places[p.id]
    return t ? { ...p, name: t.name } : p
  }),
  tags: shared ? { ...compiled.tags, ...shared.tags } : compiled.tags,
})

/**
 * The dataset in `language` (a bare subtag on offer, or the original's): every timeline that has
 * a translation into it is translated; the others stay in their own language.
 * @example const de = localizeDataset(DATASET, 'de')
 */
export const localizeDataset = (compiled: CompiledDataset, language: string): CompiledDataset => {
  const shared = compiled.translations.shared.find((s) => s.language === language)
  const timelines = compiled.timelines.map((timeline): LocalizedTimeline => {
    const languages = timelineLanguages(compiled, timeline.id)
    const t = compiled.translations.timelines.find(
      (x) => x.timeline === timeline.id && x.language === language,
    )
    if (!t || timeline.language === language) return { ...timeline, languages }
    const p = t.provenance
    const tag = contentTag(t.language, p)
    return {
      ...translateTimeline(timeline, t),
      languages,
      translation: { tag, language, ...p },
    }
  })
  return { ...compiled, ...translateEntities(compiled, shared), timelines }
}
