/**
 * @module data/files
 * The compiled data's files in the Workers Static Assets directory: their paths and shapes. One
 * module for both sides, so the build (scripts/lib/compile-assets.ts) writes exactly what the
 * Worker's store (data/store.ts) reads. Paths are relative to the assets directory; the Worker
 * runs first for every URL (`run_worker_first`), so none of them is ever served as it is.
 */
import type { Actor, Place } from '../model/schema.ts'
import type { LocalizedTimeline } from '../model/localize.ts'
import type { entityDocument, entityListDocument, timelineSummary } from '../query/present.ts'

/** One timeline in one language, localized at build time, with only what it references. */
export interface TimelineFile {
  timeline: LocalizedTimeline
  actors: Actor[]
  places: Place[]
  /** Label of each tag in this language. */
  tags: Record<string, string>
  /** An unreviewed draft (only in `npm start`'s build). */
  draft: boolean
}

/** What `/v1/timelines` (and the API index) list, in one language. */
export interface CatalogFile {
  items: ReturnType<typeof timelineSummary>[]
  /** The `Content-Language` of the list: each item's content language, once. */
  contentLanguage: string
}

/** The landing page's select options, computed from the whole corpus at build time. */
export interface LandingFile {
  timelines: Choice[]
  actors: Choice[]
  kinds: Choice[]
  tags: Choice[]
}
export interface Choice {
  value: string
  label: string
}

export type EntityKind = 'actors' | 'places'
/** The `Content-Language` of an entity document: its names' language (a translation's tag). */
interface Localized {
  contentLanguage: string
}
export type EntityListFile = ReturnType<typeof entityListDocument> & Localized
export type EntityFile = ReturnType<typeof entityDocument<Actor | Place>> & Localized

/**
 * The timeline the landing page features, when the corpus has it (else its first timeline): the
 * build's choice, which the Worker reads as `manifest.featured`.
 */
export const FEATURED_TIMELINE = 'wang-yi-moscow-2023'

/**
 * The key of the files in the originals' languages (the catalog: each timeline in its own; the
 * entities: their names as `data/actors.json` and `data/places.json` give them).
 */
export const ORIGINAL_CATALOG = 'original'

/**
 * Path of each compiled file.
 * @example FILES.timeline('wang-yi-moscow-2023', 'de') // 'data/timelines/wang-yi-moscow-2023/de.json'
 */
export const FILES = {
  timeline: (id: string, lang: string) => `data/timelines/${id}/${lang}.json`,
  catalog: (key: string) => `data/catalog/${key}.json`,
  entities: (kind: EntityKind, key: string) => `data/entities/${key}/${kind}.json`,
  entity: (kind: EntityKind, id: string, key: string) => `data/entities/${key}/${kind}/${id}.json`,
  landing: () => 'data/landing.json',
  card: (id: string) => `cards/${id}.png`,
} as const
