/**
 * @module scripts/lib/draft/claims
 * One candidate event per dated claim of an article: each temporal expression of the body, the
 * sentence (or, when the sentence dates several things, the clause) around it as a verbatim quote,
 * and guesses of the event's kind and status from the words nearest the date. The guesses are
 * keyword rules on purpose: they are cheap to read and to correct, and the draft block says which
 * word each came from.
 */
import type { EventKind, EventStatus } from '../../../src/model/schema.ts'
import type { ParsedArticle } from './article.ts'
import { partialDateRange } from '../../../src/model/dates.ts'
import { dayOf } from './calendar.ts'
import { findMentions } from './temporal.ts'
import type { TemporalMention } from './temporal.ts'
import { blankQuotes } from './tense.ts'

export interface Guess<T> {
  value: T
  from: string
  confidence: number
}

export interface Candidate {
  /** Verbatim passage of the article. */
  quote: string
  /** Offset of the quote in the article text. */
  offset: number
  mention: TemporalMention
  kind: Guess<EventKind>
  status: Guess<EventStatus>
}

/** Keywords of each kind, most specific first: on a tie in distance, the earlier one wins. */
const KIND_WORDS: [EventKind, RegExp][] = [
  ['editorial', /\beditorials?\b/gi],
  [
    'briefing',
    /\b(?:told reporters|told CNN|briefing|briefed|officials familiar|shared the intelligence)\b/gi,
  ],
  ['interview', /\b(?:interview(?:ed)?|aired|conversation|told [A-Z][\w’']*(?:’s|'s)? “)/g],
  [
    'speech',
    /\b(?:speech|addressed|remarks|keynote|telling the [^,.]{0,60}?(?:Conference|Assembly|Parliament|Forum|summit)|told the [^,.]{0,60}?(?:Conference|Assembly|Parliament|Forum|summit))\b/g,
  ],
  [
    'call',
    /\b(?:(?:phone|telephone|video) call|call between|phoned|spoke by (?:tele)?phone|end-of-year call)\b/gi,
  ],
  ['invasion', /\b(?:invasion|invaded|invade)\b/gi],
  ['military-exercise', /\b(?:military exercises?|exercises|drills?|manoeuvres|maneuvers)\b/gi],
  ['appointment', /\b(?:appointed|named as|nominated|sworn in|took office)\b/gi],
  ['tour', /\btour\b/gi],
  ['meeting', /\b(?:meet(?:s|ing|ings)?|met|talks|sidelines)\b/gi],
  ['visit', /\b(?:visit(?:s|ed|ing)?|arriv(?:e|ed|es|ing|al)|trip|travell?(?:ed|ing)|landed)\b/gi],
  ['conference', /\b(?:conference|forum|summit)\b/gi],
  ['publication', /\b(?:published|publish(?:es)?|position paper|white paper|released)\b/gi],
  [
    'statement',
    /\b(?:said|says|statement|announced|declared|stated|warned|urged|added|hailed)\b/gi,
  ],
]
/** Words that make an event uncertain ("may herald", "considering"). */
const HEDGE =
  /\b(?:may|might|could|possibl[ey]|would|considering|not rule out|do not rule out|herald)\b/i
/** Words that attribute a claim the report does not confirm. */
const ATTRIBUTED =
  /\b(?:reportedly|allegedly|officials familiar|according to (?:people|sources|officials)|people familiar|told CNN)\b/i
/** Minimum words a clause quote keeps, so it says what happened and not just when. */
const MIN_CLAUSE_WORDS = 9

const guessKind = (quote: string, at: number, length: number): Guess<EventKind> => {
  let best: { kind: EventKind; word: string; distance: number } | undefined
  for (const [kind, pattern] of KIND_WORDS) {
    for (const m of quote.matchAll(pattern)) {
      const end = m.index + m[0].length
      const distance = end <= at ? at - end : m.index >= at + length ? m.index - (at + length) : 0
      if (!best || distance < best.distance) best = { kind, word: m[0], distance }
    }
  }
  if (!best)
    return { value: 'statement', from: 'no kind word in the quote: default', confidence: 0.1 }
  const confidence = best.distance <= 40 ? 0.6 : 0.4
  return { value: best.kind, from: `the word "${best.word}", nearest the date`, confidence }
}

/**
 * The kind a text without a date in it suggests: its first kind word (for imported slides).
 * @example guessKindInText('Ada Lovelace visits Babbage').value // 'visit'
 */
export const guessKindInText = (text: string): Guess<EventKind> => guessKind(text, 0, 0)

