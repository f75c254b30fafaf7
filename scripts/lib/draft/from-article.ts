/**
 * @module scripts/lib/draft/from-article
 * Puts the pieces together: article → publication day (checked) → candidate events with quotes,
 * dates, kinds, statuses, participants and places → a draft timeline in Dateline's own format,
 * with `draft` blocks saying how each field was derived and with what confidence.
 */
import type { Actor, EventKind, Place, TimelineEvent } from '../../../src/model/schema.ts'
import type { DraftTimeline, EventDraftBlock } from '../../../src/model/draft.ts'
import { partialDateRange } from '../../../src/model/dates.ts'
import { parseArticle } from './article.ts'
import type { ParsedArticle } from './article.ts'
import { findCandidates } from './claims.ts'
import type { Candidate } from './claims.ts'
import { entityMatcher, slugify } from './entities.ts'
import type { PassageEntities, ProposedEntity } from './entities.ts'
import { detectLanguage } from './language.ts'
import { checkPublicationDate } from './publication.ts'
import type { PublicationCheck, WeekdayWord } from './publication.ts'
import { hasParser } from './temporal.ts'

export interface ArticleDraftInput {
  text: string
  /** Path of the article, recorded in the draft. */
  input: string
  /** The source's text path under data/ (`sources/<file>.txt`), where quotes are checked. */
  sourceText: string
  id: string
  published?: string
  language?: string
  url?: string
  actors: readonly Actor[]
  places: readonly Place[]
}

