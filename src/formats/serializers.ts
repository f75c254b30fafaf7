/**
 * @module formats/serializers
 * Format name → serializer, for every format but JSON (whose envelope is `query/present.ts`).
 */
import type { Format } from '../query/schema.ts'
import type { FormatInput } from './common.ts'
import { toAtom } from './atom.ts'
import { toCsv } from './csv.ts'
import { toGeoJson } from './geojson.ts'
import { toIcs } from './ics.ts'
import { toJsonFeed } from './json-feed.ts'
import { toJsonLd } from './json-ld.ts'
import { toSvg } from './svg.ts'
import { toTimelineJs } from './timelinejs.ts'

/**
 * Serializers of the non-JSON formats.
 * @example SERIALIZERS.ics({ timeline, events, origin, links, total })
 */
export const SERIALIZERS: Record<Exclude<Format, 'json'>, (input: FormatInput) => string> = {
  jsonld: toJsonLd,
  ics: toIcs,
  atom: toAtom,
  jsonfeed: toJsonFeed,
  csv: toCsv,
  geojson: toGeoJson,
  timelinejs: toTimelineJs,
  svg: toSvg,
}
