/**
 * @module tests/unit/query-string.test
 * The links' query strings (`canonicalSearch`, src/urls.ts) are built by hand for speed; they
 * must be exactly what `URLSearchParams` would serialize, for any text a parameter can hold.
 */
import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { canonicalSearch, formEncode } from '../../src/urls.ts'

const text = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~aZ09é€😀') }),
)

describe('form encoding by hand', () => {
  test.prop([text], { numRuns: 2000 })('formEncode is URLSearchParams’ encoding', (value) => {
    expect(`x=${formEncode(value)}`).toBe(new URLSearchParams([['x', value]]).toString())
  })

  test.prop(
    [
      fc.dictionary(
        fc.constantFrom('q', 'actor', 'limit', 'cursor', 'sort'),
        fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 }), fc.constant(undefined)),
      ),
    ],
    { numRuns: 500 },
  )('canonicalSearch sorts, joins lists, drops undefined, encodes', (query) => {
    const pairs = Object.keys(query)
      .filter((k) => query[k] !== undefined)
      .sort()
      .map((k) => {
        const v = query[k]!
        return [k, Array.isArray(v) ? v.join(',') : v] as [string, string]
      })
    expect(canonicalSearch(query)).toBe(new URLSearchParams(pairs).toString())
  })
})
