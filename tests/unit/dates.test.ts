/**
 * @module tests/unit/dates.test
 * Partial dates as day ranges, weekdays, and cursors: the arithmetic every filter and check uses.
 */
import { describe, expect, it } from 'vitest'
import { isoDay, partialDateRange, precisionOf, weekdayOf } from '../../src/model/dates.ts'
import { decodeCursor, encodeCursor } from '../../src/query/cursor.ts'

describe('partialDateRange', () => {
  it.each([
    ['2023-02-21', '2023-02-21', '2023-02-21'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-12', '2023-12-01', '2023-12-31'],
    ['2023', '2023-01-01', '2023-12-31'],
  ])('%s covers %s..%s', (text, first, last) => {
    const range = partialDateRange(text)!
    expect(isoDay(range.first)).toBe(first)
    expect(isoDay(range.last)).toBe(last)
  })

  it.each(['2023-02-29', '2023-13', '2023-00', '2023-04-31', '0000', '23-02-01', '2023-2-1', ''])(
    'rejects %s',
    (text) => expect(partialDateRange(text)).toBeUndefined(),
  )

  it('knows precisions and weekdays', () => {
    expect(precisionOf('2023')).toBe('year')
    expect(precisionOf('2023-02')).toBe('month')
    expect(precisionOf('2023-02-21')).toBe('day')
    expect(weekdayOf(partialDateRange('2023-02-21')!.first)).toBe('tuesday')
    expect(weekdayOf(partialDateRange('1969-12-31')!.first)).toBe('wednesday')
  })
})

describe('cursors', () => {
  it('round-trip and stay URL-safe', () => {
    for (const position of [0, 1, 27, 9_999, 123_456_789]) {
      for (const direction of ['after', 'before'] as const) {
        const cursor = encodeCursor({ direction, position })
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
        expect(decodeCursor(cursor)).toEqual({ direction, position })
      }
    }
  })

  it.each(['', 'abc', btoa('v2.a.1'), btoa('v1.x.1'), btoa('v1.a.-1'), btoa('v1.a.1e3')])(
    'rejects %j',
    (cursor) => expect(() => decodeCursor(cursor)).toThrow(RangeError),
  )
})
