/**
 * @module scripts/bench/phone-pages
 * The pages the slow-phone comparison loads beside Dateline's embed, served from another origin
 * (a tiny static server on 127.0.0.1), as a newsroom's site would serve them:
 * - `/trivial.html`: a heading and a paragraph, the floor any page costs;
 * - `/timelinejs.html` and TimelineJS3's own build under `/timelinejs/`, reading Dateline's
 *   `.timelinejs.json`;
 * - `/first-screen.html`: the embed's own response cut to what its first screen must show (its
 *   header, the time axis, the first two cards without their sources; no script): the floor of
 *   the design, which tells what any optimisation of the rest could still win;
 * - `/embed-without-coop.html`: the embed's captured response, byte for byte with its headers,
 *   but for `Cross-Origin-Opener-Policy`. That header makes a top-level load start a new renderer
 *   process (a new browsing context group) before the page can commit; in an iframe, where the
 *   embed lives, it does nothing. The pair tells the process swap from the page's own cost. The
 *   embed no longer sends COOP (src/http/security.ts), so the bench loads this page only if it
 *   does again.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, extname, join, sep } from 'node:path'
import type { CapturedResponse } from './baseline.ts'

const require = createRequire(import.meta.url)
const TIMELINEJS_DIST = join(
  dirname(require.resolve('@knight-lab/timelinejs/package.json')),
  'dist',
)
export const TIMELINEJS_VERSION: string = require('@knight-lab/timelinejs/package.json').version

const HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">'

/** The floor: what any page costs this browser on this phone. */
const TRIVIAL_PAGE =
  `${HEAD}<title>A trivial page</title></head><body><h1>A heading</h1>` +
  '<p>And a paragraph of text, the least a page can show.</p></body></html>'

/**
 * TimelineJS3 as its documentation embeds it (style and script in the head, a container, one
 * constructor call), filling the phone's screen. `font: null` leaves out the Google web fonts of
 * its default theme: this machine is offline, and it only makes TimelineJS3 lighter. Its `ready`
 * event (slides built) is marked for the bench to wait on.
 */
const timelinejsPage = (dataUrl: string) =>
  `${HEAD}<title>TimelineJS3</title>` +
  '<link rel="stylesheet" href="/timelinejs/css/timeline.css">' +
  '<script src="/timelinejs/js/timeline.js"></script>' +
  '<style>html,body{height:100%;margin:0}#tl{width:100%;height:100%}</style></head>' +
  '<body><div id="tl"></div><script>' +
  `window.tl = new TL.Timeline('tl', ${JSON.stringify(dataUrl)}, { font: null });` +
  "window.tlReady = new Promise((done) => tl.on('ready', () => {" +
  "performance.mark('timeline-ready'); done() }))" +
  '</script></body></html>'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

/**
 * The embed page cut to its first screen: no script, the first two events (their sources and
 * notes left out), everything else (head, header, axis, styles, attribution) as sent. Regular
 * expressions suffice: the input is Dateline's own serializer output, whose shapes the embed tests
 * pin (one `<li><article …>…</article></li>` per event, `<details…><summary>…</summary>…`).
 * @example firstScreenOnly(embed.body).length < embed.body.length
 */
export const firstScreenOnly = (page: string): string => {
  const events = [...page.matchAll(/<li><article[\s\S]*?<\/article><\/li>/g)]
  if (events.length < 3) throw new Error('the embed page has fewer than three events')
  const first = events[0]!.index
  const last = events.at(-1)!
  const cards = events
    .slice(0, 2)
    .map(([card]) =>
      card.replace(
        /(<details[^>]*><summary[^>]*>[\s\S]*?<\/summary>)[\s\S]*?(<\/details>)/,
        '$1$2',
      ),
    )
    .join('')
  return (page.slice(0, first) + cards + page.slice(last.index + last[0].length)).replace(
    /<script[^>]*>[\s\S]*?<\/script>/g,
    '',
  )
}

export interface PhoneHost {
  /** e.g. `http://127.0.0.1:39021` (no trailing slash). */
  origin: string
  close(): Promise<void>
}

/**
 * Starts the host of the other pages. `dataUrl` is Dateline's `.timelinejs.json` for TimelineJS3,
 * `embed` the embed's response as Dateline sent it.
 * @example const host = await startPhoneHost(dataUrl, await capture(appUrl, `/embed/${id}`))
 */
export const startPhoneHost = async (
  dataUrl: string,
  embed: CapturedResponse,
): Promise<PhoneHost> => {
  const html = { 'Content-Type': 'text/html; charset=utf-8' }
  const embedHeaders = Object.fromEntries(
    embed.headers.filter(([name]) => name.toLowerCase() !== 'cross-origin-opener-policy'),
  )
  const pages = new Map<string, { headers: Record<string, string>; body: string }>([
    ['/trivial.html', { headers: html, body: TRIVIAL_PAGE }],
    ['/first-screen.html', { headers: embedHeaders, body: firstScreenOnly(embed.body) }],
    ['/timelinejs.html', { headers: html, body: timelinejsPage(dataUrl) }],
    ['/embed-without-coop.html', { headers: embedHeaders, body: embed.body }],
  ])
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    const page = pages.get(path)
    if (page) {
      res.writeHead(200, page.headers).end(page.body)
      return
    }
    const file = join(TIMELINEJS_DIST, path.replace(/^\/timelinejs\//, ''))
    if (!path.startsWith('/timelinejs/') || !file.startsWith(TIMELINEJS_DIST + sep)) {
      res.writeHead(404).end()
      return
    }
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
