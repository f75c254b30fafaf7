/**
 * @module i18n/embed-strings-ar
 * The embed's and the axis's interface words in Arabic (Modern Standard Arabic), apart from
 * embed-strings.ts to keep each file short. Machine-translated (by the model that wrote the
 * content translations) and unreviewed, like the Arabic content.
 */
import type { EmbedStrings } from './embed-strings.ts'
import type { AxisStrings } from './axis-strings.ts'

export const ar: EmbedStrings = {
  draft: 'مسودة: لم تُراجَع بعد، وتظهر في المعاينات المحلية فقط.',
  places: 'الأماكن',
  participants: 'المشاركون',
  sources: 'المصادر والملاحظات ({n})',
  showSources: 'عرض الاقتباسات والملاحظات',
  sourcesTitle: 'المصادر والملاحظات',
  backToTimeline: 'العودة إلى الخط الزمني',
  expandAll: 'توسيع الكل',
  collapseAll: 'طي الكل',
  filterByKind: 'التصفية حسب النوع',
  circa: 'نحو',
  showing: 'عرض {shown} من أصل {total} حدثًا.',
  showAll: 'عرض الكل',
  events: 'الأحداث',
  openFull: 'فتح البيانات',
  notFound: 'هذا الخط الزمني غير موجود.',
  unavailable: 'تعذّر عرض هذا الخط الزمني الآن. يُرجى المحاولة مرة أخرى بعد قليل.',
  badOption: 'في هذا التضمين خيار غير صالح:',
  kinds: {
    appointment: 'تعيين',
    briefing: 'إحاطة',
    call: 'اتصال',
    conference: 'مؤتمر',
    editorial: 'افتتاحية',
    interview: 'مقابلة',
    invasion: 'غزو',
    meeting: 'لقاء',
    'military-exercise': 'مناورة عسكرية',
    publication: 'نشر',
    speech: 'خطاب',
    statement: 'بيان',
    tour: 'جولة',
    visit: 'زيارة',
  },
  statuses: { scheduled: 'مقرر', expected: 'متوقع', possible: 'محتمل', reported: 'وفق التقارير' },
  notes: { correction: 'تصحيح', clarification: 'توضيح', context: 'سياق' },
}

export const arAxis: AxisStrings = {
  axis: 'المحور الزمني',
  summary: 'عدد الأحداث: {n}، {from} – {to}. اختُصرت الفترات الطويلة الخالية.',
  legend: {
    happened: 'وقع',
    tentative: 'مقرر أو متوقع أو محتمل أو وفق التقارير',
    fuzzy: 'شهر أو سنة أو تاريخ تقريبي',
    gap: 'فترة محذوفة',
  },
  none: 'لا أحداث مطابقة.',
  gap: 'حُذف {n} يومًا',
  other: 'أخرى',
  skip: 'الانتقال إلى القائمة',
  range: 'المعروض: {from} – {to}.',
  clear: 'كل التواريخ',
}
