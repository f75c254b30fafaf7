/**
 * @module scripts/lib/draft/language
 * The article's language, as a canonical BCP 47 tag for the timeline's `language`: the editor's
 * `--lang` when given, else detected by franc-min (trigram statistics over the body).
 */
import { francAll } from 'franc-min'
import { canonicalLocale } from '../../../src/model/vocabulary.ts'

export interface LanguageGuess {
  value: string
  from: string
  confidence: number
}

/**
 * The language of a text. franc answers ISO 639-3 ("eng"); `Intl` canonicalises that to the
 * shortest BCP 47 form ("en"), the form the model requires.
 * @example detectLanguage('The minister arrived in Paris on Monday for talks.') // { value: 'en', … }
 */
export const detectLanguage = (text: string, explicit?: string): LanguageGuess => {
  if (explicit !== undefined) {
    const tag = canonicalLocale(explicit)
    if (!tag) throw new Error(`--lang "${explicit}" is not a BCP 47 language tag`)
    return { value: tag, from: '--lang', confidence: 1 }
  }
  const [best, second] = francAll(text.slice(0, 4000))
  const tag = best && best[0] !== 'und' ? canonicalLocale(best[0]) : undefined
  if (!best || !tag)
    return {
      value: 'en',
      from: 'not detectable (too little text): English assumed',
      confidence: 0.1,
    }
  // francAll scores the best language 1 and the others relative to it, the second typically at
  // 0.95–0.98 for a clear page of prose: the gap, stretched, is the confidence.
  const gap = 1 - (second?.[1] ?? 0)
  const confidence = Math.round(Math.min(0.99, 0.5 + gap * 20) * 100) / 100
  return { value: tag, from: `detected by franc-min ("${best[0]}")`, confidence }
}
