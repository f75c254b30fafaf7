/**
 * @module model/translation-schema
 * The shape of the translation files, `data/translations/{lang}/{timeline}.json` (one timeline's
 * texts in one language) and `data/translations/{lang}/shared.json` (actor and place names and
 * tag labels in that language), and of the English tag labels, `data/tags.json`.
 *
 * One file per language, beside the original rather than inside it: a translator works on one
 * language at a time and hands back one file; the English timeline file stays readable; a new
 * language is a new folder, reviewed as one diff. Each file states its own provenance.
 */
import { z } from 'zod'
import { ID_PATTERN, PARTIAL_DATE_PATTERN, canonicalLocale } from './vocabulary.ts'

const Id = z.string().regex(ID_PATTERN, 'must be lowercase letters and digits joined by hyphens')
const Day = z.string().regex(PARTIAL_DATE_PATTERN, 'must be YYYY-MM-DD')
const Text = z.string().min(1).max(2000)

/** A bare language subtag ("de", "zh"): the folder name and the `lang` readers ask for. */
export const TranslationLanguage = z
  .string()
  .refine((tag) => /^[a-z]{2,3}$/.test(tag) && canonicalLocale(tag) === tag, {
    message: 'must be a bare ISO 639 language code in lower case, like "de" or "zh"',
  })

/** Who or what made a translation, when, and whether a person has reviewed it since. */
export const Provenance = z
  .object({
    from: z.string().describe('Language of the original the translation was made from'),
    method: z
      .enum(['machine', 'human'])
      .describe('"machine" for any model or MT system (RFC 6497 `t0`), "human" otherwise'),
    translator: z.string().min(3).describe('Who or what translated: a person, or a named model'),
    date: Day.describe('When the translation was made'),
    reviewed: z
      .union([z.literal(false), z.object({ by: z.string().min(3), date: Day }).strict()])
      .describe('false until a person has reviewed it; then who and when (a separate, dated step)'),
  })
  .strict()

const EventTranslation = z
  .object({
    title: Text,
    summary: Text,
    display: Text.optional().describe('The date wording, when the original has one'),
    notes: z.array(Text).optional().describe('The editorial notes, in the original’s order'),
    glosses: z
      .array(Text)
      .describe(
        'A translation of each citation’s quote, in order. A gloss is shown beside the quote, ' +
          'which itself is never translated',
      ),
  })
  .strict()

export const TimelineTranslation = z
  .object({
    $schema: z.string().optional(),
    timeline: Id,
    language: TranslationLanguage,
    provenance: Provenance,
    title: Text,
    description: Text,
    attribution: Text,
    sources: z.record(Id, z.object({ note: Text }).strict()).optional(),
    events: z.record(Id, EventTranslation),
    unchanged: z
      .array(z.string())
      .optional()
      .describe('Field paths whose translation is rightly the same as the original'),
  })
  .strict()

const NameTranslation = z
  .object({
    name: Text,
    description: Text.optional(),
    forms: z
      .array(Text)
      .optional()
      .describe('Inflected forms of the name (cases), accepted where a text uses the name'),
  })
  .strict()

export const SharedTranslation = z
  .object({
    $schema: z.string().optional(),
    language: TranslationLanguage,
    provenance: Provenance,
    actors: z.record(Id, NameTranslation),
    places: z.record(Id, NameTranslation),
    tags: z.record(Id, Text).describe('Label of each tag'),
    unchanged: z
      .array(z.string())
      .optional()
      .describe('Paths like "actors.cnn.name" whose translation is rightly the same as English'),
  })
  .strict()

export const TagsFile = z
  .object({ $schema: z.string().optional(), tags: z.record(Id, Text) })
  .strict()

export type Provenance = z.infer<typeof Provenance>
export type TimelineTranslation = z.infer<typeof TimelineTranslation>
export type SharedTranslation = z.infer<typeof SharedTranslation>
export type EventTranslation = z.infer<typeof EventTranslation>
