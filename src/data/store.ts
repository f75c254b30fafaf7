/**
 * @module data/store
 * The data tier of an isolate: each compiled file (data/files.ts) is read through the `ASSETS`
 * binding the first time a request needs it, parsed, indexed, and kept in a {@link ByteLru}
 * bounded by bytes ({@link DATA_BUDGET_BYTES}, the data's share of the one cache budget). The
 * whole corpus is never loaded: a request reads the one timeline, list or entity it is about.
 *
 * Faults stay where they happen: a file the manifest lists that is missing, malformed, or whose
 * read throws, answers a 503 problem (with `Retry-After`, never cached) for that file alone, and
 * nothing is kept from the failed load, so the first request after the fault clears succeeds.
 */
import { ByteLru } from '../http/byte-lru.ts'
import { DATA_BUDGET_BYTES } from '../http/cache.ts'
import { ProblemException } from '../http/problem.ts'
import { indexTimeline, type IndexedTimeline } from '../model/dataset.ts'
import { assetReader, DataFault, readBytes, readText, type AssetReader } from './reader.ts'
import { hasTimeline, type Manifest } from './manifest.ts'
import {
  FILES,
  ORIGINAL_CATALOG,
  type CatalogFile,
  type EntityFile,
  type EntityKind,
  type EntityListFile,
  type LandingFile,
  type TimelineFile,
} from './files.ts'

/**
 * Heap bytes a loaded file takes per character of its JSON text: parsed objects, the timeline's
 * indexes and per-event search text, and the word index a first text query adds (model/dataset.ts
 * `wordIndex`, kept as long as the timeline is). Measured with
 * `node --expose-gc scripts/measure-data-heap.ts` (heap growth over 200 loaded copies of each
 * shipped timeline file, divided by their JSON length): 3.1–3.4 loaded, 5.4–7.3 once searched,
 * across the seven languages. Rounded up from that worst case, and Node's V8 has no pointer
 * compression (workerd's has), so the estimate errs on the side of memory. Not measured in it:
 * the per-event JSON the serializers keep (http/body.ts) and the search-term memo, which has its
 * own bound (query/events.ts).
 */
export const HEAP_BYTES_PER_JSON_CHAR = 8

/** Seconds a client should wait before retrying a file that could not be read. */
export const RETRY_AFTER_SECONDS = 30

/** A timeline in one language, with its tags' labels in that language. */
export interface LoadedTimeline {
  timeline: IndexedTimeline
  tags: Readonly<Record<string, string>>
}

/** What handlers read the data through (`c.var.data`), bound to one request's `ASSETS`. */
export interface DataStore {
  readonly manifest: Manifest
  hasTimeline(id: string): boolean
  /** A timeline's languages, its own first ([] for an unknown id). */
  languagesOf(id: string): string[]
  hasEntity(kind: EntityKind, id: string): boolean
  /** A listed timeline in `lang` (one of its languages; anything else gets its own). */
  timeline(id: string, lang?: string): Promise<LoadedTimeline>
  /** The timeline list in a negotiated language (one without shared translation: the originals). */
  catalog(lang?: string): Promise<CatalogFile>
  /** Actors or places with their event counts, in a negotiated language (as the catalog). */
  entities(kind: EntityKind, lang?: string): Promise<EntityListFile>
  /** One actor or place with its events, in a negotiated language (as the catalog). */
  entity(kind: EntityKind, id: string, lang?: string): Promise<EntityFile>
  landing(): Promise<LandingFile>
  /** A timeline's social card (PNG bytes): not kept here, the response cache keeps its body. */
  card(id: string): Promise<Uint8Array<ArrayBuffer>>
}

/** The per-isolate part: the LRU and the loads in flight, shared by every request's store. */
export interface DataTier {
  readonly manifest: Manifest
  /** The store for one request's `ASSETS` binding. */
  bind(assets: Fetcher): DataStore
  /** Bytes (estimated heap) and files held now; `bytes` may pass `maxBytes` by one oversized file. */
  stats(): { bytes: number; entries: number; maxBytes: number }
}

