/**
 * @module query/embed-options
 * The embed page's option names, in a module with no dependencies so the browser widget
 * (`src/client/widget.ts`) and the server's schema share one list without bundling zod.
 */

/** Options that select events; a bad value of these is an error page, not a fallback. */
export const EMBED_SELECTION_OPTIONS = [
  'from',
  'to',
  'actor',
  'place',
  'kind',
  'tag',
  'status',
  'q',
  'sort',
  'limit',
] as const

/** Options that only change presentation; a bad value falls back to the default. */
export const EMBED_PRESENTATION_OPTIONS = ['theme', 'lang', 'focus', 'lanes'] as const

/** Every option the embed page takes, as `data-*` attributes or element attributes. */
export const EMBED_OPTIONS = [...EMBED_PRESENTATION_OPTIONS, ...EMBED_SELECTION_OPTIONS] as const
