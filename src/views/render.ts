/**
 * @module views/render
 * Serializes a rendered page (docs, landing, embed, embed error) as a complete HTML document. One
 * function for every page, so they all start with the same doctype.
 */

/**
 * A rendered JSX page as an HTML document string.
 * @example renderPage(<Layout title="Docs" description="…"><h1>Docs</h1></Layout>)
 */
export const renderPage = (page: unknown): string => `<!doctype html>${String(page)}`
