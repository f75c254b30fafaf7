/**
 * @module scripts/validate
 * `npm run validate [dataDir]`: checks every timeline and prints human-readable errors.
 * Exits 1 when any rule is broken, or when an unreviewed draft is in data/ (naming what is left to
 * review), so deploys and CI stop on bad or unreviewed data.
 */
import { loadDataDir, DEFAULT_DATA_DIR } from './lib/data-files.ts'
import { formatDrafts, formatIssues } from '../src/model/validate.ts'

const dataDir = process.argv[2] ?? DEFAULT_DATA_DIR
const { dataset, issues, drafts } = await loadDataDir(dataDir)
if (!dataset) {
  console.error(`✗ ${issues.length} problem(s) in ${dataDir}:\n${formatIssues(issues)}`)
  process.exit(1)
}
if (drafts.length) {
  console.error(`✗ ${formatDrafts(drafts)}`)
  process.exit(1)
}
const valid = dataset as NonNullable<typeof dataset> // process.exit above does not narrow
const events = valid.timelines.reduce((n, t) => n + t.events.length, 0)
console.log(
  `✓ ${valid.timelines.length} timeline(s), ${events} events, ${valid.actors.length} actors, ` +
    `${valid.places.length} places: all rules pass`,
)
