/**
 * @module http/body
 * A response body as the cache keeps it: UTF-8 bytes and a digest for the ETag. A body is a
 * string, or a list of parts some of which are {@link Fragment}s: text the data makes constant
 * (one event's JSON), encoded and hashed once per isolate and then only copied. A never-seen
 * query of 40 events thus costs 40 copies instead of serializing, encoding and hashing ~80 KB
 * (see the cold-query benchmark).
 */

/**
 * cyrb53, fed text by text: a fast 53-bit hash, good enough to tell two bodies of one data
 * version apart. Incremental so that a body of parts is hashed without joining them first.
 */
class Hash53 {
  h1 = 0xdeadbeef
  h2 = 0x41c6ce57

  /** Feeds bytes (an image) as if each were a code unit. */
  addBytes(bytes: Uint8Array): this {
    let h1 = this.h1
    let h2 = this.h2
    for (let i = 0; i < bytes.length; i++) {
      const ch = bytes[i]!
      h1 = Math.imul(h1 ^ ch, 2654435761)
      h2 = Math.imul(h2 ^ ch, 1597334677)
    }
    this.h1 = h1
    this.h2 = h2
    return this
  }

  add(text: string): this {
    let h1 = this.h1
    let h2 = this.h2
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i)
      h1 = Math.imul(h1 ^ ch, 2654435761)
      h2 = Math.imul(h2 ^ ch, 1597334677)
    }
    this.h1 = h1
    this.h2 = h2
    return this
  }

  digest(): string {
    let h1 = this.h1
    let h2 = this.h2
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
  }
}

/**
 * cyrb53 of one text, in base 36.
 * @example hash53('{"a":1}') // 'x1y2z3…'
 */
const hash53 = (text: string): string => new Hash53().add(text).digest()

/** Text serialized, encoded and hashed once, copied into every body that contains it. */
export interface Fragment {
  readonly bytes: Uint8Array
  readonly hash: string
}

/** A body: text, bytes kept as they are (an image), or text and fragments in order. */
export type Body = string | Uint8Array<ArrayBuffer> | readonly (string | Fragment)[]

const encoder = new TextEncoder()
/** The separator of list items, a fragment so that it costs no encoding. */
const COMMA: Fragment = { bytes: encoder.encode(','), hash: ',' }

/**
 * One serialization as fragments: `owner`'s fragment is made by `serialize` on first use and
 * kept as long as the owner lives (an event lives as long as its timeline), so memory is at most
 * one copy of what was served. Each serialization has its own memo: an owner may have several.
 * @example const eventJson = fragmenter((e: IndexedEvent) => JSON.stringify(e.event))
 */
export const fragmenter = <T extends object>(serialize: (owner: T) => string) => {
  const memo = new WeakMap<T, Fragment>()
  return (owner: T): Fragment => {
    let fragment = memo.get(owner)
    if (!fragment) {
      const text = serialize(owner)
      fragment = { bytes: encoder.encode(text), hash: hash53(text) }
      memo.set(owner, fragment)
    }
    return fragment
  }
}

/**
 * The JSON text of `{ ...envelope, [name]: items }` as a body, each item already serialized (a
 * fragment or a JSON string). The envelope is serialized with an empty list, which is its last
 * member, and the items are spliced in: byte for byte what `JSON.stringify` would give.
 * @example jsonWithList({ total: 2 }, 'items', [a, b]) // ['{"total":2,"items":[', a, ',', b, ']}']
 */
export const jsonWithList = (
  envelope: object,
  name: string,
  items: readonly (string | Fragment)[],
): Body => {
  if (name in envelope) throw new TypeError(`the envelope already has "${name}"`)
  // The envelope's text with its closing brace replaced by the list's opening: no object copy.
  const text = JSON.stringify(envelope)
  const head = `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(name)}:[`
  const parts: (string | Fragment)[] = [head]
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA)
    parts.push(item)
  })
  parts.push(']}')
  return parts
}

/** Only code units below 0x80: UTF-8 bytes as many as characters. */
const ASCII = /^[\x00-\x7f]*$/

/**
 * Largest body written into the shared scratch buffer (see {@link encodeBody}); larger transient
 * bodies get a buffer of their own, so the scratch never holds more than this.
 */
const SCRATCH_MAX = 128 * 1024
let scratch = new Uint8Array(0)

/** `length` bytes to write a body into: the scratch buffer when `transient` allows. */
const target = (length: number, transient: boolean): Uint8Array<ArrayBuffer> => {
  if (!transient || length > SCRATCH_MAX) return new Uint8Array(length)
  if (scratch.byteLength < length) scratch = new Uint8Array(SCRATCH_MAX)
  return scratch.subarray(0, length)
}

/**
 * A body's bytes and digest. The digest of a string is its hash; that of parts hashes each text
 * part (behind its length) and each fragment's hash, so it changes whenever a byte does.
 *
 * Allocating the bytes is the costly step (an ArrayBuffer of 7 KB costs more than the rest of a
 * JSON body's assembly in workerd, and more again in garbage collection), so:
 * - ASCII text parts (envelopes) are written straight into the body, not encoded separately;
 * - a `transient` body, one the cache will not keep, is written into a scratch buffer shared by
 *   all transient bodies. Such bytes are valid only until the next body is encoded: they must be
 *   handed to `new Response()` at once, which copies them (the Fetch standard's "extract a body";
 *   tests/worker/response-cache.test.ts checks workerd does).
 * @example const { bytes, digest } = encodeBody(['[', fragment, ']'], false)
 */
export const encodeBody = (
  body: Body,
  transient: boolean,
): { bytes: Uint8Array<ArrayBuffer>; digest: string } => {
  // Bytes (a build-time image) are kept as they are: never transient, never copied.
  if (body instanceof Uint8Array)
    return { bytes: body, digest: new Hash53().addBytes(body).digest() }
  if (typeof body === 'string') {
    const digest = hash53(body)
    // At most three bytes a UTF-16 code unit; the view is cut to what was written.
    if (!transient || body.length * 3 > SCRATCH_MAX) return { bytes: encoder.encode(body), digest }
    const room = target(body.length * 3, true)
    return { bytes: room.subarray(0, encoder.encodeInto(body, room).written), digest }
  }
  const hash = new Hash53()
  let length = 0
  const encoded = body.map((part) => {
    if (typeof part !== 'string') {
      hash.add(part.hash).add('\u0001')
      length += part.bytes.byteLength
      return part
    }
    hash.add(`\u0000${part.length}\u0000`).add(part)
    if (ASCII.test(part)) {
      length += part.length
      return part
    }
    const bytes = encoder.encode(part)
    length += bytes.byteLength
    return bytes
  })
  const bytes = target(length, transient)
  let offset = 0
  for (const piece of encoded) {
    if (typeof piece === 'string') {
      offset += encoder.encodeInto(piece, bytes.subarray(offset)).written
      continue
    }
    const from = piece instanceof Uint8Array ? piece : piece.bytes
    if (from.byteLength === 1) bytes[offset] = from[0]!
    else bytes.set(from, offset)
    offset += from.byteLength
  }
  return { bytes, digest: hash.digest() }
}
