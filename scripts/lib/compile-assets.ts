/**
 * @module scripts/lib/compile-assets
 * Compiles a validated dataset into the files the Worker reads through its `ASSETS` binding
 * (paths and shapes: src/data/files.ts) and the manifest it bundles (src/data/manifest.ts).
 * Localization, indexing for the lists and the entity documents happen here, once per build, so
 * the Worker only parses and indexes the one file a request is about.
 */
import type { CompiledDataset } from '../../src/model/types.ts'
import { createDataset, type IndexedTimeline } from '../../src/model/dataset.ts'
import { contentTag, localizeDataset, timelineLanguages } from '../../src/model/localize.ts'
import type { LocalizedTimeline } from '../../src/model/localize.ts'
import { EVENT_KINDS } from '../../src/model/vocabulary.ts'
import {
  contentLanguage,
  entityDocument,
  entityListDocument,
  timelineSummary,
} from '../../src/query/present.ts'
import {
  FEATURED_TIMELINE,
  FILES,
  ORIGINAL_CATALOG,
  type CatalogFile,
  type Choice,
  type LandingFile,
  type TimelineFile,
} from '../../src/data/files.ts'
import type { Manifest } from '../../src/data/manifest.ts'

const choices = (entries: Iterable<[string, string]>): Choice[] =>
  [...entries]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label))

const catalog = (timelines: Iterable<IndexedTimeline>): CatalogFile => {
  const list = [...timelines]
  return {
    items: list.map(timelineSummary),
    contentLanguage: [...new Set(list.map(contentLanguage))].join(', '),
  }
}

/**
 * Every compiled file, as JSON text by path, and the manifest.
 * @example const { files, manifest } = compileAssets(valid)
 */
export const compileAssets = (compiled: CompiledDataset) => {
  const files = new Map<string, string>()
  const put = (path: string, value: unknown) => files.set(path, JSON.stringify(value))
  const translated = compiled.translations.shared.map((s) => s.language).sort()
  // As the Worker served it before the data moved to assets: a language with a shared translation
  // gets its own localized corpus, any other the originals.
  const byLanguage = new Map<string, CompiledDataset>()
  const inLanguage = (language: string) => {
    const key = translated.includes(language) ? language : ''
    let data = byLanguage.get(key)
    if (!data) byLanguage.set(key, (data = localizeDataset(compiled, key)))
    return data
  }
  const drafts = new Set(compiled.drafts ?? [])
  const timelines: Record<string, string[]> = {}
  for (const { id } of compiled.timelines) {
    const languages = (timelines[id] = timelineLanguages(compiled, id))
    for (const language of languages) {
      const data = inLanguage(language)
      const timeline = data.timelines.find((t) => t.id === id) as LocalizedTimeline
      const actorIds = new Set(timeline.events.flatMap((e) => e.participants.map((p) => p.actor)))
      const placeIds = new Set(timeline.events.flatMap((e) => e.places))
      put(FILES.timeline(id, language), {
        timeline,
        actors: data.actors.filter((a) => actorIds.has(a.id)),
        places: data.places.filter((p) => placeIds.has(p.id)),
        tags: data.tags,
        draft: drafts.has(id),
      } satisfies TimelineFile)
    }
  }

  const original = createDataset(inLanguage(''))
  // The originals' files, then each language with a shared translation (names of actors, places
  // and tags): the catalog, and the entities with their events, in that language.
  const sourceLanguage = compiled.timelines[0]?.language ?? 'en'
  for (const key of [ORIGINAL_CATALOG, ...translated]) {
    const data = key === ORIGINAL_CATALOG ? original : createDataset(inLanguage(key))
    put(FILES.catalog(key), catalog(data.timelines.values()))
    const shared = compiled.translations.shared.find((t) => t.language === key)
    const contentLanguage = shared ? contentTag(shared.language, shared.provenance) : sourceLanguage
    for (const kind of ['actors', 'places'] as const) {
      put(FILES.entities(kind, key), { ...entityListDocument(data, kind), contentLanguage })
      const entities = kind === 'actors' ? data.actors : data.places
      const events = kind === 'actors' ? data.eventsByActor : data.eventsByPlace
      for (const [id, entity] of entities) {
        const document = entityDocument(entity, kind, events.get(id) ?? [])
        put(FILES.entity(kind, id, key), { ...document, contentLanguage })
      }
    }
  }
  const indexed = [...original.timelines.values()]
  put(FILES.landing(), {
    timelines: choices(indexed.map((t) => [t.meta.id, t.meta.title])),
    actors: choices(
      [...original.actors.values()]
        .filter((a) => original.eventsByActor.has(a.id))
        .map((a) => [a.id, a.name]),
    ),
    kinds: EVENT_KINDS.filter((k) => indexed.some((t) => t.index.kind.has(k))).map((k) => ({
      value: k,
      label: k,
    })),
    tags: choices([...new Set(indexed.flatMap((t) => [...t.index.tag.keys()]))].map((t) => [t, t])),
  } satisfies LandingFile)

  const manifest: Manifest = {
    version: compiled.version,
    featured: original.timelines.has(FEATURED_TIMELINE) ? FEATURED_TIMELINE : indexed[0]!.meta.id,
    timelines,
    drafts: [...drafts],
    languages: [...new Set([...compiled.timelines.map((t) => t.language), ...translated])],
    translated,
    actors: [...original.actors.keys()],
    places: [...original.places.keys()],
  }
  return { files, manifest }
}
