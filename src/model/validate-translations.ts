/**
 * @module model/validate-translations
 * The rules a translation must pass before it is bundled, as pure functions over parsed files:
 * complete, really translated (or marked as rightly the same), names as that language writes
 * them, the original's numbers and placeholders kept, and quotes never touched. Apart from
 * validate.ts, which calls it, to keep each file about one kind of rule.
 */
import { SharedTranslation, TagsFile, TimelineTranslation } from './translation-schema.ts'
import type {
  SharedTranslation as SharedData,
  TimelineTranslation as TranslationData,
} from './translation-schema.ts'
import type { Actor, Place, Timeline } from './schema.ts'
import type { DataFile, ValidationIssue } from './validate.ts'
import type { z } from 'zod'

export interface TranslationFiles {
  /** `data/tags.json`: the English label of every tag. */
  tags: DataFile
  /** `data/translations/{lang}/shared.json` and `data/translations/{lang}/{timeline}.json`. */
  files: DataFile[]
}

export interface ValidTranslations {
  tags: Record<string, string>
  shared: SharedData[]
  timelines: TranslationData[]
}

/** Keys that would carry a translated quote; a translation glosses quotes instead. */
const QUOTE_KEYS = ['quote', 'quotes', 'citations']
const NUMBER = /\d+/g
const PLACEHOLDER = /\{\w+\}/g

const zodIssues = (file: string, error: z.ZodError): ValidationIssue[] =>
  error.issues.map((i) => ({
    file,
    field: i.path.map(String).join('.') || '(file)',
    message: i.message,
  }))

/** Where a file sits: `translations/{lang}/{name}.json`, or undefined. */
const placeOf = (file: string): { lang: string; name: string } | undefined => {
  const m = /(?:^|\/)translations\/([^/]+)\/([^/]+)\.json$/.exec(file)
  return m ? { lang: m[1]!, name: m[2]! } : undefined
}

const sortedSet = (text: string, pattern: RegExp) => new Set(text.match(pattern) ?? [])

/** A name a text may use in one language: the name itself or one of its listed forms. */
interface LocalName {
  english: string
  local: string[]
}

/**
 * English names that occur in `english`, longest first, each occurrence counted once (so
 * "Munich" inside "Munich Security Conference" is the conference, not the city).
 */
const namesIn = (english: string, names: readonly LocalName[]): LocalName[] => {
  let rest = english
  const found: LocalName[] = []
  for (const name of names) {
    if (!rest.includes(name.english)) continue
    found.push(name)
    rest = rest.split(name.english).join('\u0000')
  }
  return found
}

/** The checks shared by every translated text: sameness, names, numbers, placeholders. */
const textIssues = (
  original: string,
  translated: string,
  path: string,
  unchanged: ReadonlySet<string>,
  names: readonly LocalName[],
  push: (field: string, message: string) => void,
) => {
  if (original === translated && !unchanged.has(path)) {
    push(path, 'is identical to the original; translate it, or list the path in "unchanged"')
  }
  for (const name of namesIn(original, names)) {
    if (!name.local.some((form) => translated.includes(form))) {
      push(path, `uses "${name.english}" in the original but not its name here, "${name.local[0]}"`)
    }
  }
  const numbers = sortedSet(translated, NUMBER)
  for (const n of sortedSet(original, NUMBER)) {
    if (!numbers.has(n)) push(path, `the number ${n} of the original is missing`)
  }
  const placeholders = [...sortedSet(translated, PLACEHOLDER)].sort().join(' ')
  const wanted = [...sortedSet(original, PLACEHOLDER)].sort().join(' ')
  if (placeholders !== wanted) push(path, `placeholders must be exactly those of the original`)
}

const sharedIssues = (
  file: string,
  shared: SharedData,
  actors: readonly Actor[],
  places: readonly Place[],
  tags: Record<string, string>,
): ValidationIssue[] => {
  const issues: ValidationIssue[] = []
  const push = (field: string, message: string) => issues.push({ file, field, message })
  const unchanged = new Set(shared.unchanged ?? [])
  for (const actor of actors) {
    const t = shared.actors[actor.id]
    if (!t) {
      push(`actors.${actor.id}`, 'is missing: every actor needs a name in every language')
      continue
    }
    textIssues(actor.name, t.name, `actors.${actor.id}.name`, unchanged, [], push)
    if (actor.description && !t.description) push(`actors.${actor.id}.description`, 'is missing')
    if (actor.description && t.description) {
      textIssues(
        actor.description,
        t.description,
        `actors.${actor.id}.description`,
        unchanged,
        [],
        push,
      )
    }
  }
  for (const place of places) {
    const t = shared.places[place.id]
    if (!t) push(`places.${place.id}`, 'is missing: every place needs a name in every language')
    else textIssues(place.name, t.name, `places.${place.id}.name`, unchanged, [], push)
  }
  for (const [id, label] of Object.entries(tags)) {
    const t = shared.tags[id]
    if (!t) push(`tags.${id}`, 'is missing: every tag needs a label in every language')
    else textIssues(label, t, `tags.${id}`, unchanged, [], push)
  }
  return issues
}

const localNames = (
  shared: SharedData | undefined,
  actors: readonly Actor[],
  places: readonly Place[],
): LocalName[] =>
  [
    ...actors.map((a) => ({ english: a.name, t: shared?.actors[a.id] })),
    ...places.map((p) => ({ english: p.name, t: shared?.places[p.id] })),
  ]
    .filter((n) => n.t)
    .map((n) => ({ english: n.english, local: [n.t!.name, ...(n.t!.forms ?? [])] }))
    .sort((a, b) => b.english.length - a.english.length)

