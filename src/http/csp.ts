/**
 * @module http/csp
 * Content Security Policy for Dateline's own HTML pages (docs, landing): nothing from anywhere
 * else, and only the inline styles and scripts whose SHA-256 the page declares. Hashes, not
 * nonces, because a nonce would make every response unique and defeat the ETag cache.
 */

export interface PageCspOptions {
  /** Inline `<style>` texts, exactly as sent. */
  styles?: readonly string[]
  /** Inline `<script>` texts, exactly as sent. */
  scripts?: readonly string[]
  /** `frame-src` sources; none unless the page frames something. */
  frameSrc?: string
}

const digests = new Map<string, Promise<string>>()

/**
 * `'sha256-…'` CSP source of a text, computed once per isolate per text.
 * @example await cspHash('body{margin:0}') // "'sha256-…'"
 */
export const cspHash = (text: string): Promise<string> => {
  let digest = digests.get(text)
  if (!digest) {
    digest = crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(text))
      .then((buf) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(buf)))}'`)
    digests.set(text, digest)
  }
  return digest
}

/**
 * The CSP of a page that allows only its own hashed inline code.
 * @example c.header('Content-Security-Policy', await pageCsp({ styles: [CSS] }))
 */
export const pageCsp = async (options: PageCspOptions): Promise<string> => {
  const styles = await Promise.all((options.styles ?? []).map(cspHash))
  const scripts = await Promise.all((options.scripts ?? []).map(cspHash))
  return [
    "default-src 'none'",
    `style-src ${styles.join(' ') || "'none'"}`,
    `script-src ${scripts.join(' ') || "'none'"}`,
    "img-src 'self' data:",
    ...(options.frameSrc ? [`frame-src ${options.frameSrc}`] : []),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
