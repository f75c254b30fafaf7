/**
 * @module views/social-meta
 * The `<meta>` elements that make a shared link preview as a picture: Open Graph (`og:*`, read by
 * Facebook, LinkedIn, Slack, Mastodon, iMessage…) and `twitter:card`. X falls back to the `og:`
 * title, description and image, so `summary_large_image` is the only `twitter:` tag needed. Shared
 * by the landing page and the embed page, whose image is the timeline's social card.
 */
import { CARD_HEIGHT, CARD_WIDTH } from '../timeline-svg/card.ts'

export interface SocialMetaProps {
  title: string
  description: string
  /** Absolute URL of the page: where a preview links to. */
  url: string
  /** Absolute URL of the 1200 × 630 picture. */
  image: string
  /** What the picture shows, for readers who cannot see it. */
  imageAlt: string
}

/**
 * @example <SocialMeta title={t} description={d} url={pageUrl} image={cardUrl} imageAlt={alt} />
 */
export const SocialMeta = (props: SocialMetaProps) => (
  <>
    <meta property="og:type" content="website" />
    <meta property="og:title" content={props.title} />
    <meta property="og:description" content={props.description} />
    <meta property="og:url" content={props.url} />
    <meta property="og:image" content={props.image} />
    {/* The size lets a consumer lay the preview out before it has fetched the picture. */}
    <meta property="og:image:width" content={String(CARD_WIDTH)} />
    <meta property="og:image:height" content={String(CARD_HEIGHT)} />
    <meta property="og:image:alt" content={props.imageAlt} />
    <meta name="twitter:card" content="summary_large_image" />
  </>
)
