/**
 * @module http/byte-lru
 * A least-recently-used map bounded by bytes, not entries: an isolate has 128 MB, and a count
 * bound says nothing about memory when one entry may be 200 bytes and the next 2 MB. Each value
 * is stored with the size its owner measured; inserting past the budget evicts the least recently
 * used entries first. Hand-written because it is ~60 lines over a `Map` (whose insertion order is
 * the recency order) and the libraries on npm either count entries or measure with callbacks we
 * would write anyway.
 */

interface Slot<V> {
  value: V
  bytes: number
}

/** Memory of one JavaScript string: V8 keeps non-Latin-1 text at two bytes a character. */
export const stringBytes = (text: string): number => text.length * 2

/**
 * @example
 * const lru = new ByteLru<Uint8Array>(16 * 1024 * 1024)
 * lru.set('k', bytes, bytes.byteLength)
 * lru.get('k') // bytes, now the most recently used
 */
export class ByteLru<V> {
  readonly #slots = new Map<string, Slot<V>>()
  #bytes = 0

  /** The budget; 0 keeps nothing (caching off). */
  readonly maxBytes: number

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes
  }

  /** Bytes held now, keys included. */
  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#slots.size
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: string): V | undefined {
    const slot = this.#slots.get(key)
    if (!slot) return undefined
    this.#slots.delete(key)
    this.#slots.set(key, slot)
    return slot.value
  }

  /** The value for `key`, leaving the order of use as it is. */
  peek(key: string): V | undefined {
    return this.#slots.get(key)?.value
  }

  /**
   * Keeps `value` under `key`, counting `bytes` plus the key; a value larger than the whole
   * budget is not kept. Returns whether it was kept.
   */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key)
    const total = bytes + stringBytes(key)
    if (total > this.maxBytes) return false
    this.#slots.set(key, { value, bytes: total })
    this.#bytes += total
    for (const [oldest, slot] of this.#slots) {
      if (this.#bytes <= this.maxBytes) break
      this.#slots.delete(oldest)
      this.#bytes -= slot.bytes
    }
    return true
  }

  delete(key: string): void {
    const slot = this.#slots.get(key)
    if (!slot) return
    this.#slots.delete(key)
    this.#bytes -= slot.bytes
  }
}
