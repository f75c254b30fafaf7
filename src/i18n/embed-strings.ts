/**
 * @module i18n/embed-strings
 * The embed's few interface words in English, German, French, Russian, Ukrainian, Chinese and
 * Arabic (embed-strings-ar.ts). Event texts come in the timeline's languages (data/translations);
 * dates are formatted by `Intl` in whatever locale was asked for, so `lang=pt-BR` gets Portuguese
 * dates and English labels.
 */
import type { EventKind, EventStatus, EditorialNote } from '../model/schema.ts'
import { ar } from './embed-strings-ar.ts'

export interface EmbedStrings {
  /** Label of the places list. */
  places: string
  participants: string
  /** Summary of the expandable citations and notes; `{n}` is their count. */
  sources: string
  /**
   * On a page whose sources load on demand (a translation: each quote comes twice, verbatim and
   * glossed), the link that opens them; also the heading of the page that lists them.
   */
  showSources: string
  sourcesTitle: string
  /** From the sources page back to the event on the timeline. */
  backToTimeline: string
  expandAll: string
  collapseAll: string
  filterByKind: string
  /** Prefix of an approximate date, like English "c.". */
  circa: string
  /** `{shown}` of `{total}` events. */
  showing: string
  showAll: string
  events: string
  openFull: string
  notFound: string
  /** The timeline's data could not be read just now (a 503): try again shortly. */
  unavailable: string
  badOption: string
  /** Banner over an unreviewed draft, which only a local `npm start` build shows. */
  draft: string
  kinds: Record<EventKind, string>
  statuses: Record<Exclude<EventStatus, 'happened'>, string>
  notes: Record<EditorialNote['type'], string>
}

const en: EmbedStrings = {
  places: 'Places',
  participants: 'Participants',
  sources: 'Sources and notes ({n})',
  showSources: 'Show the quotes and notes',
  sourcesTitle: 'Sources and notes',
  backToTimeline: 'Back to the timeline',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  filterByKind: 'Filter by kind',
  circa: 'c.',
  showing: 'Showing {shown} of {total} events.',
  showAll: 'Show all',
  events: 'Events',
  openFull: 'Open the data',
  notFound: 'This timeline does not exist.',
  unavailable: 'This timeline cannot be shown just now. Please try again in a moment.',
  badOption: 'This embed has an invalid option:',
  draft: 'Draft: not reviewed, shown only in local previews.',
  kinds: {
    appointment: 'Appointment',
    briefing: 'Briefing',
    call: 'Call',
    conference: 'Conference',
    editorial: 'Editorial',
    interview: 'Interview',
    invasion: 'Invasion',
    meeting: 'Meeting',
    'military-exercise': 'Military exercise',
    publication: 'Publication',
    speech: 'Speech',
    statement: 'Statement',
    tour: 'Tour',
    visit: 'Visit',
  },
  statuses: {
    scheduled: 'Scheduled',
    expected: 'Expected',
    possible: 'Possible',
    reported: 'Reported',
  },
  notes: { correction: 'Correction', clarification: 'Clarification', context: 'Context' },
}

const de: EmbedStrings = {
  places: 'Orte',
  participants: 'Beteiligte',
  sources: 'Quellen und Anmerkungen ({n})',
  showSources: 'Zitate und Anmerkungen anzeigen',
  sourcesTitle: 'Quellen und Anmerkungen',
  backToTimeline: 'Zurück zur Zeitleiste',
  expandAll: 'Alle aufklappen',
  collapseAll: 'Alle zuklappen',
  filterByKind: 'Nach Art filtern',
  circa: 'ca.',
  showing: '{shown} von {total} Ereignissen.',
  showAll: 'Alle zeigen',
  events: 'Ereignisse',
  openFull: 'Daten öffnen',
  notFound: 'Diese Zeitleiste gibt es nicht.',
  unavailable:
    'Diese Zeitleiste kann gerade nicht angezeigt werden. Bitte versuchen Sie es gleich noch einmal.',
  badOption: 'Diese Einbettung hat eine ungültige Option:',
  draft: 'Entwurf: nicht geprüft, nur in der lokalen Vorschau sichtbar.',
  kinds: {
    appointment: 'Ernennung',
    briefing: 'Unterrichtung',
    call: 'Telefonat',
    conference: 'Konferenz',
    editorial: 'Leitartikel',
    interview: 'Interview',
    invasion: 'Invasion',
    meeting: 'Treffen',
    'military-exercise': 'Militärübung',
    publication: 'Veröffentlichung',
    speech: 'Rede',
    statement: 'Erklärung',
    tour: 'Reise',
    visit: 'Besuch',
  },
  statuses: {
    scheduled: 'Geplant',
    expected: 'Erwartet',
    possible: 'Möglich',
    reported: 'Berichtet',
  },
  notes: { correction: 'Korrektur', clarification: 'Klarstellung', context: 'Kontext' },
}

