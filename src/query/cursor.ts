/**
 * @module query/cursor
 * Opaque keyset cursors: "after position 12" or "before position 3", base64url-encoded with a
 * version prefix so the format can change without breaking old links silently.
 */

interface Cursor {
  direction: 'after' | 'before'
  position: number
}

const PREFIX = 'v1'

/** Cursors already encoded, by direction and position: every query paging a timeline asks again. */
const encoded = new Map<string, string>()
/** Cursors remembered at most (each ~20 characters); past it the memo starts over. */
const MAX_ENCODED = 16_384

/** @example encodeCursor({ direction: 'after', position: 12 }) // 'djEuYS4xMg' */
export const encodeCursor = ({ direction, position }: Cursor): string => {
  const text = `${PREFIX}.${direction[0]}.${position}`
  let cursor = encoded.get(text)
  if (cursor === undefined) {
    if (encoded.size >= MAX_ENCODED) encoded.clear()
    cursor = btoa(text).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '') // base64 has '=' only as trailing padding
    encoded.set(text, cursor)
  }
  return cursor
}

/**
 * Reads a cursor made by {@link encodeCursor}.
 * @throws {RangeError} for anything else, so callers can answer 400.
 */
export const decodeCursor = (cursor: string): Cursor => {
  let text: string
  try {
    text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))
  } catch {
    throw new RangeError('not a cursor')
  }
  const match = /^v1\.([ab])\.(\d{1,9})$/.exec(text)
  if (!match) throw new RangeError('not a cursor')
  return { direction: match[1] === 'a' ? 'after' : 'before', position: Number(match[2]) }
}
