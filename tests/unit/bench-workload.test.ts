/**
 * @module tests/unit/bench-workload
 * The benchmark's cold stream (issue 13): at least 3,000 distinct queries, each valid, mixing a
 * `q` word from the titles, an `actor`, a `from` date, a `limit` of 1–40 and a `sort`, the same
 * every run, and longer when asked (the bench grows it past the isolate cache).
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { COLD_DISTINCT_MIN, coldPaths, coldVocabulary } from '../../scripts/bench/workload.ts'
import { EventListQuery } from '../../src/query/schema.ts'

const timeline = JSON.parse(
  await readFile(new URL('../../data/timelines/wang-yi-moscow-2023.json', import.meta.url), 'utf8'),
) as {
  id: string
  events: { title: string; date: { start: string }; participants: { actor: string }[] }[]
}
// The shape the bench reads it from: an event-list response body.
const listBody = JSON.stringify({
  items: timeline.events.map((e) => ({
    ...e,
    participants: e.participants.map((p) => ({ actor: { id: p.actor } })),
  })),
})

describe('the cold query stream', () => {
  const vocabulary = coldVocabulary(listBody)
  const paths = coldPaths(timeline.id, vocabulary)

  it('has 3,000 distinct valid queries of the events route, the same every run', () => {
    expect(paths.length).toBe(COLD_DISTINCT_MIN)
    expect(COLD_DISTINCT_MIN).toBeGreaterThanOrEqual(3000)
    expect(new Set(paths).size).toBe(paths.length)
    expect(coldPaths(timeline.id, vocabulary)).toEqual(paths)
    for (const path of paths) {
      const [route, search] = path.split('?') as [string, string]
      expect(route).toBe(`/v1/timelines/${timeline.id}/events`)
      const query = Object.fromEntries(new URLSearchParams(search))
      const parsed = z.safeParse(EventListQuery, query)
      expect(parsed.success, path).toBe(true)
      const limit = Number(query.limit)
      expect(limit >= 1 && limit <= 40, path).toBe(true)
    }
  })

  it('mixes q words from the titles, actors, from dates and sorts', () => {
    const queries = paths.map((p) => new URLSearchParams(p.split('?')[1]))
    const titles = timeline.events.map((e) => e.title.toLowerCase()).join(' ')
    for (const q of queries.map((s) => s.get('q')).filter((q) => q !== null)) {
      expect(titles.normalize('NFD').replace(/\p{M}+/gu, '')).toContain(q)
    }
    for (const name of ['q', 'actor', 'from', 'sort']) {
      const share = queries.filter((s) => s.has(name)).length / queries.length
      expect(share, name).toBeGreaterThan(0.2)
      expect(share, name).toBeLessThan(0.9)
    }
    expect(new Set(queries.map((s) => s.get('limit'))).size).toBe(40)
  })

  it('grows with the same queries first', () => {
    const longer = coldPaths(timeline.id, vocabulary, 5000)
    expect(longer.slice(0, paths.length)).toEqual(paths)
    expect(new Set(longer).size).toBe(5000)
  })
})
