/**
 * @module views/embed/dates
 * Event dates as readers see them: at the precision the data gives (day, month or year), spans as
 * ranges, approximate dates marked, all through `Intl.DateTimeFormat` in UTC so a date never
 * shifts by a day with the server's or reader's time zone.
 */
import type { EventDate } from '../../model/schema.ts'

type Precision = EventDate['precision']

const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' },
  month: { timeZone: 'UTC', year: 'numeric', month: 'long' },
  year: { timeZone: 'UTC', year: 'numeric' },
}

/** Formatters are costly to build; a few locales cover almost every request. */
const MAX_FORMATTERS = 64
const formatters = new Map<string, Intl.DateTimeFormat>()

const formatter = (locale: string, precision: Precision): Intl.DateTimeFormat => {
  const key = `${locale}|${precision}`
  let fmt = formatters.get(key)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, OPTIONS[precision])
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value!)
    formatters.set(key, fmt)
  }
  return fmt
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as the UTC midnight of its first day. */
const toDate = (text: string): Date => {
  const [y, m = '1', d = '1'] = text.split('-')
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
}

interface DateText {
  /** What the reader sees, e.g. "14–15 Feb 2023" or "c. Feb 14 – 15, 2023". */
  text: string
  /** Machine-readable start for `<time datetime>`. */
  datetime: string
}

interface DateTextOptions {
  /** Canonical BCP 47 locale for `Intl`. */
  locale: string
  /** Prefix for approximate dates ("c."). */
  circa: string
  /** Whether the data's own `display` wording may be used (it is in the timeline's language). */
  useDisplay: boolean
}

/**
 * Formats an event's date for display.
 * @example formatEventDate({ start: '2023-02', precision: 'month' }, { locale: 'de', circa: 'ca.', useDisplay: false })
 * // { text: 'Februar 2023', datetime: '2023-02' }
 */
export const formatEventDate = (date: EventDate, options: DateTextOptions): DateText => {
  if (date.display && options.useDisplay) return { text: date.display, datetime: date.start }
  const fmt = formatter(options.locale, date.precision)
  const start = toDate(date.start)
  const text =
    date.end && date.end !== date.start
      ? fmt.formatRange(start, toDate(date.end))
      : fmt.format(start)
  return { text: date.approximate ? `${options.circa} ${text}` : text, datetime: date.start }
}

/**
 * A day (YYYY-MM-DD) at day precision, e.g. a source's publication date.
 * @example formatDay('2023-02-21', 'en') // 'Feb 21, 2023'
 */
export const formatDay = (day: string, locale: string): string =>
  formatter(locale, 'day').format(toDate(day))
