/**
 * @module scripts/lib/draft/entities
 * Finds the known actors and places a passage names (data/actors.json, data/places.json), and
 * proposes new entities for the capitalised names it does not know. Hand-written rather than an
 * NER model: nothing in npm recognises names offline at this size, the known entities are a short
 * list, and every proposal is reviewed by an editor anyway.
 */
import type { Actor, Place } from '../../../src/model/schema.ts'

export interface EntityMatch {
  id: string
  /** The words of the passage that matched. */
  matched: string
  index: number
}

export interface ProposedEntity {
  id: string
  name: string
  kind: 'actor' | 'place'
  /** Guessed actor type; undefined for places. */
  type?: Actor['type']
  because: string
}

export interface PassageEntities {
  actors: EntityMatch[]
  places: EntityMatch[]
  proposed: ProposedEntity[]
}

/** Capitalised words that open sentences or titles, never names by themselves. */
const NOT_NAMES = new Set(
  `The A An But And Or During While In On At As For From To Of By With After Before Since Those These This That It He She They We His Her Their Its Our Who What When Where Why How If Including Also Meanwhile However
  President Presidents Minister Foreign Secretary Chancellor Chairman Chair Spokesman Spokeswoman Spokesperson Prime Vice Deputy Senior Chief Director Leader Official Officials Ambassador Envoy General Mr Ms Mrs Dr Sir King Queen Prince Pope Premier Governor Senator Mayor Commissioner State
  US UK EU UN Chinese Russian French German Italian Hungarian Ukrainian American British European Western Eastern Northern Southern Soviet Japanese Indian Israeli Iranian Turkish Polish
  January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday`.split(
    /\s+/,
  ),
)
const ORGANISATION =
  /\b(?:Ministry|Department|Agency|Council|Conference|Committee|Commission|Union|Organi[sz]ation|Bank|Fund|Forces|Army|Navy|Court|Parliament|Assembly|Institute|University|Foundation|Group|Company|Party|Office|Alliance|Forum|Summit)\b/
const MEDIA =
  /\b(?:Times|News|Post|Journal|Press|Herald|Tribune|Gazette|Daily|Broadcasting|Nation|Radio|TV|Television)\b/
const PERSON_TITLE =
  /\b(?:President|Minister|Secretary|Chancellor|Chairman|Chair|spokes(?:man|woman|person)|Prime Minister|leader|official|Ambassador|envoy|Mr|Ms|Dr|analyst|said)\s*$/i

/**
 * A slug for a proposed id, as the model spells ids.
 * @example slugify('Élysée Palace') // 'elysee-palace'
 */
export const slugify = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')

/**
 * Country names in English, from `Intl` (every ISO 3166 code from AA to ZZ that it names), so
 * "United States" is known to be a country without a gazetteer of our own.
 */
const COUNTRIES: ReadonlySet<string> = (() => {
  const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' })
  const found = new Set<string>()
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const name = names.of(String.fromCharCode(a, b))
      if (name) found.add(name)
    }
  }
  return found
})()
/** Where a place name follows: "in Paris", "to France". */
const PLACE_BEFORE = /\b(?:in|to|from|at|near|outside|visits? to|trip to)\s*$/i

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Names each known entity may go by in this article. */
const aliasesOf = (actors: readonly Actor[], articleText: string): Map<string, string[]> => {
  const aliases = new Map<string, string[]>()
  const tokenCount = new Map<string, number>()
  for (const a of actors)
    for (const t of a.name.split(/\s+/)) tokenCount.set(t, (tokenCount.get(t) ?? 0) + 1)
  for (const a of actors) {
    const names = [a.name]
    const tokens = a.name.split(/\s+/)
    // A person goes by a surname, which is the first name token in Chinese order ("Wang" Yi,
    // "Xi" Jinping) and the last in Western order: both, when no other actor shares the token.
    if (a.type === 'person' && tokens.length > 1) {
      for (const t of [tokens[0]!, tokens.at(-1)!]) {
        if (tokenCount.get(t) === 1 && !NOT_NAMES.has(t)) names.push(t)
      }
    }
    // An organisation's leading acronym ("CBS" News) and any "(ABBR)" the article gives it.
    if (a.type !== 'person' && /^\p{Lu}{2,}$/u.test(tokens[0]!) && tokens.length > 1)
      names.push(tokens[0]!)
    const abbr = new RegExp(`${escape(a.name)}\\s*\\((\\p{Lu}{2,8})\\)`, 'u').exec(articleText)
    if (abbr) names.push(abbr[1]!)
    aliases.set(a.id, names)
  }
  return aliases
}

const findAll = (text: string, names: readonly string[]): { matched: string; index: number }[] => {
  const hits: { matched: string; index: number }[] = []
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'gu')
    for (const m of text.matchAll(pattern)) hits.push({ matched: m[0], index: m.index })
  }
  return hits
}

