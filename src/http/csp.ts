/**
 * @module http/csp
 * Content Security Policy for Dateline's own HTML pages (docs, landing): nothing from anywhere
 * else, and only the inline styles and scripts whose SHA-256 the page declares. Hashes, not
 * nonces, because a nonce would make every response unique and defeat the ETag cache; computed
 * at build time (scripts/build-client.ts), so a request never hashes anything.
 */

export interface PageCspOptions {
  /** `'sha256-…'` sources of the page's inline `<style>` texts. */
  styleHashes?: readonly string[]
  /** `'sha256-…'` sources of the page's inline `<script>` texts. */
  scriptHashes?: readonly string[]
  /** `frame-src` sources; none unless the page frames something. */
  frameSrc?: string
}

/**
 * The CSP of a page that allows only its own hashed inline code.
 * @example pageCsp({ styleHashes: [PAGE_CSS_HASH] })
 */
export const pageCsp = (options: PageCspOptions): string =>
  [
    "default-src 'none'",
    `style-src ${options.styleHashes?.join(' ') || "'none'"}`,
    `script-src ${options.scriptHashes?.join(' ') || "'none'"}`,
    "img-src 'self' data:",
    ...(options.frameSrc ? [`frame-src ${options.frameSrc}`] : []),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
