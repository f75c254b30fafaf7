/**
 * @module views/embed/error-page
 * What an iframe shows when the embed cannot be served (unknown timeline, invalid option): a short
 * message in the reader's language, in the embed's look, sized like any embed.
 */
import type { EmbedStrings } from '../../i18n/embed-strings.ts'
import type { Theme } from '../../embed/options.ts'
import { EmbedLayout } from './layout.tsx'

interface ErrorPageProps {
  lang: string
  theme: Theme
  strings: EmbedStrings
  /** The message; composed of our own words, escaped like all text. */
  message: string
  detail?: string
}

/**
 * @example renderPage(<ErrorPage lang="en" theme="auto" strings={s} message={s.notFound} />)
 */
export const ErrorPage = (props: ErrorPageProps) => (
  <EmbedLayout
    lang={props.lang}
    theme={props.theme}
    title={`Dateline: ${props.message
      .trimEnd()
      .replace(/[:：]$/, '')
      .trimEnd()}`}
  >
    <main class="hd" aria-labelledby="dl-title">
      <h1 id="dl-title">{props.message}</h1>
      {/* Validation messages are English. */}
      {props.detail && <p lang="en">{props.detail}</p>}
    </main>
  </EmbedLayout>
)
