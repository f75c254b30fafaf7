/**
 * @module formats/geojson
 * GeoJSON (RFC 7946) for maps: a FeatureCollection with one Point per (event, place) pair, so an
 * event in five cities is five pins. Coordinates are [longitude, latitude] (§3.1.1), WGS 84.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import type { Place } from '../model/schema.ts'
import { eventUrl } from './common.ts'
import type { FormatInput } from './common.ts'

const feature = (e: ResolvedEvent, place: Place, input: FormatInput) => ({
  type: 'Feature',
  id: `${e.id}@${place.id}`,
  geometry: { type: 'Point', coordinates: [place.coordinates.lon, place.coordinates.lat] },
  properties: {
    event: e.id,
    title: e.title,
    start: e.date.start,
    ...(e.date.end ? { end: e.date.end } : {}),
    precision: e.date.precision,
    ...(e.date.display ? { display_date: e.date.display } : {}),
    kind: e.kind,
    status: e.status,
    place: place.id,
    place_name: place.name,
    country: place.country,
    url: eventUrl(input.origin, input.timeline.id, e.id),
    language: input.timeline.language,
  },
})

/**
 * The events' places as a GeoJSON FeatureCollection (a string).
 * @example JSON.parse(toGeoJson(input)).features[0].geometry // { type: 'Point', coordinates: [lon, lat] }
 */
export const toGeoJson = (input: FormatInput): string =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: input.events.flatMap((e) => e.places.map((p) => feature(e, p, input))),
  })
