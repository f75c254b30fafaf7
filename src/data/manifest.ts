/**
 * @module data/manifest
 * What the Worker knows about the data without reading any of it: the version, which timelines
 * exist in which languages, which actors and places exist. The build writes it into the bundle
 * (src/generated/manifest.ts) as a JSON string, parsed on first use: ids only, so start-up stays
 * small whatever the corpus holds. Everything else is read from the assets on demand (store.ts).
 */
import { MANIFEST_JSON } from '../generated/manifest.ts'

export interface Manifest {
  /** Hash of the data and of the code that shapes responses: the root of every ETag. */
  version: string
  /** The timeline the landing page features. */
  featured: string
  /** Each timeline's languages, its own first. */
  timelines: Record<string, string[]>
  /** Timelines that are unreviewed drafts (only in `npm start`'s build). */
  drafts: string[]
  /** Every content language with a translation, after the originals' languages. */
  languages: string[]
  /** Languages with a shared translation (actors, places, tags): each has its own catalog. */
  translated: string[]
  actors: string[]
  places: string[]
}

let parsed: Manifest | undefined

/**
 * The shipped manifest, parsed once per isolate.
 * @example shippedManifest().timelines['wang-yi-moscow-2023'] // ['en', 'ar', 'de', …]
 */
export const shippedManifest = (): Manifest => (parsed ??= JSON.parse(MANIFEST_JSON) as Manifest)

/**
 * Whether the manifest lists a timeline (an own property: `constructor` is no timeline).
 * @example hasTimeline(m, 'nope') // false
 */
export const hasTimeline = (manifest: Manifest, id: string): boolean =>
  Object.hasOwn(manifest.timelines, id)
