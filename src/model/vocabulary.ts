/**
 * @module model/vocabulary
 * The closed vocabularies and identifier patterns of the data model, apart from the zod schemas so
 * the Worker can use them without loading the full schema library.
 */

/** A stable, URL-safe identifier: lowercase words joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/

/** Longest language tag accepted; real BCP 47 tags are far shorter. */
const MAX_LANG_LENGTH = 64

/**
 * The one language-tag check: the canonical form of a BCP 47 tag, or `undefined` when it is not
 * one. `Intl` knows BCP 47, so no pattern of ours can disagree with the dates it formats. Here, in
 * the model, because the data's own `language` is checked with it too (it must be canonical, so
 * it compares equal to a reader's canonicalised `lang`).
 * @example canonicalLocale('DE-at') // 'de-AT'
 */
export const canonicalLocale = (tag: string): string | undefined => {
  if (tag.length === 0 || tag.length > MAX_LANG_LENGTH) return undefined
  try {
    return Intl.getCanonicalLocales(tag)[0]
  } catch {
    return undefined
  }
}

export const PRECISIONS = ['day', 'month', 'year'] as const

export const EVENT_KINDS = [
  'appointment',
  'briefing',
  'call',
  'conference',
  'editorial',
  'interview',
  'invasion',
  'meeting',
  'military-exercise',
  'publication',
  'speech',
  'statement',
  'tour',
  'visit',
] as const

/**
 * Status as the source reports it: `happened`; `scheduled` (announced for a date);
 * `expected` (announced, not yet dated); `possible` (floated, unconfirmed);
 * `reported` (an attributed claim the source does not confirm).
 */
export const EVENT_STATUSES = ['happened', 'scheduled', 'expected', 'possible', 'reported'] as const

export const PARTICIPANT_ROLES = [
  'author',
  'guest',
  'host',
  'interviewee',
  'interviewer',
  'moderator',
  'participant',
  'speaker',
  'spokesperson',
  'subject',
] as const

export const NOTE_TYPES = ['correction', 'clarification', 'context'] as const
export const ACTOR_TYPES = ['person', 'government', 'organisation', 'media', 'state'] as const
