/**
 * @module http/cache-tags
 * The `Cache-Tag` vocabulary: what each cacheable response is tagged with, so the edge cache
 * (Workers Cache, in front of the Worker) can drop everything built from one timeline, one kind
 * of resource, one format or one language with a single `ctx.cache.purge({ tags })`.
 *
 * Tags are computed from what a handler already says about its body (the {@link Variant}: format
 * and language) plus a {@link CacheTagHint} (resource kind and the data it is built from), in
 * `http/send.ts`, once per cache entry; no handler writes a tag by hand. Each tag is
 * `name:value` in lower-case ASCII (Cloudflare compares tags case-insensitively and splits the
 * header on commas, so neither spaces nor commas may appear inside one).
 */
import type { Variant } from './cache.ts'

/** What a handler says about the data its body is built from, besides the variant. */
export interface CacheTagHint {
  /** The kind of resource: `events`, `event`, `timeline`, `actor`, `embed`, `widget`… */
  kind: string
  /** The one timeline the body is built from (its events, title or metadata). */
  timeline?: string
  /**
   * Built from every timeline (lists, indexes, actors and places with their events): purged
   * along with any timeline's fix.
   */
  allTimelines?: boolean
}

/** The tag of resources built from every timeline. */
const ALL_TIMELINES_TAG = 'all-timelines'

/** Anything outside Cloudflare's tag alphabet becomes `_`: data ids are slugs, this is a guard. */
const clean = (value: string): string =>
  value.toLowerCase().replace(/[^a-z0-9._~!$&'*+;=@/-]/g, '_')

/** The tag naming one timeline. @example timelineTag('wang-yi-moscow-2023') // 'timeline:wang-yi-moscow-2023' */
const timelineTag = (id: string): string => `timeline:${clean(id)}`

/**
 * Tag lists already made: one per timeline, kind, format and language in use. Bounded by bytes
 * like every cache here (keys and values at two bytes a character); emptied when full, since the
 * tags in use are few and a refill costs a string join.
 */
const memo = new Map<string, string>()
const MAX_MEMO_BYTES = 256 * 1024
let memoBytes = 0

/**
 * The `Cache-Tag` value of a representation: its timeline (or {@link ALL_TIMELINES_TAG}), kind,
 * format and, when the variant has one, language.
 * @example cacheTags({ format: 'ics' }, { kind: 'events', timeline: 'x' }) // 'timeline:x,kind:events,format:ics'
 */
export const cacheTags = (
  variant: Pick<Variant, 'format' | 'lang'>,
  hint: CacheTagHint,
): string => {
  const memoKey = `${hint.timeline}\u0000${hint.allTimelines}\u0000${hint.kind}\u0000${variant.format}\u0000${variant.lang}`
  let tags = memo.get(memoKey)
  if (tags === undefined) {
    tags = tagList(variant, hint)
    const bytes = 2 * (memoKey.length + tags.length)
    if (memoBytes + bytes > MAX_MEMO_BYTES) {
      memo.clear()
      memoBytes = 0
    }
    memo.set(memoKey, tags)
    memoBytes += bytes
  }
  return tags
}

/** The language of a tag without its RFC 6497 transform: `de-t-en-t0-und` → `de`. */
const bareLanguage = (tag: string): string => {
  const at = tag.toLowerCase().indexOf('-t-')
  return at < 0 ? tag : tag.slice(0, at)
}

const tagList = (variant: Pick<Variant, 'format' | 'lang'>, hint: CacheTagHint): string =>
  [
    hint.timeline === undefined ? undefined : timelineTag(hint.timeline),
    hint.allTimelines ? ALL_TIMELINES_TAG : undefined,
    `kind:${clean(hint.kind)}`,
    `format:${clean(variant.format)}`,
    // The language itself: `de-t-en-t0-und` (German, machine-translated from English) is `lang:de`.
    variant.lang === undefined ? undefined : `lang:${clean(bareLanguage(variant.lang))}`,
  ]
    .filter((tag) => tag !== undefined)
    .join(',')

/** Error responses (problems, the embed's error pages), cacheable for a minute. */
export const ERROR_CACHE_TAG = 'kind:error'

/**
 * Tags to purge after a fix to one timeline's data: its own responses and every response built
 * from all timelines (whose lists and entities include it).
 * @example await ctx.cache.purge({ tags: purgeTagsFor('wang-yi-moscow-2023') })
 */
export const purgeTagsFor = (timelineId: string): string[] => [
  timelineTag(timelineId),
  ALL_TIMELINES_TAG,
]