const timelineTranslationIssues = (
  file: string,
  t: TranslationData,
  timeline: Timeline,
  names: readonly LocalName[],
): ValidationIssue[] => {
  const issues: ValidationIssue[] = []
  const unchanged = new Set(t.unchanged ?? [])
  const push = (field: string, message: string) => issues.push({ file, field, message })
  const check = (original: string, translated: string | undefined, path: string) => {
    if (translated === undefined) push(path, 'is missing')
    else textIssues(original, translated, path, unchanged, names, push)
  }
  check(timeline.title, t.title, 'title')
  check(timeline.description, t.description, 'description')
  check(timeline.attribution, t.attribution, 'attribution')
  for (const source of timeline.sources) {
    if (source.note) check(source.note, t.sources?.[source.id]?.note, `sources.${source.id}.note`)
  }
  const ids = new Set(timeline.events.map((e) => e.id))
  for (const id of Object.keys(t.events)) {
    if (!ids.has(id)) push(`events.${id}`, `no event "${id}" in ${timeline.id}`)
  }
  for (const event of timeline.events) {
    const e = t.events[event.id]
    const at = `events.${event.id}`
    if (!e) {
      push(at, 'is missing: every event needs its title, summary, notes and glosses')
      continue
    }
    check(event.title, e.title, `${at}.title`)
    check(event.summary, e.summary, `${at}.summary`)
    if (event.date.display) check(event.date.display, e.display, `${at}.display`)
    else if (e.display) push(`${at}.display`, 'the original has no display wording to translate')
    const notes = event.notes ?? []
    if ((e.notes ?? []).length !== notes.length) {
      push(`${at}.notes`, `needs ${notes.length} note(s), one per note of the original`)
    } else notes.forEach((n, i) => check(n.text, e.notes![i], `${at}.notes.${i}`))
    if (e.glosses.length !== event.citations.length) {
      push(`${at}.glosses`, `needs ${event.citations.length} gloss(es), one per quote`)
    } else event.citations.forEach((c, i) => check(c.quote, e.glosses[i], `${at}.glosses.${i}`))
  }
  return issues
}

/** A key that would translate a quote, anywhere in an event translation. */
const quoteIssues = (file: string, content: unknown): ValidationIssue[] => {
  const events = (content as { events?: Record<string, Record<string, unknown>> }).events
  if (!events || typeof events !== 'object') return []
  return Object.entries(events).flatMap(([id, e]) =>
    QUOTE_KEYS.filter((k) => e && typeof e === 'object' && k in e).map((k) => ({
      file,
      field: `events.${id}.${k}`,
      message: 'a translation never touches a quote: quotes stay verbatim; give "glosses"',
    })),
  )
}

/**
 * Checks the tag labels and every translation file against the (valid) originals.
 * @example const { translations, issues } = validateTranslations(files, { actors, places, timelines })
 */
export const validateTranslations = (
  input: TranslationFiles,
  originals: { actors: Actor[]; places: Place[]; timelines: Timeline[] },
): { translations?: ValidTranslations; issues: ValidationIssue[] } => {
  const issues: ValidationIssue[] = []
  const tagsParsed = TagsFile.safeParse(input.tags.content)
  if (!tagsParsed.success) issues.push(...zodIssues(input.tags.file, tagsParsed.error))
  const tags = tagsParsed.data?.tags ?? {}
  for (const timeline of originals.timelines) {
    for (const event of timeline.events) {
      for (const tag of event.tags) {
        if (!Object.hasOwn(tags, tag)) {
          issues.push({
            file: input.tags.file,
            field: `tags.${tag}`,
            message: `tag "${tag}" (event "${event.id}") has no label`,
          })
        }
      }
    }
  }
  const shared = new Map<string, SharedData>()
  const sharedFiles = new Map<string, string>()
  const timelineFiles: { file: string; data: TranslationData }[] = []
  for (const { file, content } of input.files) {
    const where = placeOf(file)
    const quotes = quoteIssues(file, content)
    if (quotes.length) {
      issues.push(...quotes)
      continue
    }
    const isShared = where?.name === 'shared'
    const parsed = (isShared ? SharedTranslation : TimelineTranslation).safeParse(content)
    if (!parsed.success) {
      issues.push(...zodIssues(file, parsed.error))
      continue
    }
    if (!where || where.lang !== parsed.data.language) {
      issues.push({ file, field: 'language', message: 'must name the folder the file is in' })
      continue
    }
    if (isShared) {
      shared.set(where.lang, parsed.data as SharedData)
      sharedFiles.set(where.lang, file)
    } else timelineFiles.push({ file, data: parsed.data as TranslationData })
  }
  for (const [lang, s] of shared) {
    issues.push(
      ...sharedIssues(sharedFiles.get(lang)!, s, originals.actors, originals.places, tags),
    )
  }
  const timelines = new Map(originals.timelines.map((t) => [t.id, t]))
  for (const { file, data } of timelineFiles) {
    const timeline = timelines.get(data.timeline)
    if (!timeline || placeOf(file)?.name !== data.timeline) {
      issues.push({ file, field: 'timeline', message: 'must name a timeline and match the file' })
      continue
    }
    if (!shared.has(data.language)) {
      issues.push({
        file,
        field: 'language',
        message: `needs translations/${data.language}/shared.json`,
      })
      continue
    }
    const names = localNames(shared.get(data.language), originals.actors, originals.places)
    issues.push(...timelineTranslationIssues(file, data, timeline, names))
  }
  if (issues.length) return { issues }
  return {
    translations: {
      tags,
      shared: [...shared.values()],
      timelines: timelineFiles.map((t) => t.data),
    },
    issues,
  }
}
