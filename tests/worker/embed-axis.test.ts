/**
 * @module tests/worker/embed-axis.test
 * The time axis on `/embed/{id}` inside workerd: a named link per shown event, in chronological
 * order, the filters and `lang` applied to it, the `lanes` option (with its fallback), the legend,
 * the skip link and the folded toolbar. Geometry is measured in Chromium (tests/browser/axis.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { call, getJson, TIMELINE } from './helpers.ts'

const PAGE = `/embed/${TIMELINE}`
const html = async (query = '') => (await call(`${PAGE}${query}`)).text()
const axis = (page: string) => page.slice(page.indexOf('<div class="axw">'), page.indexOf('<ol '))
const marks = (page: string) =>
  [...axis(page).matchAll(/<a href="#event-([a-z0-9-]+)"><title>([^<]*)<\/title>/g)].map((m) => ({
    id: m[1]!,
    name: m[2]!,
  }))
const captions = (page: string) => {
  const lanes = /<g class="la"[^>]*>(.*?)<\/g>/.exec(axis(page))![1]!
  return [...lanes.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
}

describe('the time axis of the embed page', () => {
  it('has a link per event, named by date and title, chronological, above the list', async () => {
    const page = await html()
    const { body } = await getJson(`/v1/timelines/${TIMELINE}`)
    const found = marks(page)
    expect(found.map((m) => m.id).sort()).toEqual(body.events.map((e: any) => e.id).sort())
    const order = found.map((m) => body.events.findIndex((e: any) => e.id === m.id))
    const starts = order.map((i) => body.events[i].date.start)
    expect(starts).toEqual([...starts].sort())
    expect(found.find((m) => m.id === 'biden-visits-kyiv')!.name).toBe(
      'Feb 20, 2023: Joe Biden makes a surprise visit to Kyiv',
    )
    expect(found.find((m) => m.id === 'putin-meets-wang-yi')!.name).toMatch(/\(Possible\)$/)
    expect(page.indexOf('<div class="axw">')).toBeLessThan(page.indexOf('<ol class="tl'))
    expect(page).toContain('<a class="sk" href="#list">Skip to the list</a>')
    expect(page).toContain('<ol class="tl hold" id="list"')
  })

  it('shows the events the filters select, no more', async () => {
    const page = await html('?kind=visit&from=2023-02-16')
    const { body } = await getJson(`/v1/timelines/${TIMELINE}/events?kind=visit&from=2023-02-16`)
    expect(
      marks(page)
        .map((m) => m.id)
        .sort(),
    ).toEqual(body.items.map((e: any) => e.id).sort())
  })

  it('groups by country by default, by kind or in one lane on request, and ignores bad values', async () => {
    expect(captions(await html())).toEqual(['China', 'United States', 'Russia', 'Germany'])
    expect(captions(await html('?lanes=bogus'))).toEqual(captions(await html()))
    const byKind = captions(await html('?lanes=kind'))
    expect(byKind).toContain('Visit')
    expect(byKind).toContain('Military exercise')
    expect(captions(await html('?lanes=none'))).toEqual([])
  })

  it('speaks the lang option: ticks, lanes, legend and the marks’ dates', async () => {
    const page = await html('?lang=de')
    expect(axis(page)).toContain('<g class="tk" aria-hidden="true" lang="de">')
    expect(axis(page)).toContain('>Feb. 2023</text>')
    expect(captions(page)).toContain('Vereinigte Staaten')
    expect(axis(page)).toContain('Geschehen')
    expect(marks(page).find((m) => m.id === 'biden-visits-kyiv')!.name).toMatch(
      /^20\. Feb\. 2023: /,
    )
  })

  it('has a legend of what applies, and a break per compressed gap', async () => {
    const page = await html()
    const legend = [...axis(page).matchAll(/<li><svg[^]*?<\/svg>([^<]*)<\/li>/g)].map((m) => m[1])
    expect(legend).toEqual([
      'Happened',
      'Scheduled, expected, possible or reported',
      'Month, year or approximate date',
      'Time left out',
    ])
    expect(axis(page).match(/<title>\d+ days left out<\/title>/g)).toHaveLength(3)
    // Only happened events: no legend entry for the others.
    const happened = await html('?status=happened&kind=visit')
    expect(axis(happened)).not.toContain('Scheduled, expected')
  })

  it('folds the toolbar into one disclosure, revealed by the script', async () => {
    const page = await html()
    expect(page).toMatch(/<details class="tools" hidden[^>]*><summary>Filter by kind<\/summary>/)
  })

  it('draws nothing executable and no inline style in the axis', async () => {
    const part = axis(await html())
    expect(part).not.toMatch(/<script|<style|style="| on[a-z]+=|javascript:/i)
  })
})
