/**
 * @module i18n/vocabulary-labels
 * A label for every value of every vocabulary, in a content language: kinds, statuses and note
 * types from the interface strings, participant roles here (a closed vocabulary, like kinds), and
 * tags from the data (`data/tags.json`, `data/translations/{lang}/shared.json`: tags are open, so
 * their labels live beside the data). What `GET /v1/timelines/{id}` serves as `labels`.
 */
import type { EventStatus } from '../model/schema.ts'
import { EVENT_STATUSES, PARTICIPANT_ROLES } from '../model/vocabulary.ts'
import { stringsFor } from './embed-strings.ts'

type Role = (typeof PARTICIPANT_ROLES)[number]

/** Role labels and the label of "happened" (the embed shows no badge for it, so has none). */
const EXTRA: Readonly<Record<string, { happened: string; roles: Record<Role, string> }>> = {
  en: {
    happened: 'Happened',
    roles: {
      author: 'Author',
      guest: 'Guest',
      host: 'Host',
      interviewee: 'Interviewee',
      interviewer: 'Interviewer',
      moderator: 'Moderator',
      participant: 'Participant',
      speaker: 'Speaker',
      spokesperson: 'Spokesperson',
      subject: 'Subject',
    },
  },
  de: {
    happened: 'Geschehen',
    roles: {
      author: 'Verfasser',
      guest: 'Gast',
      host: 'Gastgeber',
      interviewee: 'Interviewte Person',
      interviewer: 'Interviewer',
      moderator: 'Moderation',
      participant: 'Beteiligt',
      speaker: 'Redner',
      spokesperson: 'Sprecher',
      subject: 'Betroffen',
    },
  },
  fr: {
    happened: 'Advenu',
    roles: {
      author: 'Auteur',
      guest: 'Invité',
      host: 'Hôte',
      interviewee: 'Personne interviewée',
      interviewer: 'Intervieweur',
      moderator: 'Modérateur',
      participant: 'Participant',
      speaker: 'Orateur',
      spokesperson: 'Porte-parole',
      subject: 'Sujet',
    },
  },
  ru: {
    happened: 'Произошло',
    roles: {
      author: 'Автор',
      guest: 'Гость',
      host: 'Принимающая сторона',
      interviewee: 'Интервьюируемый',
      interviewer: 'Интервьюер',
      moderator: 'Модератор',
      participant: 'Участник',
      speaker: 'Выступающий',
      spokesperson: 'Представитель',
      subject: 'Субъект',
    },
  },
  uk: {
    happened: 'Відбулося',
    roles: {
      author: 'Автор',
      guest: 'Гість',
      host: 'Приймальна сторона',
      interviewee: 'Співрозмовник',
      interviewer: 'Інтерв’юер',
      moderator: 'Модератор',
      participant: 'Учасник',
      speaker: 'Промовець',
      spokesperson: 'Речник',
      subject: 'Суб’єкт',
    },
  },
  zh: {
    happened: '已发生',
    roles: {
      author: '作者',
      guest: '来访方',
      host: '东道主',
      interviewee: '受访者',
      interviewer: '采访者',
      moderator: '主持人',
      participant: '参与者',
      speaker: '发言者',
      spokesperson: '发言人',
      subject: '当事人',
    },
  },
  ar: {
    happened: 'وقع',
    roles: {
      author: 'المؤلف',
      guest: 'الضيف',
      host: 'المضيف',
      interviewee: 'الضيف في المقابلة',
      interviewer: 'المحاور',
      moderator: 'مدير الجلسة',
      participant: 'مشارك',
      speaker: 'المتحدث',
      spokesperson: 'المتحدث الرسمي',
      subject: 'المعني',
    },
  },
}

/**
 * Every vocabulary value's label in a language (its primary subtag; English when it has none).
 * @example vocabularyLabels('de', { russia: 'Russland' }).roles.host // 'Gastgeber'
 */
export const vocabularyLabels = (language: string, tags: Readonly<Record<string, string>>) => {
  const { language: ui, strings } = stringsFor(language)
  const extra = EXTRA[ui] ?? EXTRA.en!
  const statuses = Object.fromEntries(
    EVENT_STATUSES.map((s) => [s, s === 'happened' ? extra.happened : strings.statuses[s]]),
  ) as Record<EventStatus, string>
  return {
    kinds: strings.kinds,
    statuses,
    noteTypes: strings.notes,
    roles: extra.roles,
    tags: { ...tags },
  }
}
