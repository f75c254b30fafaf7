/**
 * @module scripts/lib/draft/article
 * Splits a plain-text article, as scraped, into what the draft uses and what it skips: the header
 * date, the headline, the dateline ("Hong Kong (CNN)"), the body paragraphs, and the junk that
 * scrapes carry (unrelated headlines, "See also" links, bylines, site boilerplate), each skipped
 * line listed with its reason so the editor sees what was left out and why.
 */
import * as chrono from 'chrono-node'

export type SkipReason =
  'header-date' | 'headline' | 'subheading' | 'unrelated-headline' | 'see-also' | 'byline'

/** Reasons that mark scraping junk, as opposed to the article's own headings. */
export const JUNK_REASONS: readonly SkipReason[] = ['unrelated-headline', 'see-also', 'byline']

export interface SkippedLine {
  /** 1-based line number in the article file. */
  line: number
  text: string
  reason: SkipReason
}

export interface Paragraph {
  /** The paragraph as in the file. */
  text: string
  /** Offset of `text` in the whole article. */
  offset: number
  line: number
}

export interface ParsedArticle {
  text: string
  /** A date line in the header (YYYY-MM-DD) and the words it was read from. */
  headerDate?: { value: string; text: string; line: number }
  headline?: string
  /** From a dateline such as "Hong Kong (CNN)": where it was filed and by whom. */
  dateline?: { place: string; publisher: string; text: string }
  body: Paragraph[]
  skipped: SkippedLine[]
}

const SEE_ALSO = /^(?:see also|read more|related|recommended|watch|more from)\b/i
const BYLINE =
  /^(?:by|written by|reporting by|words by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’,-]+){0,10}$/iu
/** A paragraph ends as prose does; a line that does not is a heading of some kind. */
const PROSE_END = /[.!?…]["”’)]*$/
/** "Hong Kong (CNN)" or "LONDON (Reuters) —" at the start of the first body paragraph. */
const DATELINE = /^((?:\p{Lu}[\p{L}.'’-]*\s*){1,4})\((\p{L}[\p{L}\s&.-]{0,30})\)\s*[—–-]?\s*/u
/** Header dates: short lines that are mostly a date, or "Published …"/"Updated …" lines. */
const DATE_LINE_MAX = 80

const STOPWORDS = new Set(
  'the a an and or of to in on for with from by at as is are was were be been has have had that this these those its it his her their our your not but about after over into than then there which who what when where will would could should may might more most other some such only also very just like based latest'.split(
    ' ',
  ),
)
const contentWords = (text: string): string[] =>
  (text.toLowerCase().match(/\p{L}[\p{L}’'-]{2,}/gu) ?? []).filter((w) => !STOPWORDS.has(w))

/**
 * A crude stem (the first five letters), so "invites" meets "invite" and "countries" "country".
 * Hand-written: telling a heading about the body from one that is not needs no real stemmer.
 */
const stem = (word: string) => word.slice(0, 5)

/** Share of a line's content words that the body also uses: how much it is about the article. */
const overlap = (line: string, bodyStems: ReadonlySet<string>): number => {
  const words = contentWords(line)
  if (words.length === 0) return 0
  return words.filter((w) => bodyStems.has(stem(w))).length / words.length
}

/** Strict parsers for header dates, English first: the language is not known yet at this point. */
const HEADER_PARSERS = [
  chrono.strict,
  ...[
    chrono.de,
    chrono.fr,
    chrono.es,
    chrono.it,
    chrono.pt,
    chrono.nl,
    chrono.ru,
    chrono.uk,
    chrono.sv,
    chrono.ja,
    chrono.zh,
  ].map((locale) => locale.strict),
]

const headerDateOf = (line: string): string | undefined => {
  if (line.length > DATE_LINE_MAX) return undefined
  const result = HEADER_PARSERS.map((p) => p.parse(line)[0]).find(
    (r) => r?.start.isCertain('year') && r.start.isCertain('day'),
  )
  if (!result || !result.start.isCertain('year') || !result.start.isCertain('day')) return undefined
  const rest = line
    .replace(result.text, '')
    .replace(/\b(?:published|updated|posted|[ap]\.?m\.?|[A-Z]{2,4}T)\b|[\d:,.|]/gi, '')
  if (rest.trim().split(/\s+/).filter(Boolean).length > 4) return undefined
  const s = result.start
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${s.get('year')}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`
}

/**
 * Reads the structure of a scraped article.
 * @example parseArticle(text).headerDate // { value: '2024-02-21', text: 'February 21, 2024', line: 1 }
 */
export const parseArticle = (text: string): ParsedArticle => {
  const lines: { text: string; offset: number; line: number }[] = []
  let offset = 0
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.trim()
    if (trimmed) lines.push({ text: trimmed, offset: offset + raw.indexOf(trimmed), line: i + 1 })
    offset += raw.length + 1
  })
  const skipped: SkippedLine[] = []
  const skip = (l: { text: string; line: number }, reason: SkipReason) =>
    skipped.push({ line: l.line, text: l.text, reason })
  let headerDate: ParsedArticle['headerDate']
  const prose: typeof lines = []
  const headings: typeof lines = []
  for (const l of lines) {
    const date = prose.length === 0 ? headerDateOf(l.text) : undefined
    if (date && !headerDate) {
      headerDate = { value: date, text: l.text, line: l.line }
      skip(l, 'header-date')
    } else if (SEE_ALSO.test(l.text)) skip(l, 'see-also')
    else if (BYLINE.test(l.text)) skip(l, 'byline')
    else if (PROSE_END.test(l.text) && l.text.split(/\s+/).length >= 8) prose.push(l)
    else headings.push(l)
  }
  const bodyWords = new Set(prose.flatMap((p) => contentWords(p.text).map(stem)))
  // The headline: the heading that is most about the body (a repeated one wins ties: scrapes
  // often print it twice); others about the body are subheadings, the rest are unrelated.
  const scored = headings.map((h) => ({
    ...h,
    score:
      overlap(h.text, bodyWords) + (headings.filter((o) => o.text === h.text).length > 1 ? 0.5 : 0),
  }))
  const best = scored.reduce<(typeof scored)[number] | undefined>(
    (a, b) => (!a || b.score > a.score ? b : a),
    undefined,
  )
  const headline = best && best.score >= 0.5 ? best.text : undefined
  for (const h of scored) {
    if (h.text === headline) skip(h, 'headline')
    else skip(h, overlap(h.text, bodyWords) >= 0.5 ? 'subheading' : 'unrelated-headline')
  }
  skipped.sort((a, b) => a.line - b.line)
  const body: Paragraph[] = prose.map((p) => ({ text: p.text, offset: p.offset, line: p.line }))
  const match = body[0] ? DATELINE.exec(body[0].text) : null
  const dateline = match
    ? { place: match[1]!.trim(), publisher: match[2]!.trim(), text: match[0] }
    : undefined
  return {
    text,
    ...(headerDate ? { headerDate } : {}),
    ...(headline ? { headline } : {}),
    ...(dateline ? { dateline } : {}),
    body,
    skipped,
  }
}
