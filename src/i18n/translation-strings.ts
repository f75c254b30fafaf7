/**
 * @module i18n/translation-strings
 * The embed's words about translated content, in every interface language: the label of a quote
 * kept in its original language, the label of its gloss, and the provenance line under the
 * header. `{language}` is the original's name in the reader's language (`Intl.DisplayNames`),
 * `{date}` the review date. Apart from embed-strings.ts so each file stays short.
 */
export interface TranslationStrings {
  /** Label of a verbatim quote: "Quote (English original)". */
  quote: string
  /** Label of its translated gloss. */
  gloss: string
  /** Provenance of a machine translation nobody has reviewed. */
  machine: string
  /** Provenance of a reviewed machine translation. */
  reviewed: string
  /** Provenance of a human translation. */
  human: string
  /** Link to the original. */
  original: string
  /** Between the names of a list (places, participants). */
  separator?: string
  /** Label of a date's wording in text formats (iCalendar descriptions). */
  when: string
}

const STRINGS: Readonly<Record<string, TranslationStrings>> = {
  en: {
    when: 'When',
    quote: 'Quote ({language} original)',
    gloss: 'Translation',
    machine: 'Translated from {language} by machine, not reviewed.',
    reviewed: 'Translated from {language} by machine, reviewed {date}.',
    human: 'Translated from {language}.',
    original: 'Read the original',
  },
  de: {
    when: 'Wann',
    quote: 'Zitat (Original auf {language})',
    gloss: 'Übersetzung',
    machine: 'Maschinell übersetzt (Original auf {language}), nicht geprüft.',
    reviewed: 'Maschinell übersetzt (Original auf {language}), geprüft am {date}.',
    human: 'Übersetzt (Original auf {language}).',
    original: 'Zum Original',
  },
  fr: {
    when: 'Quand',
    quote: 'Citation (original en {language})',
    gloss: 'Traduction',
    machine: 'Traduction automatique (original en {language}), non relue.',
    reviewed: 'Traduction automatique (original en {language}), relue le {date}.',
    human: 'Traduction (original en {language}).',
    original: 'Lire l’original',
  },
  ru: {
    when: 'Когда',
    quote: 'Цитата (оригинал: {language})',
    gloss: 'Перевод',
    machine: 'Машинный перевод (исходный язык: {language}), не проверен.',
    reviewed: 'Машинный перевод (исходный язык: {language}), проверен {date}.',
    human: 'Перевод (исходный язык: {language}).',
    original: 'Читать оригинал',
  },
  uk: {
    when: 'Коли',
    quote: 'Цитата (оригінал: {language})',
    gloss: 'Переклад',
    machine: 'Машинний переклад (мова оригіналу: {language}), не перевірено.',
    reviewed: 'Машинний переклад (мова оригіналу: {language}), перевірено {date}.',
    human: 'Переклад (мова оригіналу: {language}).',
    original: 'Читати оригінал',
  },
  zh: {
    when: '时间',
    quote: '引文（{language}原文）',
    gloss: '译文',
    machine: '由机器译自{language}，未经审校。',
    reviewed: '由机器译自{language}，于{date}审校。',
    human: '译自{language}。',
    original: '阅读原文',
    separator: '、',
  },
  ar: {
    when: 'الموعد',
    quote: 'اقتباس (الأصل باللغة {language})',
    gloss: 'الترجمة',
    machine: 'ترجمة آلية من اللغة {language}، لم تُراجع.',
    reviewed: 'ترجمة آلية من اللغة {language}، روجعت في {date}.',
    human: 'مترجم من اللغة {language}.',
    original: 'قراءة الأصل',
    separator: '، ',
  },
}

/**
 * The translation words for an interface language (English when it has none).
 * @example translationStringsFor('de').gloss // 'Übersetzung'
 */
export const translationStringsFor = (language: string): TranslationStrings =>
  STRINGS[language] ?? STRINGS.en!

/**
 * The name of a language in another, for `{language}`; the tag itself if `Intl` lacks it.
 * @example languageName('en', 'de') // 'Englisch'
 */
export const languageName = (tag: string, inLanguage: string): string => {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}
