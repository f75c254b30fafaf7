/**
 * @module scripts/lib/draft/promote
 * Promotion: the deliberate act that turns a reviewed draft into a timeline. Every `draft` block
 * goes, the file names the published schema, `lastReviewed` becomes today if unset, and from then
 * on every published rule applies (the CLI validates before it writes anything).
 */

const ORDER = [
  '$schema',
  'id',
  'title',
  'description',
  'language',
  'lastReviewed',
  'attribution',
  'sources',
  'events',
]

/**
 * The promoted timeline and how many draft blocks were removed.
 * @example promoteDraft(JSON.parse(text), '2026-12-01') // { timeline: { $schema: '../schema/timeline.schema.json', … }, removed: 29 }
 */
export const promoteDraft = (
  content: Record<string, unknown>,
  today: string,
): { timeline: Record<string, unknown>; removed: number } => {
  let removed = 0
  const { draft, ...rest } = content
  if (draft !== undefined) removed++
  const events = Array.isArray(rest.events)
    ? rest.events.map((event: Record<string, unknown>) => {
        const { draft: block, ...kept } = event
        if (block !== undefined) removed++
        return kept
      })
    : rest.events
  const promoted: Record<string, unknown> = {
    ...rest,
    $schema: '../schema/timeline.schema.json',
    lastReviewed: rest.lastReviewed ?? today,
    events,
  }
  const timeline = Object.fromEntries(
    Object.entries(promoted).sort(
      ([a], [b]) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99),
    ),
  )
  return { timeline, removed }
}