const guessStatus = (
  quote: string,
  mention: TemporalMention,
  published: number,
): Guess<EventStatus> => {
  const plain = blankQuotes(quote)
  const hedge = HEDGE.exec(plain)?.[0]
  if (partialDateRange(mention.date.start)!.first > published) {
    if (hedge) return { value: 'possible', from: `a future date with "${hedge}"`, confidence: 0.6 }
    if (mention.date.precision === 'day' && !mention.date.approximate) {
      return { value: 'scheduled', from: 'a future day', confidence: 0.6 }
    }
    return { value: 'expected', from: 'a future, imprecise date', confidence: 0.5 }
  }
  const attributed = ATTRIBUTED.exec(plain)?.[0]
  if (attributed) return { value: 'reported', from: `attributed: "${attributed}"`, confidence: 0.5 }
  return { value: 'happened', from: 'a past date, no hedge', confidence: 0.6 }
}

/** A sentence break the segmenter makes after an abbreviation ("on Feb. 4", "Mr. Wang"). */
const ABBREVIATION_END =
  /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Prof|No|vs|U\.S)\.\s*$/

/**
 * The sentences of a paragraph with their offsets: Intl.Segmenter's, rejoined where it broke
 * after an abbreviation or before a lower-case word or a digit.
 * @example sentences('It fell on Feb. 4. Then…', 'en') // [{ segment: 'It fell on Feb. 4. ', index: 0 }, …]
 */
export const sentences = (text: string, language: string): { segment: string; index: number }[] => {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
  const out: { segment: string; index: number }[] = []
  for (const { segment, index } of segmenter.segment(text)) {
    const last = out.at(-1)
    if (last && (ABBREVIATION_END.test(last.segment) || /^[\p{Ll}\d]/u.test(segment))) {
      last.segment += segment
    } else out.push({ segment, index })
  }
  return out
}

/** Clause boundaries: commas, semicolons, colons and dashes followed by a space. */
const BOUNDARY = /[,;:]\s+|\s+[—–]\s+/g

/** The clause of `sentence` around `at..at+length`, widened until it has enough words. */
const clauseAround = (sentence: string, at: number, length: number): [number, number] => {
  const cuts = [0]
  for (const m of sentence.matchAll(BOUNDARY)) cuts.push(m.index + m[0].length)
  cuts.push(sentence.length)
  let i = cuts.findLastIndex((c) => c <= at)
  let j = cuts.findIndex((c) => c >= at + length)
  const words = () => sentence.slice(cuts[i], cuts[j]).split(/\s+/).filter(Boolean).length
  while (words() < MIN_CLAUSE_WORDS && (i > 0 || j < cuts.length - 1)) {
    if (i > 0) i--
    else j++
  }
  return [cuts[i]!, cuts[j]!]
}

/** Trims a slice to a clean quote: no edge spaces or dangling commas, and its offset moved along. */
const trimmed = (text: string, from: number, to: number): [number, number] => {
  while (from < to && /[\s,;:—–]/.test(text[from]!)) from++
  while (to > from && /[\s,;:—–]/.test(text[to - 1]!)) to--
  return [from, to]
}

/**
 * The candidate events of a parsed article, in the order of the text.
 * @example findCandidates(parseArticle(text), { published: '2023-02-21' })[0].quote
 * // 'China’s chief diplomat Wang Yi He arrived in Moscow on Tuesday'
 */
export const findCandidates = (
  article: ParsedArticle,
  options: { published: string; language: string },
): Candidate[] => {
  const published = dayOf(options.published)
  const candidates: Candidate[] = []
  let anchor: number | undefined
  article.body.forEach((paragraph, p) => {
    // The dateline ("Hong Kong (CNN)") is not part of any claim.
    const skip = p === 0 && article.dateline ? article.dateline.text.length : 0
    const text = paragraph.text.slice(skip)
    for (const { segment, index } of sentences(text, options.language)) {
      const mentions = findMentions(segment, { ...options, anchor })
      for (const mention of mentions) {
        if (mention.date.precision === 'day' && !mention.date.end)
          anchor = dayOf(mention.date.start)
        const [from, to] =
          mentions.length === 1
            ? trimmed(segment, 0, segment.length)
            : trimmed(segment, ...clauseAround(segment, mention.index, mention.text.length))
        const quote = segment.slice(from, to)
        const at = mention.index - from
        candidates.push({
          quote,
          offset: paragraph.offset + skip + index + from,
          mention,
          kind: guessKind(quote, at, mention.text.length),
          status: guessStatus(quote, mention, published),
        })
      }
    }
  })
  return candidates
}
