/**
 * @module scripts/lib/draft/tense
 * Whether a date in an English sentence is talked about as past or future ("arrived on Tuesday" vs
 * "will meet on Wednesday"): what decides which Tuesday a weekday word means. Hand-written marker
 * lists, not a tagger: no part-of-speech library small enough for a dev tool tags tense reliably
 * in garbled scraped copy, and the draft only needs the nearest auxiliary or reporting verb.
 */

export type Tense = 'past' | 'future'

/** Auxiliaries and phrases that put the verb they govern in the future (or a reported future). */
const FUTURE =
  /\b(?:will|won['’]t|shall|would|(?:is|are|was|were) (?:due|expected|set|scheduled|slated|poised|going|about) to|(?:is|are) to|plans? to|planning to|intends? to)\b/gi
/** Finite past (and present-perfect) verbs that journalists put before a date. */
const PAST =
  /\b(?:said|says|told|tells|was|were|had|has|have|did|announced|reported|added|noted|stated|confirmed|declared|wrote|met|arrived|visited|held|made|took|gave|spoke|began|launched|signed|called|warned|urged|opened|ended|left|returned|hosted|released|published|aired|issued)\b/gi
/** Where a clause ends, for the look-ahead ("On Wednesday, he will meet …" reads to the verb). */
const CLAUSE_END = /[,;:]|\bthat\b|\bwhile\b|\bbut\b/i

/**
 * The text with quoted speech blanked out (same length, so offsets stay valid): a "will" inside a
 * quotation is what someone said, not when the reported event happens.
 * @example blankQuotes('He said “we will win” on Monday') // 'He said “           ” on Monday'
 */
export const blankQuotes = (text: string): string =>
  text.replace(
    /“[^”]*”|"[^"]*"/g,
    (quoted) => quoted[0] + ' '.repeat(quoted.length - 2) + quoted.at(-1),
  )

const lastMatch = (pattern: RegExp, text: string): number => {
  let last = -1
  for (const match of text.matchAll(pattern)) last = match.index
  return last
}

/**
 * The tense of the date found at `start..end` of `sentence`: the nearest tense marker before it
 * wins; with none, the first one after it in the same clause; with none at all, the past (most
 * dates in a news report are of things that happened).
 * @example tenseAt('he will meet Lavrov on Wednesday', 20, 32) // 'future'
 */
export const tenseAt = (sentence: string, start: number, end: number): Tense => {
  const plain = blankQuotes(sentence)
  const before = plain.slice(0, start)
  const future = lastMatch(FUTURE, before)
  const past = lastMatch(PAST, before)
  if (future >= 0 || past >= 0) return future > past ? 'future' : 'past'
  const after = plain.slice(end).replace(/^\s*,/, '')
  const clause = after.slice(0, CLAUSE_END.exec(after)?.index ?? after.length)
  const nextFuture = clause.search(FUTURE)
  const nextPast = clause.search(PAST)
  if (nextFuture >= 0 && (nextPast < 0 || nextFuture < nextPast)) return 'future'
  return 'past'
}
