/**
 * @module scripts/purge
 * `npm run purge -- <timeline>`: asks the deployed Worker to drop one timeline's responses from
 * its edge cache (src/routes/purge.ts); only the Worker can purge its own Workers Cache. Reads the
 * Worker's URL from `DATELINE_URL` and the secret from `PURGE_TOKEN` (the value given to
 * `wrangler secret put PURGE_TOKEN`), prints the cache's answer, exits 1 unless it succeeded.
 *
 * @example DATELINE_URL=https://dateline.example PURGE_TOKEN=… npm run purge -- wang-yi-moscow-2023
 */
import process from 'node:process'

const [timeline] = process.argv.slice(2)
const base = process.env.DATELINE_URL
const token = process.env.PURGE_TOKEN
if (!timeline || !base || !token) {
  console.error('usage: DATELINE_URL=https://… PURGE_TOKEN=… npm run purge -- <timeline-id>')
  process.exit(2)
}
const url = new URL('/admin/purge', base)
url.searchParams.set('timeline', timeline)
const res = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
console.log(`${res.status} ${await res.text()}`)
// A 404 is also what a wrong token gets: the route does not show itself to strangers.
if (res.status === 404) console.error('404: unknown timeline, or the token does not match')
process.exit(res.ok ? 0 : 1)
