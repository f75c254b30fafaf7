/**
 * @module views/embed/layout
 * The document shell shared by the embed page and its error pages: system fonts, one inline
 * stylesheet and one inline script (both allowed by CSP hash), the theme on `<html>`.
 */
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { EMBED_CSS, EMBED_JS, SOURCES_JS } from '../../generated/client-assets.ts'
import type { Theme } from '../../embed/options.ts'
import { SocialMeta, type SocialMetaProps } from '../social-meta.tsx'

interface EmbedLayoutProps {
  lang: string
  /** Writing direction; `rtl` mirrors the page (logical CSS properties do the rest). */
  dir?: 'rtl'
  /** The page in other languages. */
  alternates?: { hreflang: string; href: string }[]
  theme: Theme
  title: string
  /** Timeline id, for the resize messages. */
  timelineId?: string
  /** oEmbed discovery URL (absolute). */
  oembedHref?: string
  /** Link-preview tags (not on error pages). */
  social?: SocialMetaProps
  /** Sources and notes load on demand (client/sources.ts): a translated embed. */
  sourcesOnDemand?: boolean
  children?: Child
}

/**
 * The `<html>` element of every embed response.
 * @example renderPage(<EmbedLayout lang="en" theme="auto" title="Timeline">…</EmbedLayout>)
 */
export const EmbedLayout = (props: EmbedLayoutProps) => (
  <html lang={props.lang} dir={props.dir} data-theme={props.theme} data-tl={props.timelineId}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content={props.theme === 'auto' ? 'light dark' : props.theme} />
      <meta name="referrer" content="strict-origin-when-cross-origin" />
      <title>{props.title}</title>
      {props.social && <SocialMeta {...props.social} />}
      {props.oembedHref && (
        <link
          rel="alternate"
          type="application/json+oembed"
          href={props.oembedHref}
          title={props.title}
        />
      )}
      {props.alternates?.map((a) => (
        <link rel="alternate" hreflang={a.hreflang} href={a.href} />
      ))}
      {/* raw(): the stylesheet and script are our own build output, checked at build time to
          contain no closing tag, and hashed byte for byte in the CSP. */}
      <style>{raw(EMBED_CSS)}</style>
    </head>
    <body>
      {props.children}
      {props.sourcesOnDemand && <script>{raw(SOURCES_JS)}</script>}
      <script>{raw(EMBED_JS)}</script>
    </body>
  </html>
)