export interface ArticleDraft {
  draft: DraftTimeline
  article: ParsedArticle
  candidates: Candidate[]
  /** The header date's check against the weekday words, when there is a header date. */
  headerCheck?: PublicationCheck
  /** Lines for stderr: what does not add up. */
  warnings: string[]
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length

/** Bare weekday words ("on Tuesday", not "last Tuesday"): the ones that date the writing. */
const weekdayWords = (article: ParsedArticle, candidates: readonly Candidate[]): WeekdayWord[] =>
  candidates
    .filter((c) => c.mention.weekday !== undefined)
    .filter((c) => !/\b(?:last|next|this|past|previous|later)\b/i.test(c.mention.text))
    .map((c) => ({
      weekday: c.mention.weekday!,
      tense: c.mention.tense,
      where: `"${c.mention.text}" (line ${lineAt(article.text, c.offset)})`,
    }))

const ROLE_BY_KIND: Partial<Record<EventKind, 'guest' | 'speaker' | 'interviewee'>> = {
  visit: 'guest',
  speech: 'speaker',
  interview: 'interviewee',
}

const participantsOf = (
  found: PassageEntities,
  kind: EventKind,
  quote: string,
  actors: ReadonlyMap<string, Actor>,
): TimelineEvent['participants'] => {
  const firstPerson = found.actors.find((a) => actors.get(a.id)?.type === 'person')
  return found.actors.map((match) => {
    const actor = actors.get(match.id)!
    const before = quote.slice(Math.max(0, match.index - 30), match.index)
    if (/spokes(?:man|woman|person)\s*$/i.test(before))
      return { actor: actor.id, role: 'spokesperson' }
    if (kind === 'editorial' && actor.type === 'media') return { actor: actor.id, role: 'author' }
    const role = ROLE_BY_KIND[kind]
    if (role && match === firstPerson) return { actor: actor.id, role }
    return { actor: actor.id, role: 'participant' }
  })
}

/** A headline-length title from the quote: its opening words, for the editor to rewrite. */
const titleOf = (quote: string): string => {
  const words = quote.replace(/^[“"‘']+/, '').split(/\s+/)
  let title = ''
  for (const word of words) {
    if ((title + ' ' + word).length > 90) return `${title}…`
    title = title ? `${title} ${word}` : word
  }
  return title.replace(/[.,;:]+$/, '')
}

const eventOf = (
  c: Candidate,
  found: PassageEntities,
  sourceId: string,
  actors: ReadonlyMap<string, Actor>,
): DraftTimeline['events'][number] & { draft: EventDraftBlock } => {
  const participants = participantsOf(found, c.kind.value, c.quote, actors)
  const names = (list: { matched: string }[]) => list.map((m) => `"${m.matched}"`).join(', ')
  const main = participants[0]?.actor ?? found.places[0]?.id
  const id = slugify(`${c.mention.date.start} ${c.kind.value} ${main ?? ''}`)
  return {
    id,
    date: c.mention.date,
    title: titleOf(c.quote),
    summary: '',
    kind: c.kind.value,
    tags: [],
    status: c.status.value,
    places: found.places.map((p) => p.id),
    participants,
    citations: [{ source: sourceId, quote: c.quote }],
    draft: {
      expression: c.mention.text,
      fields: {
        date: { from: c.mention.rule, confidence: c.mention.confidence },
        title: {
          from: 'the opening words of the quote: rewrite it as a headline',
          confidence: 0.2,
        },
        summary: { from: 'not derived: write it in our own words', confidence: 0 },
        kind: { from: c.kind.from, confidence: c.kind.confidence },
        status: { from: c.status.from, confidence: c.status.confidence },
        tags: { from: 'not derived: add the timeline’s topic tags', confidence: 0 },
        participants: {
          from: found.actors.length
            ? `names in the quote: ${names(found.actors)}; roles guessed`
            : 'no known actor named in the quote',
          confidence: found.actors.length ? 0.5 : 0.2,
        },
        places: {
          from: found.places.length
            ? `names in the quote: ${names(found.places)}`
            : 'no known place named in the quote',
          confidence: found.places.length ? 0.5 : 0.2,
        },
        citations: { from: 'the sentence (or clause) with the date, verbatim', confidence: 0.9 },
      },
      ...(found.proposed.length ? { proposed: found.proposed } : {}),
    },
  }
}

const unique = <T extends { id: string }>(items: T[]): T[] => {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1
    seen.set(item.id, n)
    return n === 1 ? item : { ...item, id: `${item.id}-${n}` }
  })
}

/**
 * Drafts a timeline from an article's text.
 * @example
 * const { draft, warnings } = draftFromArticle({ text, input: 'article.txt', sourceText: 'sources/a.txt', id: 'a', actors, places })
 */
export const draftFromArticle = (input: ArticleDraftInput): ArticleDraft => {
  const article = parseArticle(input.text)
  const warnings: string[] = []
  const language = detectLanguage(article.body.map((p) => p.text).join('\n'), input.language)
  if (!hasParser(language.value)) {
    warnings.push(`no date parser for language "${language.value}": English rules are used`)
  }
  const header = article.headerDate?.value
  const published = input.published ?? header
  if (!published) {
    throw new Error('no publication date in the article header: pass --published YYYY-MM-DD')
  }
  const candidates = findCandidates(article, { published, language: language.value })
  const words = weekdayWords(article, candidates)
  const headerCheck = header ? checkPublicationDate(header, words) : undefined
  if (headerCheck && !headerCheck.fits) {
    warnings.push(
      `publication date: the header "${article.headerDate!.text}" (line ${article.headerDate!.line}) ` +
        `does not fit: ${headerCheck.problem}. Proposed: ${headerCheck.proposed}, ${headerCheck.proposedBecause}` +
        (headerCheck.alternatives.length
          ? `; also fits: ${headerCheck.alternatives.join(', ')}`
          : '') +
        (input.published
          ? `. Using --published ${input.published}.`
          : `. The draft uses the header's date; rerun with --published ${headerCheck.proposed} to use the proposal.`),
    )
  }
  const usedCheck = input.published ? checkPublicationDate(input.published, words) : headerCheck
  if (input.published && usedCheck && !usedCheck.fits) {
    warnings.push(
      `publication date: --published ${usedCheck.problem}; proposed: ${usedCheck.proposed}`,
    )
  }
  const actors = new Map(input.actors.map((a) => [a.id, a]))
  const match = entityMatcher(input.actors, input.places, input.text)
  const publisher = article.dateline?.publisher ?? 'Unknown publisher'
  const sourceId = slugify(`${publisher} ${published}`)
  const events = unique(candidates.map((c) => eventOf(c, match(c.quote), sourceId, actors)))
  // Chronological, as the validator requires; ties keep the article's order.
  const first = (e: (typeof events)[number]) => partialDateRange(e.date.start)!.first
  events.sort((a, b) => first(a) - first(b))
  const proposed = new Map<string, ProposedEntity>()
  for (const e of events) for (const p of e.draft.proposed ?? []) proposed.set(p.id, p)
  const draft: DraftTimeline = {
    $schema: '../schema/draft-timeline.schema.json',
    id: input.id,
    title: article.headline ?? `Draft: ${input.id}`,
    description: '',
    language: language.value,
    attribution: `Compiled by Dateline from ${publisher}’s report of ${published}.`,
    sources: [
      {
        id: sourceId,
        publisher,
        headline: article.headline ?? '',
        ...(input.url ? { url: input.url } : {}),
        published,
        text: input.sourceText,
        ...(headerCheck && !headerCheck.fits
          ? {
              note: `The page header reads “${article.headerDate!.text}”, which does not fit the article’s weekday words.`,
            }
          : {}),
      },
    ],
    events,
    draft: {
      status: 'unreviewed',
      createdBy: 'npm run draft',
      input: input.input,
      language,
      published: {
        value: published,
        from: input.published ? '--published' : `the header "${article.headerDate!.text}"`,
        ...(header ? { header } : {}),
        ...(usedCheck ? { fits: usedCheck.fits } : {}),
        ...(usedCheck?.problem ? { problem: usedCheck.problem } : {}),
        ...(headerCheck?.proposed ? { proposed: headerCheck.proposed } : {}),
        ...(headerCheck?.alternatives.length ? { alternatives: headerCheck.alternatives } : {}),
      },
      skipped: article.skipped.map((s) => ({ line: s.line, text: s.text, reason: s.reason })),
      ...(proposed.size ? { proposed: [...proposed.values()] } : {}),
    },
  }
  return { draft, article, candidates, ...(headerCheck ? { headerCheck } : {}), warnings }
}