export interface DataTierOptions {
  manifest: Manifest
  /** Budget in bytes of loaded files; 0 keeps none (each request reads its files). */
  maxBytes?: number
  /** How to read a binding; tests wrap the real one to inject faults. */
  reader?: (assets: Fetcher) => AssetReader
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks a parsed file's outline, throwing if it is not what the build writes. Not a full schema
 * validation: `data/` was validated by the build, and re-validating each file on the request path
 * would cost the cold path what the build already paid; this catches truncation and mix-ups.
 */
const check = (ok: boolean, what: string) => {
  if (!ok) throw new TypeError(`not ${what}`)
}

const parseTimeline = (id: string) => (file: TimelineFile) => {
  check(isObject(file) && isObject(file.timeline), 'a timeline file')
  const t = file.timeline
  check(t.id === id && Array.isArray(t.events) && t.events.length > 0, `timeline "${id}"`)
  check(Array.isArray(file.actors) && Array.isArray(file.places), 'a list of entities')
  check(isObject(file.tags), 'tag labels')
  const timeline = indexTimeline(
    t,
    new Map(file.actors.map((a) => [a.id, a])),
    new Map(file.places.map((p) => [p.id, p])),
    file.draft === true,
  )
  // A reference the file does not carry would surface later as a crash mid-response.
  check(
    timeline.events.every(
      (e) => e.event.places.every(Boolean) && e.event.participants.every((p) => p.actor),
    ),
    'a timeline with every reference resolved',
  )
  return { timeline, tags: file.tags } satisfies LoadedTimeline
}

const parseCatalog = (file: CatalogFile) => {
  check(isObject(file) && Array.isArray(file.items), 'a catalog')
  check(typeof file.contentLanguage === 'string', 'a catalog')
  return file
}
const parseEntityList = (file: EntityListFile) => {
  check(
    isObject(file) &&
      Array.isArray(file.items) &&
      typeof file.total === 'number' &&
      typeof file.contentLanguage === 'string',
    'a list',
  )
  return file
}
const parseEntity = (id: string) => (file: EntityFile) => {
  check(
    isObject(file) &&
      file.id === id &&
      Array.isArray(file.events) &&
      typeof file.contentLanguage === 'string',
    `entity "${id}"`,
  )
  return file
}
const parseLanding = (file: LandingFile) => {
  check(isObject(file) && Array.isArray(file.timelines) && Array.isArray(file.actors), 'lists')
  return file
}

/** The 503 a fault becomes; the fault itself is logged, never sent. */
const unavailable = (what: string, fault: unknown): ProblemException => {
  console.error(fault)
  return new ProblemException({
    status: 503,
    type: 'service-unavailable',
    detail: `The data of ${what} could not be read just now; retry shortly`,
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  })
}

/**
 * The data tier of an isolate.
 * @example
 * const tier = createDataTier({ manifest: shippedManifest() })
 * const store = tier.bind(env.ASSETS)
 * const { timeline } = await store.timeline('wang-yi-moscow-2023', 'de')
 */
export const createDataTier = (options: DataTierOptions): DataTier => {
  const { manifest, reader = assetReader } = options
  const maxBytes = options.maxBytes ?? DATA_BUDGET_BYTES
  const lru = new ByteLru<unknown>(maxBytes)
  /**
   * The last file loaded that is larger than the whole budget (a timeline of many thousand
   * events): kept alone, outside the LRU, so an isolate serving it does not read and index it
   * again for every request. At most one, replaced by the next such file.
   */
  let oversized: { path: string; value: unknown; bytes: number } | undefined
  const inflight = new Map<string, Promise<unknown>>()
  let entityIds: Record<EntityKind, ReadonlySet<string>> | undefined
  const ids = () =>
    (entityIds ??= { actors: new Set(manifest.actors), places: new Set(manifest.places) })

  /**
   * The parsed file at `path`: kept, or being read (one read however many ask at once), or read
   * now. A failed read is forgotten at once, so the next request tries again.
   */
  const load = <F, T>(read: AssetReader, path: string, what: string, parse: (f: F) => T) => {
    const kept = oversized?.path === path ? oversized.value : lru.get(path)
    if (kept !== undefined) return Promise.resolve(kept as T)
    let pending = inflight.get(path) as Promise<T> | undefined
    if (!pending) {
      pending = (async () => {
        const text = await readText(read, path)
        let value: T
        try {
          value = parse(JSON.parse(text) as F)
        } catch (error) {
          throw new DataFault(path, 'malformed', { cause: error })
        }
        const bytes = text.length * HEAP_BYTES_PER_JSON_CHAR
        if (!lru.set(path, value, bytes))
          oversized = maxBytes > 0 ? { path, value, bytes } : undefined
        return value
      })()
      const settled = pending.finally(() => inflight.delete(path))
      inflight.set(path, settled)
      pending = settled
    }
    return pending.catch((fault: unknown) => {
      throw unavailable(what, fault)
    })
  }

  /** The files' key of a language: its own if it has a shared translation, else the originals'. */
  const sharedKey = (lang?: string) =>
    lang && manifest.translated.includes(lang) ? lang : ORIGINAL_CATALOG

  const bind = (assets: Fetcher): DataStore => {
    const read = reader(assets)
    const languagesOf = (id: string) =>
      hasTimeline(manifest, id) ? manifest.timelines[id]! : ([] as string[])
    return {
      manifest,
      hasTimeline: (id) => hasTimeline(manifest, id),
      languagesOf,
      hasEntity: (kind, id) => ids()[kind].has(id),
      timeline: (id, lang) => {
        const languages = languagesOf(id)
        const chosen = lang && languages.includes(lang) ? lang : languages[0]!
        return load(read, FILES.timeline(id, chosen), `timeline "${id}"`, parseTimeline(id))
      },
      catalog: (lang) =>
        load(read, FILES.catalog(sharedKey(lang)), 'the timeline list', parseCatalog),
      entities: (kind, lang) =>
        load(read, FILES.entities(kind, sharedKey(lang)), `the ${kind}`, parseEntityList),
      entity: (kind, id, lang) =>
        load(
          read,
          FILES.entity(kind, id, sharedKey(lang)),
          `"${id}"`,
          parseEntity(id),
        ) as Promise<EntityFile>,
      landing: () => load(read, FILES.landing(), 'the landing page', parseLanding),
      card: (id) =>
        readBytes(read, FILES.card(id)).catch((fault: unknown) => {
          throw unavailable(`the card of "${id}"`, fault)
        }),
    }
  }
  const stats = () => ({
    bytes: lru.bytes + (oversized?.bytes ?? 0),
    entries: lru.size + (oversized ? 1 : 0),
    maxBytes,
  })
  return { manifest, bind, stats }
}
