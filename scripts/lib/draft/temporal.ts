/**
 * @module scripts/lib/draft/temporal
 * Finds the temporal expressions of a text with chrono-node and resolves each against the article's
 * publication day, keeping its precision (day, month, year, or an approximate span of days).
 * chrono finds the expressions and reads their components (weekday, day, month, year, offsets);
 * the rules that pick *which* Tuesday or February a news report means are ours (resolve.ts),
 * because chrono resolves to the nearest such day, where a report means the most recent one.
 */
import * as chrono from 'chrono-node'
import type { ParsedResult } from 'chrono-node'
import type { EventDate } from '../../../src/model/schema.ts'
import { dayOf } from './calendar.ts'
import { tenseAt } from './tense.ts'
import type { Tense } from './tense.ts'
import { resolveMatch } from './resolve.ts'
import type { ExpressionType } from './resolve.ts'

export type { ExpressionType, Tense }

/** A temporal expression found in a text, resolved to a date. */
export interface TemporalMention {
  /** The expression as written, with the modifier read around chrono's match ("later this year"). */
  text: string
  /** Offset of `text` in the scanned text. */
  index: number
  type: ExpressionType
  tense: Tense
  date: EventDate
  /** How the date was derived, in words, for the draft block. */
  rule: string
  confidence: number
  /** For a weekday word: its weekday, 0 = Sunday, for the publication-day check. */
  weekday?: number
}

export interface ScanOptions {
  /** Publication day, YYYY-MM-DD: what "on Tuesday" and "last week" are relative to. */
  published: string
  /** BCP 47 language of the text: picks chrono's parser (English rules for tense and modifiers). */
  language?: string
  /** Day number of the last exact day mentioned before this text, for "two days earlier". */
  anchor?: number
}

/** "the previous day", "the day before", "the following day": chrono has no parser for these. */
const anchoredDayParser: chrono.Parser = {
  pattern: () => /\bthe\s+(?:(previous|following|next|same)\s+day|day\s+(before|after))\b/i,
  extract: (context, match) => {
    const word = (match[1] ?? match[2]!).toLowerCase()
    const offset = word === 'same' ? 0 : word === 'previous' || word === 'before' ? -1 : 1
    const ref = context.refDate
    const day = new Date(
      Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() + offset),
    )
    return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }
  },
}

/** "in 2021", "since 2014": chrono leaves bare years alone (they are usually just numbers). */
const yearParser: chrono.Parser = {
  pattern: () =>
    /\b(?:in|since|during|by|until|of|from|early|mid-|late)\s+((?:1[89]|20)\d\d)\b(?!\s*(?:people|%|percent))/i,
  extract: (_context, match) => ({ year: Number(match[1]) }),
}

/** "in recent days", "the end of the year": periods chrono does not know, as their first day. */
const periodParser: chrono.Parser = {
  pattern: () =>
    /\b(?:(?:in|over|during)\s+(?:the\s+)?recent\s+(days|weeks)|the end of (?:the|this) (year|month))\b/i,
  extract: (context, match) => {
    const ref = context.refDate
    const back = match[1] === undefined ? 0 : match[1].toLowerCase() === 'days' ? 7 : 28
    const day = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() - back))
    return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }
  },
}

const english = chrono.casual.clone()
english.parsers.push(anchoredDayParser, yearParser, periodParser)

/**
 * Month and weekday names and abbreviations written in lower case: English capitalises them, so
 * "protesters march", "China may provide" and "Zelensky sat down" name no date (chrono accepts
 * them all).
 */
const LOWERCASE_CALENDAR_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/
/** "in May last year": a year word right after a month, which fixes the month's year. */
const YEAR_AFTER_MONTH = /^,?\s+(last|this|next)\s+year\b/i

/** chrono's casual parser for a language; English rules (tense, modifiers) apply only to English. */
const PARSERS: Record<string, chrono.Chrono> = {
  en: english,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  it: chrono.it.casual,
  pt: chrono.pt.casual,
  nl: chrono.nl.casual,
  ru: chrono.ru.casual,
  uk: chrono.uk.casual,
  sv: chrono.sv.casual,
  ja: chrono.ja.casual,
  zh: chrono.zh.casual,
}

/**
 * Whether a language has a chrono parser (else English's is used and the draft says so).
 * @example hasParser('de-AT') // true
 */
