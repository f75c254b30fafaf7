/**
 * @module scripts/lib/draft/timelinejs
 * Imports a TimelineJS3 timeline (its JSON, or a CSV of its Google Sheets template) as a draft:
 * each slide keeps its dates, headline and text; every citation is marked missing, because
 * TimelineJS has no idea of sources and Dateline publishes nothing without a quote.
 */
import Papa from 'papaparse'
import { partialDateRange } from '../../../src/model/dates.ts'
import { EVENT_KINDS } from '../../../src/model/vocabulary.ts'
import type { Actor, EventDate, EventKind, Place } from '../../../src/model/schema.ts'
import type { DraftTimeline } from '../../../src/model/draft.ts'
import { guessKindInText } from './claims.ts'
import { entityMatcher, slugify } from './entities.ts'
import type { ProposedEntity } from './entities.ts'
import { detectLanguage } from './language.ts'

/** A TimelineJS date object (https://timeline.knightlab.com/docs/json-format.html). */
interface TjsDate {
  year?: string | number
  month?: string | number
  day?: string | number
  display_date?: string
}

interface TjsSlide {
  start_date?: TjsDate
  end_date?: TjsDate
  display_date?: string
  text?: { headline?: string; text?: string }
  media?: { url?: string; credit?: string; caption?: string }
  group?: string
  unique_id?: string
}

export interface TjsDocument {
  title?: TjsSlide
  events?: TjsSlide[]
  eras?: TjsSlide[]
}

/**
 * Text of TimelineJS's HTML fields. Hand-written: the fields are a newsroom's short snippets of
 * inline HTML and only their words are kept (tags dropped, the common entities decoded), so an
 * HTML parser would add a dependency for nothing these few lines miss.
 * @example plainText('<p>Ada &amp; <a href="x">Charles</a></p>') // 'Ada & Charles'
 */
export const plainText = (html: string | undefined): string =>
  (html ?? '')
    .replace(/<(?:br|\/p|\/div|\/li)\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp|#39));/gi, (_, dec, hex, name) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : (
              { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" } as Record<
                string,
                string
              >
            )[name.toLowerCase()]!,
    )
    .replace(/\s+/g, ' ')
    .trim()

const pad = (n: number) => String(n).padStart(2, '0')
const num = (v: string | number | undefined) =>
  v === undefined || String(v).trim() === '' ? undefined : Number(v)

