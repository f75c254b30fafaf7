/**
 * @module model/types
 * The compiled dataset the Worker bundles: the validated files plus a build version.
 */
import type { Actor, Place, Timeline } from './schema.ts'
import type { SharedTranslation, TimelineTranslation } from './translation-schema.ts'

export interface CompiledDataset {
  /** Hash of the data and of the code that shapes responses: the root of every ETag. */
  version: string
  actors: Actor[]
  places: Place[]
  timelines: Timeline[]
  /** Ids of the timelines that are unreviewed drafts: only in `npm start`'s local build. */
  drafts?: string[]
  /** English label of each tag. */
  tags: Record<string, string>
  /** Validated translations, one shared file and one file per timeline for each language. */
  translations: { shared: SharedTranslation[]; timelines: TimelineTranslation[] }
}