const fr: EmbedStrings = {
  places: 'Lieux',
  participants: 'Participants',
  sources: 'Sources et notes ({n})',
  showSources: 'Afficher les citations et les notes',
  sourcesTitle: 'Sources et notes',
  backToTimeline: 'Retour à la chronologie',
  expandAll: 'Tout déplier',
  collapseAll: 'Tout replier',
  filterByKind: 'Filtrer par type',
  circa: 'vers',
  showing: '{shown} événements sur {total}.',
  showAll: 'Tout afficher',
  events: 'Événements',
  openFull: 'Ouvrir les données',
  notFound: 'Cette chronologie n’existe pas.',
  unavailable:
    'Cette chronologie ne peut pas s’afficher pour le moment. Réessayez dans un instant.',
  badOption: 'Cette intégration a une option invalide :',
  draft: 'Brouillon : non relu, visible seulement en aperçu local.',
  kinds: {
    appointment: 'Nomination',
    briefing: 'Briefing',
    call: 'Appel',
    conference: 'Conférence',
    editorial: 'Éditorial',
    interview: 'Entretien',
    invasion: 'Invasion',
    meeting: 'Rencontre',
    'military-exercise': 'Exercice militaire',
    publication: 'Publication',
    speech: 'Discours',
    statement: 'Déclaration',
    tour: 'Tournée',
    visit: 'Visite',
  },
  statuses: { scheduled: 'Prévu', expected: 'Attendu', possible: 'Possible', reported: 'Rapporté' },
  notes: { correction: 'Correction', clarification: 'Précision', context: 'Contexte' },
}

const ru: EmbedStrings = {
  places: 'Места',
  participants: 'Участники',
  sources: 'Источники и примечания ({n})',
  showSources: 'Показать цитаты и примечания',
  sourcesTitle: 'Источники и примечания',
  backToTimeline: 'Назад к хронологии',
  expandAll: 'Развернуть все',
  collapseAll: 'Свернуть все',
  filterByKind: 'Фильтр по типу',
  circa: 'ок.',
  showing: 'Показано {shown} из {total} событий.',
  showAll: 'Показать все',
  events: 'События',
  openFull: 'Открыть данные',
  notFound: 'Такой хронологии нет.',
  unavailable: 'Эту хронологию сейчас не удаётся показать. Попробуйте ещё раз через минуту.',
  badOption: 'У этой вставки неверный параметр:',
  draft: 'Черновик: не проверен, виден только в локальном просмотре.',
  kinds: {
    appointment: 'Назначение',
    briefing: 'Брифинг',
    call: 'Звонок',
    conference: 'Конференция',
    editorial: 'Редакционная статья',
    interview: 'Интервью',
    invasion: 'Вторжение',
    meeting: 'Встреча',
    'military-exercise': 'Военные учения',
    publication: 'Публикация',
    speech: 'Речь',
    statement: 'Заявление',
    tour: 'Турне',
    visit: 'Визит',
  },
  statuses: {
    scheduled: 'Запланировано',
    expected: 'Ожидается',
    possible: 'Возможно',
    reported: 'По сообщениям',
  },
  notes: { correction: 'Исправление', clarification: 'Уточнение', context: 'Контекст' },
}

