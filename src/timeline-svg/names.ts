/**
 * @module timeline-svg/names
 * The accessible name of a mark: its date at its precision, its title and, when it did not (yet)
 * happen, its status, e.g. “Feb 22, 2023: Putin meets Wang Yi (Possible)”. Dates through
 * `Intl.DateTimeFormat` in UTC; the editors' own wording (`display`) when the locale is the
 * timeline's language.
 */
import type { ResolvedEvent } from '../model/dataset.ts'
import type { EmbedStrings } from '../i18n/embed-strings.ts'

const OPTIONS: Record<ResolvedEvent['date']['precision'], Intl.DateTimeFormatOptions> = {
  day: { timeZone: 'UTC', dateStyle: 'medium' },
  month: { timeZone: 'UTC', year: 'numeric', month: 'long' },
  year: { timeZone: 'UTC', year: 'numeric' },
}

const toDate = (text: string) => {
  const [y, m = '1', d = '1'] = text.split('-')
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
}

/**
 * Date (or the editors' wording), title and status of an event, in a locale.
 * @example markName(event, { locale: 'en', contentLang: 'en', strings })
 * // 'Feb 20, 2023: Joe Biden makes a surprise visit to Kyiv'
 */
export const markName = (
  event: ResolvedEvent,
  { locale, contentLang, strings }: { locale: string; contentLang: string; strings: EmbedStrings },
): string => {
  const { date } = event
  let text = date.display
  if (!text || locale.split('-')[0] !== contentLang.split('-')[0]) {
    const fmt = new Intl.DateTimeFormat(locale, OPTIONS[date.precision])
    const start = toDate(date.start)
    text =
      date.end && date.end !== date.start
        ? fmt.formatRange(start, toDate(date.end))
        : fmt.format(start)
    if (date.approximate) text = `${strings.circa} ${text}`
  }
  const status = event.status === 'happened' ? '' : ` (${strings.statuses[event.status]})`
  return `${text}: ${event.title}${status}`
}
