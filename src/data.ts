/**
 * @module data
 * The dataset instances of this isolate, built from the bundled, pre-validated data: `DATA` in
 * the original languages at module load, and one per translation language on first use (most
 * isolates serve one or two languages; each costs about what `DATA` does). Everything above the
 * model layer reads these; nothing rebuilds them per request.
 */
import { DATASET } from './generated/dataset.ts'
import { createDataset } from './model/dataset.ts'
import type { Dataset } from './model/dataset.ts'
import { localizeDataset, timelineLanguages } from './model/localize.ts'

// Through localizeDataset so the originals list their languages too (links name one explicitly).
export const DATA = createDataset(localizeDataset(DATASET, ''))

/** Every content language with a translation, after the originals' languages. */
export const LANGUAGES: readonly string[] = [
  ...new Set([
    ...DATASET.timelines.map((t) => t.language),
    ...DATASET.translations.shared.map((s) => s.language).sort(),
  ]),
]

const byLanguage = new Map<string, Dataset>()

/**
 * The dataset in a language of {@link LANGUAGES} (anything else gets the originals).
 * @example dataFor('de').timelines.get('wang-yi-moscow-2023')?.meta.title
 */
export const dataFor = (language: string): Dataset => {
  if (!DATASET.translations.shared.some((s) => s.language === language)) return DATA
  let data = byLanguage.get(language)
  if (!data) byLanguage.set(language, (data = createDataset(localizeDataset(DATASET, language))))
  return data
}

/**
 * The languages one timeline is offered in, its own first.
 * @example languagesOf('wang-yi-moscow-2023') // ['en', 'ar', 'de', 'fr', 'ru', 'uk', 'zh']
 */
export const languagesOf = (timelineId: string): string[] => timelineLanguages(DATASET, timelineId)
