/**
 * @module tests/worker/i18n.test
 * Content in seven languages over HTTP: `lang` and `Accept-Language` (RFC 4647 lookup with
 * q-values), `Content-Language` with RFC 6497 tags, `Vary`, per-language ETags, the `translation`
 * block, glosses beside verbatim quotes, formats and the embed page in each language.
 */
import { describe, expect, it } from 'vitest'
import { call, getJson, ORIGIN, TIMELINE } from './helpers.ts'
import { SHIPPED_CITATIONS, SHIPPED_EVENTS } from '../fixtures/dataset.ts'

const TRANSLATED = ['de', 'fr', 'ru', 'uk', 'zh', 'ar'] as const
const T = `/v1/timelines/${TIMELINE}`

/** A title in each language, as written in data/translations (and the original). */
const TITLE_WORD: Record<string, string> = {
  en: 'Moscow',
  de: 'Moskau',
  fr: 'Moscou',
  ru: 'Москве',
  uk: 'Москві',
  zh: '莫斯科',
  ar: 'موسكو',
}

const gzipSize = async (text: string) => {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return (await new Response(stream).arrayBuffer()).byteLength
}

describe('the API in each language', () => {
  it('lists the languages a timeline is offered in', async () => {
    const { body } = await getJson('/v1/timelines')
    const item = body.items.find((t: any) => t.id === TIMELINE)
    expect(item.languages).toEqual(['en', 'ar', 'de', 'fr', 'ru', 'uk', 'zh'])
    expect((await getJson(T)).body.languages).toEqual(item.languages)
  })

  it.each(TRANSLATED)(
    'answers in %s with Content-Language, Vary and a translation block',
    async (lang) => {
      const { res, body } = await getJson(`${T}?lang=${lang}`)
      expect(res.status).toBe(200)
      const tag = `${lang}-t-en-t0-und`
      expect(res.headers.get('content-language')).toBe(tag)
      // The URL names the language: nothing here depends on Accept-Language.
      expect(res.headers.get('vary') ?? '').not.toMatch(/Accept-Language/)
      expect(body.language).toBe(tag)
      expect(body.title).toContain(TITLE_WORD[lang])
      expect(body.translation).toMatchObject({
        tag,
        language: lang,
        from: 'en',
        method: 'machine',
        reviewed: false,
      })
      expect(body.links.self).toBe(`${T}?lang=${lang}`)
      // Quotes stay verbatim, in English; each has a gloss in the chosen language.
      const english = (await getJson(`${T}?lang=en`)).body
      const citation = body.events[0].citations[0]
      expect(citation.quote).toBe(english.events[0].citations[0].quote)
      expect(citation.gloss).toBeTruthy()
      expect(citation.gloss).not.toBe(citation.quote)
      expect(english.events[0].citations[0].gloss).toBeUndefined()
    },
  )

  it('serves a label for every vocabulary value in each language', async () => {
    const de = (await getJson(`${T}?lang=de`)).body
    expect(de.labels.roles.host).toBe('Gastgeber')
    expect(de.labels.tags.russia).toBe('Russland')
    expect(de.labels.kinds.visit).toBe('Besuch')
    expect(de.labels.statuses.happened).toBe('Geschehen')
    for (const lang of ['en', ...TRANSLATED]) {
      const { labels, events } = (await getJson(`${T}?lang=${lang}`)).body
      for (const e of events) {
        for (const tag of e.tags) expect(labels.tags[tag], `${lang} ${tag}`).toBeTruthy()
        for (const p of e.participants) expect(labels.roles[p.role]).toBeTruthy()
        expect(labels.kinds[e.kind]).toBeTruthy()
        expect(labels.statuses[e.status]).toBeTruthy()
      }
    }
  })

  it('negotiates Accept-Language by RFC 4647 lookup with q-values', async () => {
    const lang = async (header: string) =>
      (await call(T, { headers: { 'Accept-Language': header } })).headers.get('content-language')
    expect(await lang('fr-CH')).toBe('fr-t-en-t0-und')
    expect(await lang('zh-Hans-CN')).toBe('zh-t-en-t0-und')
    expect(await lang('pt-BR, de;q=0.5, uk;q=0.9')).toBe('uk-t-en-t0-und')
    expect(await lang('de;q=0, ru')).toBe('ru-t-en-t0-und')
    expect(await lang('pt, *;q=0.1')).toBe('en')
    expect(await lang('')).toBe('en')
    // Chosen by the header, so the answer says it varies on it.
    expect((await call(T, { headers: { 'Accept-Language': 'fr' } })).headers.get('vary')).toMatch(
      /Accept-Language/,
    )
  })

  it('lets an explicit lang beat Accept-Language', async () => {
    const res = await call(`${T}?lang=ar`, { headers: { 'Accept-Language': 'de' } })
    expect(res.headers.get('content-language')).toBe('ar-t-en-t0-und')
  })

  it('falls back to the original with a 200 for a language the timeline lacks', async () => {
    const res = await call(`${T}?lang=pt-BR`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-language')).toBe('en')
  })

  it('answers a malformed lang with a 400 naming the parameter, never the value', async () => {
    const res = await call(`${T}/events?lang=%3Cscript%3Ex_y`)
    expect(res.status).toBe(400)
    const problem = (await res.json()) as any
    expect(problem.parameter).toBe('lang')
    expect(JSON.stringify(problem)).not.toContain('script')
  })

  it('gives each language its own ETag, and a 304 only for the same language', async () => {
    const de = await call(`${T}?lang=de`)
    const fr = await call(`${T}?lang=fr`)
    expect(de.headers.get('etag')).not.toBe(fr.headers.get('etag'))
    const again = await call(`${T}?lang=de`, {
      headers: { 'If-None-Match': de.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
    const other = await call(`${T}?lang=fr`, {
      headers: { 'If-None-Match': de.headers.get('etag')! },
    })
    expect(other.status).toBe(200)
  })

  it('translates actor and place names in events and keeps explicit-lang links', async () => {
    const { body } = await getJson(`${T}/events?lang=uk&place=kyiv`)
    const event = body.items[0]
    expect(event.places[0].name).toBe('Київ')
    expect(event.participants.map((p: any) => p.actor.name)).toContain('Джо Байден')
    expect(body.links.self).toContain('lang=uk')
  })

  it('writes iCalendar descriptions in the language, glosses labelled beside verbatim quotes', async () => {
    const ics = (await (await call(`${T}/events.ics?lang=de&limit=3`)).text()).replace(/\r\n /g, '')
    expect(ics).toContain('Beteiligte: ')
    expect(ics).toContain('(Beteiligt)')
    expect(ics).toContain('\\nÜbersetzung: ')
    expect(ics).toContain('“since the start of the Kremlin’s all-out invasion of Ukraine')
  })

  it('searches in the chosen language', async () => {
    const { body } = await getJson(`${T}/events?lang=de&q=kyjiw`)
    expect(body.items.map((e: any) => e.id)).toContain('biden-visits-kyiv')
  })
})

describe('formats in each language', () => {
  it.each(TRANSLATED)('%s: every format carries the language', async (lang) => {
    const tag = `${lang}-t-en-t0-und`
    const ics = await call(`${T}/events.ics?lang=${lang}`)
    expect(ics.headers.get('content-disposition')).toContain(`${TIMELINE}.${lang}.ics`)
    expect(ics.headers.get('content-language')).toBe(tag)
    expect(await ics.text()).toContain(`SUMMARY;LANGUAGE=${tag}:`)
    expect(await (await call(`${T}/events.atom?lang=${lang}`)).text()).toContain(
      `xml:lang="${tag}"`,
    )
    expect(
      ((await (await call(`${T}/events.feed.json?lang=${lang}`)).json()) as any).language,
    ).toBe(tag)
    const ld = (await (await call(`${T}/events.jsonld?lang=${lang}`)).json()) as any
    expect(ld.inLanguage).toBe(tag)
    // The quote stays English, tagged so; its gloss is a tagged translation of it.
    const quotation = ld.itemListElement[0].item.subjectOf[0].hasPart
    expect(quotation.text['@language']).toBe('en')
    expect(quotation.workTranslation.text['@language']).toBe(tag)
    expect(quotation.workTranslation.text['@value']).not.toBe(quotation.text['@value'])
    const csv = await (await call(`${T}/events.csv?lang=${lang}`)).text()
    expect(csv).toContain(tag)
    expect(csv).toContain(TITLE_WORD[lang])
    const geo = (await (await call(`${T}/events.geojson?lang=${lang}`)).json()) as any
    expect(geo.features[0].properties.language).toBe(tag)
    const svg = await (await call(`${T}/events.svg?lang=${lang}`)).text()
    expect(svg).toContain(`xml:lang="${tag}"`)
  })
})

describe('the embed page in each language', () => {
  it.each(['en', ...TRANSLATED])(
    '%s: content, provenance, direction and the 15 KB budget',
    async (lang) => {
      const res = await call(`/embed/${TIMELINE}?lang=${lang}`)
      expect(res.status).toBe(200)
      const html = await res.text()
      const tag = lang === 'en' ? 'en' : `${lang}-t-en-t0-und`
      expect(res.headers.get('content-language')).toBe(tag)
      expect(res.headers.get('vary') ?? '').not.toMatch(/Accept-Language/)
      expect(html).toContain(`<html lang="${tag}"${lang === 'ar' ? ' dir="rtl"' : ''} data-theme`)
      expect(html).toContain(TITLE_WORD[lang])
      expect((html.match(/hreflang="/g) ?? []).length).toBe(6)
      if (lang !== 'en') {
        expect(html).toContain('class="pv"')
        expect(html).toContain(`/embed/${TIMELINE}?lang=en`)
        // Sources and notes come on demand: a link per event, no quote in the page.
        const sources = `${ORIGIN}/embed/${TIMELINE}/sources?lang=${lang}`
        expect(html).toContain(`<details data-src="${sources}">`)
        expect(html).toContain(`href="${sources}#sources-`)
        expect(html).not.toContain('<blockquote')
        const page = await call(`/embed/${TIMELINE}/sources?lang=${lang}`)
        expect(page.headers.get('content-language')).toBe(tag)
        const listed = await page.text()
        expect(listed).toContain(
          `<html lang="${tag}"${lang === 'ar' ? ' dir="rtl"' : ''} data-theme`,
        )
        expect(listed.match(/class="gl"/g)).toHaveLength(SHIPPED_CITATIONS)
        expect(listed).toContain('<p lang="en" dir="auto">“since the start of the Kremlin')
        expect(listed.match(/<section id="sources-/g)).toHaveLength(SHIPPED_EVENTS)
        const listedGzip = await gzipSize(listed)
        console.log(`sources ${lang}: ${listed.length} B raw, ${listedGzip} B gzip`)
      } else {
        expect(html).not.toContain('data-src')
        expect(html.match(/<blockquote>/g)).toHaveLength(SHIPPED_CITATIONS)
      }
      const gzip = await gzipSize(html)
      console.log(`embed ${lang}: ${html.length} B raw, ${gzip} B gzip`)
      expect(gzip).toBeLessThanOrEqual(15 * 1024)
    },
  )

  it('negotiates the embed by Accept-Language when no lang is given', async () => {
    const res = await call(`/embed/${TIMELINE}`, { headers: { 'Accept-Language': 'zh-Hans-CN' } })
    expect(res.headers.get('content-language')).toBe('zh-t-en-t0-und')
    expect(res.headers.get('vary')).toMatch(/Accept-Language/)
    expect(await res.text()).toContain('王毅')
  })

  it('keeps its fallback for a bad lang: the original, never an error', async () => {
    const res = await call(`/embed/${TIMELINE}?lang=%3C%3E`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-language')).toBe('en')
  })
})

describe('the landing page in each language', () => {
  const page = async (search = '') =>
    (await call(`/${search}`, { headers: { Accept: 'text/html' } })).text()
  const alternates = (html: string) =>
    [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [
      m[1],
      new URL(m[2]!).search,
    ])

  it('lists the live timeline in every other language as an hreflang alternate', async () => {
    expect(alternates(await page())).toEqual(TRANSLATED.toSorted().map((l) => [l, `?lang=${l}`]))
  })

  it.each(TRANSLATED)(
    '%s: the printed copy reads in it; the others are the alternates',
    async (l) => {
      const html = await page(`?lang=${l}`)
      expect(html).toContain(TITLE_WORD[l])
      const langs = alternates(html).map(([hreflang]) => hreflang)
      expect(langs).toContain('en')
      expect(langs).not.toContain(l)
    },
  )
})

describe('actors and places in each language', () => {
  /** Wang Yi's name in each language, as the shared translations give it. */
  const WANG_YI: Record<string, string> = {
    en: 'Wang Yi',
    de: 'Wang Yi',
    fr: 'Wang Yi',
    ru: 'Ван И',
    uk: 'Ван І',
    zh: '王毅',
    ar: 'وانغ يي',
  }

  it.each(['en', ...TRANSLATED])('%s: names, event titles and Content-Language', async (lang) => {
    const { res, body } = await getJson(`/v1/actors/wang-yi?lang=${lang}`)
    expect(res.status).toBe(200)
    const tag = lang === 'en' ? 'en' : `${lang}-t-en-t0-und`
    expect(res.headers.get('content-language')).toBe(tag)
    expect(res.headers.get('vary') ?? '').not.toMatch(/Accept-Language/)
    expect(body.name).toBe(WANG_YI[lang])
    // The events it appears in are titled in the same language as the timeline in it.
    const { body: timeline } = await getJson(`${T}/events?lang=${lang}&limit=500`)
    const titles = new Map(timeline.items.map((e: any) => [e.id, e.title]))
    for (const e of body.events) expect(e.title).toBe(titles.get(e.id))
    const list = await getJson(`/v1/places?lang=${lang}`)
    expect(list.res.headers.get('content-language')).toBe(tag)
    expect(list.body.items.length).toBeGreaterThan(0)
  })

  it('negotiates Accept-Language when no lang is given, and says it varies on it', async () => {
    const res = await call('/v1/actors/wang-yi', { headers: { 'Accept-Language': 'zh-Hans-CN' } })
    expect(res.headers.get('content-language')).toBe('zh-t-en-t0-und')
    expect(res.headers.get('vary')).toMatch(/Accept-Language/)
    expect(((await res.json()) as any).name).toBe('王毅')
  })

  it('falls back to the original names for a language on offer nowhere', async () => {
    const { res, body } = await getJson('/v1/places/moscow?lang=pt-BR')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-language')).toBe('en')
    expect(body.name).toBe('Moscow')
  })
})