/** A TimelineJS date as a partial date, or a reason it cannot be one (BCE, cosmological years). */
const partial = (d: TjsDate | undefined): string | { problem: string } | undefined => {
  const year = num(d?.year)
  if (year === undefined) return undefined
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    return { problem: `year ${d!.year} is outside the years 1–9999 a Dateline date can hold` }
  }
  const month = num(d!.month)
  const day = num(d!.day)
  const text =
    month === undefined
      ? String(year).padStart(4, '0')
      : day === undefined
        ? `${String(year).padStart(4, '0')}-${pad(month)}`
        : `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
  return partialDateRange(text) ? text : { problem: `${text} is not a real date` }
}

const dateOf = (slide: TjsSlide): EventDate | { problem: string } => {
  const start = partial(slide.start_date)
  if (!start) return { problem: 'no start date' }
  if (typeof start !== 'string') return start
  const endRaw = partial(slide.end_date)
  if (endRaw && typeof endRaw !== 'string') return endRaw
  // Dateline writes start and end at one precision: the coarser of the two.
  const length = Math.min(start.length, endRaw?.length ?? start.length)
  const precision = length === 4 ? 'year' : length === 7 ? 'month' : 'day'
  const end = endRaw?.slice(0, length)
  const display = slide.display_date ?? slide.start_date?.display_date
  return {
    start: start.slice(0, length),
    ...(end && end !== start.slice(0, length) ? { end } : {}),
    precision,
    ...(display ? { display: display.slice(0, 120) } : {}),
  }
}

/**
 * The CSV of TimelineJS's Google Sheets template as its JSON: rows of Year, Month, Day, End Year,
 * End Month, End Day, Display Date, Headline, Text, Media…, Type ("title", "era" or empty), Group.
 * @example csvToDocument('Year,Headline\n1951,Recursion\n').events[0].start_date // { year: '1951', … }
 */
export const csvToDocument = (csv: string): TjsDocument => {
  const { data } = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: true,
  })
  const doc: TjsDocument = { events: [], eras: [] }
  for (const row of data) {
    const slide: TjsSlide = {
      start_date: { year: row['Year'], month: row['Month'], day: row['Day'] },
      end_date: { year: row['End Year'], month: row['End Month'], day: row['End Day'] },
      ...(row['Display Date'] ? { display_date: row['Display Date'] } : {}),
      text: { headline: row['Headline'] ?? '', text: row['Text'] ?? '' },
      media: { url: row['Media'] ?? '', credit: row['Media Credit'] ?? '' },
      ...(row['Group'] ? { group: row['Group'] } : {}),
    }
    const type = (row['Type'] ?? '').trim().toLowerCase()
    if (type === 'title') doc.title = slide
    else if (type === 'era') doc.eras!.push(slide)
    else doc.events!.push(slide)
  }
  return doc
}

export interface ImportInput {
  doc: TjsDocument
  input: string
  id: string
  language?: string
  actors: readonly Actor[]
  places: readonly Place[]
}

/**
 * A draft timeline from a TimelineJS3 document, and the slides that could not be imported.
 * @example importTimelineJs({ doc, input: 'eras.json', id: 'eras', actors, places }).draft.events.length
 */
export const importTimelineJs = (input: ImportInput) => {
  const slides = input.doc.events ?? []
  const texts = slides.map((s) => `${plainText(s.text?.headline)}. ${plainText(s.text?.text)}`)
  const language = detectLanguage(
    [plainText(input.doc.title?.text?.text), ...texts].join('\n'),
    input.language,
  )
  const match = entityMatcher(input.actors, input.places, texts.join('\n'))
  const skipped: { line: number; text: string; reason: string }[] = []
  const proposed = new Map<string, ProposedEntity>()
  const events: DraftTimeline['events'] = []
  slides.forEach((slide, i) => {
    const headline = plainText(slide.text?.headline)
    const body = plainText(slide.text?.text)
    const date = dateOf(slide)
    const label = headline || body.slice(0, 80) || `slide ${i + 1}`
    if ('problem' in date) return skipped.push({ line: i + 1, text: label, reason: date.problem })
    const words = `${headline}. ${body}`
    const found = match(words)
    found.proposed.forEach((p) => proposed.set(p.id, p))
    const group = slide.group?.trim()
    const kindFromGroup = (EVENT_KINDS as readonly string[]).includes(group ?? '')
    const kind = kindFromGroup
      ? { value: group as EventKind, from: 'the slide’s group, a Dateline kind', confidence: 0.9 }
      : guessKindInText(words)
    const title = (headline || body.split(/\s+/).slice(0, 12).join(' ') || 'Untitled').slice(0, 160)
    const id = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slide.unique_id ?? '')
      ? slide.unique_id!
      : slugify(`${date.start} ${title.split(/\s+/).slice(0, 6).join(' ')}`)
    const media = slide.media?.url ? ` The slide’s media (${slide.media.url}) may lead to one.` : ''
    events.push({
      id,
      date,
      title: title.length >= 3 ? title : `${title}…`,
      summary: body.slice(0, 1200),
      kind: kind.value,
      tags: group && !kindFromGroup && slugify(group) ? [slugify(group)] : [],
      status:
        partialDateRange(date.start)!.first * 86_400_000 > Date.now() ? 'expected' : 'happened',
      places: found.places.map((p) => p.id),
      participants: found.actors.map((a) => ({ actor: a.id, role: 'participant' as const })),
      citations: [],
      draft: {
        fields: {
          date: { from: 'the slide’s start and end dates', confidence: 0.9 },
          title: { from: 'the slide’s headline, HTML removed', confidence: 0.7 },
          summary: {
            from: 'the slide’s text, HTML removed: check it is our own words',
            confidence: 0.5,
          },
          kind: { from: kind.from, confidence: kind.confidence },
          status: { from: 'past dates happened, future ones are expected', confidence: 0.3 },
          participants: { from: 'known names in the slide', confidence: 0.4 },
          places: { from: 'known places in the slide', confidence: 0.4 },
          citations: {
            from: `missing: TimelineJS has no sources; quote the source passage.${media}`,
            confidence: 0,
          },
        },
        ...(found.proposed.length ? { proposed: found.proposed } : {}),
      },
    })
  })
  for (const era of input.doc.eras ?? []) {
    skipped.push({
      line: 0,
      text: plainText(era.text?.headline) || 'era',
      reason: 'an era: Dateline has no eras',
    })
  }
  const seen = new Map<string, number>()
  for (const e of events) {
    const n = (seen.get(e.id) ?? 0) + 1
    seen.set(e.id, n)
    if (n > 1) e.id = `${e.id}-${n}`
  }
  const first = (e: (typeof events)[number]) => partialDateRange(e.date.start)!.first
  events.sort((a, b) => first(a) - first(b))
  const draft: DraftTimeline = {
    $schema: '../schema/draft-timeline.schema.json',
    id: input.id,
    title: plainText(input.doc.title?.text?.headline).slice(0, 200) || `Imported: ${input.id}`,
    description: plainText(input.doc.title?.text?.text).slice(0, 2000),
    language: language.value,
    attribution: `Imported from a TimelineJS3 timeline (${input.input}).`,
    sources: [],
    events,
    draft: {
      status: 'unreviewed',
      createdBy: 'npm run import',
      input: input.input,
      language,
      ...(skipped.length ? { skipped } : {}),
      ...(proposed.size ? { proposed: [...proposed.values()] } : {}),
    },
  }
  return { draft, skipped }
}
