/**
 * @module tests/unit/embed-cap.test
 * The embed page never renders more than MAX_LIMIT events, however large the timeline, and offers
 * "show all" only when everything fits on one page.
 */
import { describe, expect, it } from 'vitest'
import { loadDataDir } from '../../scripts/lib/data-files.ts'
import { createDataset } from '../../src/model/dataset.ts'
import { embedView } from '../../src/views/embed/model.ts'
import { EmbedQuery } from '../../src/embed/schema.ts'
import { MAX_LIMIT } from '../../src/query/schema.ts'

/** The shipped timeline with every event repeated `copies` times (new ids, same dates). */
const inflated = async (copies: number) => {
  const { dataset } = await loadDataDir()
  const timeline = structuredClone(dataset!.timelines[0]!)
  timeline.events = timeline.events.flatMap((e) =>
    Array.from({ length: copies }, (_, i) => ({ ...e, id: `${e.id}-${i}`, related: [] })),
  )
  const data = createDataset({ version: 'test', ...dataset!, timelines: [timeline] })
  return data.timelines.get(timeline.id)!
}

describe('embed page size cap', () => {
  it(`shows at most ${MAX_LIMIT} events of a large timeline, without a show-all link`, async () => {
    const timeline = await inflated(30)
    expect(timeline.events.length).toBeGreaterThan(MAX_LIMIT)
    const view = embedView(timeline, EmbedQuery.parse({}), { origin: 'https://d.test' })
    expect(view.events).toHaveLength(MAX_LIMIT)
    expect(view.total).toBe(timeline.events.length)
    expect(view.limitNote).toContain(String(timeline.events.length))
    expect(view.unlimitedHref).toBeUndefined()
  })

  it('offers show-all when a limited view could show everything', async () => {
    const timeline = await inflated(2)
    const view = embedView(timeline, EmbedQuery.parse({ limit: '5' }), { origin: 'https://d.test' })
    expect(view.events).toHaveLength(5)
    expect(view.unlimitedHref).toBe(`/embed/${timeline.meta.id}`)
    const all = embedView(timeline, EmbedQuery.parse({}), { origin: 'https://d.test' })
    expect(all.events).toHaveLength(timeline.events.length)
    expect(all.limitNote).toBeUndefined()
  })
})