const uk: EmbedStrings = {
  places: 'Місця',
  participants: 'Учасники',
  sources: 'Джерела та примітки ({n})',
  showSources: 'Показати цитати та примітки',
  sourcesTitle: 'Джерела та примітки',
  backToTimeline: 'Назад до хронології',
  expandAll: 'Розгорнути все',
  collapseAll: 'Згорнути все',
  filterByKind: 'Фільтр за типом',
  circa: 'бл.',
  showing: 'Показано {shown} з {total} подій.',
  showAll: 'Показати все',
  events: 'Події',
  openFull: 'Відкрити дані',
  notFound: 'Такої хронології немає.',
  unavailable: 'Цю хронологію зараз не вдається показати. Спробуйте ще раз за хвилину.',
  badOption: 'Ця вставка має неправильний параметр:',
  draft: 'Чернетка: не перевірена, видно лише в локальному перегляді.',
  kinds: {
    appointment: 'Призначення',
    briefing: 'Брифінг',
    call: 'Дзвінок',
    conference: 'Конференція',
    editorial: 'Редакційна стаття',
    interview: 'Інтерв’ю',
    invasion: 'Вторгнення',
    meeting: 'Зустріч',
    'military-exercise': 'Військові навчання',
    publication: 'Публікація',
    speech: 'Промова',
    statement: 'Заява',
    tour: 'Турне',
    visit: 'Візит',
  },
  statuses: {
    scheduled: 'Заплановано',
    expected: 'Очікується',
    possible: 'Можливо',
    reported: 'За повідомленнями',
  },
  notes: { correction: 'Виправлення', clarification: 'Уточнення', context: 'Контекст' },
}

const zh: EmbedStrings = {
  places: '地点',
  participants: '参与者',
  sources: '来源与注释（{n}）',
  showSources: '显示引文与注释',
  sourcesTitle: '来源与注释',
  backToTimeline: '返回时间线',
  expandAll: '全部展开',
  collapseAll: '全部收起',
  filterByKind: '按类型筛选',
  circa: '约',
  showing: '显示 {total} 个事件中的 {shown} 个。',
  showAll: '显示全部',
  events: '事件',
  openFull: '打开数据',
  notFound: '此时间线不存在。',
  unavailable: '此时间线暂时无法显示，请稍后再试。',
  badOption: '此嵌入的参数无效：',
  draft: '草稿：未经审核，仅在本地预览中显示。',
  kinds: {
    appointment: '任命',
    briefing: '简报',
    call: '通话',
    conference: '会议',
    editorial: '社论',
    interview: '访谈',
    invasion: '入侵',
    meeting: '会晤',
    'military-exercise': '军事演习',
    publication: '发布',
    speech: '演讲',
    statement: '声明',
    tour: '出访',
    visit: '访问',
  },
  statuses: { scheduled: '已安排', expected: '预计', possible: '可能', reported: '据报道' },
  notes: { correction: '更正', clarification: '澄清', context: '背景' },
}

/** Interface languages, by primary language subtag. */
export const EMBED_STRINGS: Readonly<Record<string, EmbedStrings>> = { en, de, fr, ru, uk, zh, ar }
const FALLBACK_LANGUAGE = 'en'

/**
 * The interface strings for a canonical locale and the language they are in (English when the
 * locale's language has none).
 * @example stringsFor('de-AT') // { language: 'de', strings: de }
 */
export const stringsFor = (locale: string): { language: string; strings: EmbedStrings } => {
  const language = locale.split('-')[0]!.toLowerCase()
  const strings = Object.hasOwn(EMBED_STRINGS, language) ? EMBED_STRINGS[language] : undefined
  return strings
    ? { language, strings }
    : { language: FALLBACK_LANGUAGE, strings: EMBED_STRINGS[FALLBACK_LANGUAGE]! }
}

/**
 * Fills `{name}` placeholders.
 * @example fill('Showing {shown} of {total}', { shown: 5, total: 28 })
 */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (all, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : all,
  )