/**
 * A matcher for one article: which known actors and places a passage names, and which names in it
 * are not known yet.
 * @example
 * const match = entityMatcher(actors, places, article)
 * match('Wang met Lavrov in Moscow.').actors.map((a) => a.id) // ['wang-yi', 'sergey-lavrov']
 */
export const entityMatcher = (
  actors: readonly Actor[],
  places: readonly Place[],
  articleText: string,
) => {
  const aliases = aliasesOf(actors, articleText)
  return (passage: string): PassageEntities => {
    let masked = passage
    const mask = (index: number, length: number) => {
      masked = masked.slice(0, index) + ' '.repeat(length) + masked.slice(index + length)
    }
    const collect = (ids: [string, string[]][]): EntityMatch[] => {
      const found: EntityMatch[] = []
      for (const [id, names] of ids) {
        const hits = findAll(passage, names).sort((a, b) => a.index - b.index)
        if (hits.length === 0) continue
        hits.forEach((h) => mask(h.index, h.matched.length))
        found.push({ id, matched: hits[0]!.matched, index: hits[0]!.index })
      }
      return found.sort((a, b) => a.index - b.index)
    }
    const knownActors = collect([...aliases])
    const knownPlaces = collect(places.map((p) => [p.id, [p.name]]))
    const known = new Set([...actors.map((a) => a.id), ...places.map((p) => p.id)])
    const proposed = new Map<string, ProposedEntity>()
    const run =
      /\p{Lu}(?:[\p{L}’'-]|\.(?=\p{L}))*(?:\s+(?:(?:of|the|de|von|van|al|bin|for)\s+)?\p{Lu}(?:[\p{L}’'-]|\.(?=\p{L}))*)*/gu
    for (const m of masked.matchAll(run)) {
      const words = m[0]
        .replace(/[’']s$/, '')
        .replace(/[.]+$/, '')
        .split(/\s+/)
      while (words.length && NOT_NAMES.has(words[0]!)) words.shift()
      while (
        words.length &&
        (NOT_NAMES.has(words.at(-1)!) || /^(?:of|the|and|for)$/.test(words.at(-1)!))
      )
        words.pop()
      if (
        words.length < 2 &&
        !(words.length === 1 && /^\p{Lu}{3,6}$/u.test(words[0]!) && !NOT_NAMES.has(words[0]!))
      )
        continue
      const name = words.join(' ')
      const id = slugify(name)
      if (!id || known.has(id) || proposed.has(id)) continue
      const before = masked.slice(Math.max(0, m.index - 40), m.index)
      proposed.set(id, classify(name, id, before))
    }
    // Countries are single words too ("France"): proposed only where something happens in them,
    // or listed after one that is ("visits to France, Italy and Hungary").
    let listEnd = -1
    for (const m of masked.matchAll(
      /\p{Lu}(?:[\p{L}’'-]|\.(?=\p{L}))*(?:\s+\p{Lu}(?:[\p{L}’'-]|\.(?=\p{L}))*)*/gu,
    )) {
      const name = m[0]
      const id = slugify(name)
      if (!COUNTRIES.has(name) || known.has(id)) continue
      const before = masked.slice(Math.max(0, m.index - 40), m.index)
      const listed = listEnd >= 0 && /^\s*(?:,|,?\s*and)\s*$/.test(masked.slice(listEnd, m.index))
      if (PLACE_BEFORE.test(before) || listed) {
        proposed.set(id, {
          id,
          name,
          kind: 'place',
          because: 'a country named as where something happens',
        })
        listEnd = m.index + name.length
      } else proposed.delete(id)
    }
    return { actors: knownActors, places: knownPlaces, proposed: [...proposed.values()] }
  }
}

const classify = (name: string, id: string, before: string): ProposedEntity => {
  if (COUNTRIES.has(name)) return { id, name, kind: 'place', because: 'a country name' }
  if (MEDIA.test(name))
    return { id, name, kind: 'actor', type: 'media', because: 'a media word in the name' }
  if (ORGANISATION.test(name)) {
    return {
      id,
      name,
      kind: 'actor',
      type: 'organisation',
      because: 'an organisation word in the name',
    }
  }
  if (PLACE_BEFORE.test(before)) {
    return { id, name, kind: 'place', because: `follows "${before.trim().split(/\s+/).at(-1)}"` }
  }
  if (PERSON_TITLE.test(before) || /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}$/u.test(name)) {
    return {
      id,
      name,
      kind: 'actor',
      type: 'person',
      because: 'a title before it, or the shape of a name',
    }
  }
  return {
    id,
    name,
    kind: 'actor',
    type: 'organisation',
    because: 'a capitalised name (type unknown)',
  }
}