export const hasParser = (language: string): boolean => language.split('-')[0]! in PARSERS

/** Words just before a match that change what it means: "later this year", "mid-March". */
const MODIFIER =
  /\b(later|earlier|early|mid|late|the end of|the beginning of|the start of|nearly|almost|about|some)[\s-]+(?:on\s+|in\s+)?$/i

/**
 * Every temporal expression in `text` that names a date, resolved against the publication day, in
 * order. Durations longer than a month ("over the past year") and bare times are left out: they do
 * not date a claim.
 * @example
 * findMentions('He arrived in Moscow on Tuesday.', { published: '2023-02-21' })
 * // [{ text: 'on Tuesday', date: { start: '2023-02-21', precision: 'day' }, … }]
 */
export const findMentions = (text: string, options: ScanOptions): TemporalMention[] => {
  const language = (options.language ?? 'en').split('-')[0]!
  const isEnglish = !(language in PARSERS) || language === 'en'
  const parser = PARSERS[language] ?? english
  const published = dayOf(options.published)
  // Noon UTC, so no time zone moves the reference to another calendar day.
  const reference = { instant: new Date(published * 86_400_000 + 43_200_000), timezone: 0 }
  const mentions: TemporalMention[] = []
  let anchor = options.anchor
  let consumed = 0
  for (const result of parser.parse(text, reference)) {
    if (result.index < consumed) continue
    const mention = toMention(text, result, { published, anchor, isEnglish })
    if (!mention) continue
    consumed = mention.index + mention.text.length
    mentions.push(mention)
    if (mention.date.precision === 'day' && !mention.date.end) anchor = dayOf(mention.date.start)
  }
  return mentions
}

const toMention = (
  text: string,
  result: ParsedResult,
  context: { published: number; anchor: number | undefined; isEnglish: boolean },
): TemporalMention | undefined => {
  // chrono includes a leading "on"/"in" and a trailing comma in some matches; quote it cleanly.
  let matched = result.text.replace(/[\s,.;:]+$/, '')
  if (context.isEnglish && LOWERCASE_CALENDAR_WORD.test(matched)) return undefined
  const after = text.slice(result.index + matched.length)
  // "a year after the country applied" counts from an event, not from a date: no date to give.
  if (context.isEnglish && /\b(?:before|after)$/i.test(matched) && /^\s*\p{L}/u.test(after)) {
    return undefined
  }
  const yearWord =
    context.isEnglish && result.start.isCertain('month') && !result.start.isCertain('year')
      ? YEAR_AFTER_MONTH.exec(after)
      : null
  if (yearWord) matched += after.slice(0, yearWord[0].length)
  let index = result.index
  let expression = matched
  const modifier = context.isEnglish
    ? MODIFIER.exec(text.slice(Math.max(0, index - 24), index))
    : null
  if (modifier) {
    index -= modifier[0].length
    expression = text.slice(index, result.index + matched.length)
  }
  const tense = context.isEnglish ? tenseAt(text, index, index + expression.length) : 'past'
  const resolved = resolveMatch({
    text: matched.toLowerCase(),
    modifier: modifier?.[1]!.toLowerCase(),
    start: result.start,
    end: result.end ?? undefined,
    chronoDay: Math.floor(result.start.date().getTime() / 86_400_000),
    published: context.published,
    anchor: context.anchor,
    tense,
    isEnglish: context.isEnglish,
    ...(yearWord
      ? {
          yearShift:
            yearWord[1]!.toLowerCase() === 'last'
              ? -1
              : yearWord[1]!.toLowerCase() === 'next'
                ? 1
                : 0,
        }
      : {}),
  })
  if (!resolved) return undefined
  const weekday = result.start.isCertain('weekday') && !result.start.isCertain('day')
  return {
    text: expression,
    index,
    tense,
    ...resolved,
    ...(weekday ? { weekday: result.start.get('weekday')! } : {}),
  }
}

/**
 * The first mention in a phrase: a convenience for tests and for the CLI's `--explain`.
 * @example resolveExpression('last week', '2023-02-21')?.date // { start: '2023-02-13', end: '2023-02-19', … }
 */
export const resolveExpression = (
  phrase: string,
  published: string,
  anchor?: string,
): TemporalMention | undefined =>
  findMentions(phrase, { published, anchor: anchor === undefined ? undefined : dayOf(anchor) })[0]
