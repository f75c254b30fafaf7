/**
 * @module i18n/axis-strings
 * The time axis's few words (legend, break tooltips, the brushing control) in the embed's
 * languages. Apart from `embed-strings.ts` so the axis can be drawn outside the embed (the
 * `events.svg` format) without the page's strings; chosen by the same language fallback.
 */
import { stringsFor } from './embed-strings.ts'
import { arAxis } from './embed-strings-ar.ts'
import type { LegendKey } from '../timeline-svg/layout.ts'

export interface AxisStrings {
  /** Name of the axis. */
  axis: string
  /** Description: `{n}` events, `{from}`–`{to}`. */
  summary: string
  legend: Record<LegendKey, string>
  /** Description when no event matches. */
  none: string
  /** Tooltip of a break: `{n}` days left out. */
  gap: string
  /** Lane of events whose actors have no country. */
  other: string
  /** Skip link from the axis to the list. */
  skip: string
  /** After brushing: `{from}`–`{to}` shown. */
  range: string
  /** Undo the brushing. */
  clear: string
}

const en: AxisStrings = {
  axis: 'Time axis',
  summary: '{n} events, {from} – {to}. Long empty stretches are shortened.',
  legend: {
    happened: 'Happened',
    tentative: 'Scheduled, expected, possible or reported',
    fuzzy: 'Month, year or approximate date',
    gap: 'Time left out',
  },
  none: 'No events match.',
  gap: '{n} days left out',
  other: 'Other',
  skip: 'Skip to the list',
  range: 'Showing {from} – {to}.',
  clear: 'Show all dates',
}

const de: AxisStrings = {
  axis: 'Zeitachse',
  summary: '{n} Ereignisse, {from} – {to}. Lange leere Zeiträume sind verkürzt.',
  legend: {
    happened: 'Geschehen',
    tentative: 'Geplant, erwartet, möglich oder berichtet',
    fuzzy: 'Monat, Jahr oder ungefähres Datum',
    gap: 'Ausgelassene Zeit',
  },
  none: 'Keine passenden Ereignisse.',
  gap: '{n} Tage ausgelassen',
  other: 'Sonstige',
  skip: 'Zur Liste springen',
  range: 'Angezeigt: {from} – {to}.',
  clear: 'Alle Daten zeigen',
}

const fr: AxisStrings = {
  axis: 'Axe du temps',
  summary: '{n} événements, {from} – {to}. Les longues périodes vides sont raccourcies.',
  legend: {
    happened: 'Survenu',
    tentative: 'Prévu, attendu, possible ou rapporté',
    fuzzy: 'Mois, année ou date approximative',
    gap: 'Période omise',
  },
  none: 'Aucun événement ne correspond.',
  gap: '{n} jours omis',
  other: 'Autres',
  skip: 'Aller à la liste',
  range: 'Affichage : {from} – {to}.',
  clear: 'Toutes les dates',
}

const ru: AxisStrings = {
  axis: 'Шкала времени',
  summary: 'Событий: {n}, {from} – {to}. Долгие пустые периоды сокращены.',
  legend: {
    happened: 'Произошло',
    tentative: 'Запланировано, ожидается, возможно или сообщается',
    fuzzy: 'Месяц, год или приблизительная дата',
    gap: 'Пропущенное время',
  },
  none: 'Нет подходящих событий.',
  gap: 'Пропущено дней: {n}',
  other: 'Другие',
  skip: 'Перейти к списку',
  range: 'Показано: {from} – {to}.',
  clear: 'Все даты',
}

const uk: AxisStrings = {
  axis: 'Шкала часу',
  summary: 'Подій: {n}, {from} – {to}. Довгі порожні періоди скорочено.',
  legend: {
    happened: 'Відбулося',
    tentative: 'Заплановано, очікується, можливо або повідомляється',
    fuzzy: 'Місяць, рік або приблизна дата',
    gap: 'Пропущений час',
  },
  none: 'Немає відповідних подій.',
  gap: 'Пропущено днів: {n}',
  other: 'Інші',
  skip: 'Перейти до списку',
  range: 'Показано: {from} – {to}.',
  clear: 'Усі дати',
}

const zh: AxisStrings = {
  axis: '时间轴',
  summary: '{n} 个事件，{from} – {to}。较长的空白时段已压缩。',
  legend: {
    happened: '已发生',
    tentative: '已安排、预计、可能或据报道',
    fuzzy: '月份、年份或大致日期',
    gap: '省略的时段',
  },
  none: '没有匹配的事件。',
  gap: '省略 {n} 天',
  other: '其他',
  skip: '跳到列表',
  range: '显示 {from} – {to}。',
  clear: '显示全部日期',
}

const AXIS_STRINGS: Readonly<Record<string, AxisStrings>> = { en, de, fr, ru, uk, zh, ar: arAxis }

/**
 * The axis strings for a canonical locale, with the embed's language fallback.
 * @example axisStringsFor('de-AT').axis // 'Zeitachse'
 */
export const axisStringsFor = (locale: string): AxisStrings =>
  AXIS_STRINGS[stringsFor(locale).language] ?? en
