/**
 * @module tests/browser/harness
 * The shared browser-test harness: the real Worker (wrangler's `unstable_startWorker`, workerd on a
 * random port of `localhost`), a host page server on another origin (`127.0.0.1`, random port) and
 * headless Chromium through playwright-core. Two hostnames make the host page and the embed
 * cross-origin, as on a newsroom's site.
 *
 * @example
 * const h = await startHarness()
 * h.host.page('/index.html', `<iframe src="${h.workerOrigin}/embed/${TIMELINE}"></iframe>`)
 * const page = await h.browser.newPage()
 * await page.goto(`${h.hostOrigin}/index.html`)
 * await h.close()
 */
import { launchChromium } from '../../scripts/lib/chromium.ts'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Frame, Page } from 'playwright-core'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const TIMELINE = 'wang-yi-moscow-2023'
/** Where screenshots and other artifacts go (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-results')

export interface WorkerHandle {
  /** e.g. `http://localhost:41853` (no trailing slash). */
  origin: string
  dispose(): Promise<void>
}

/**
 * Starts the Worker from wrangler.toml on a random port of `localhost`. The data and client
 * assets must already be built (`npm run build`); the custom build is skipped so parallel
 * test files never rewrite src/generated under each other.
 */
export const startWorker = async (): Promise<WorkerHandle> => {
  process.env.WRANGLER_SEND_METRICS = 'false'
  // No network in CI: skip fetching the `Request.cf` placeholder from workers.cloudflare.com.
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
  const { unstable_startWorker } = await import('wrangler')
  const worker = await unstable_startWorker({
    config: join(ROOT, 'wrangler.toml'),
    build: { custom: { command: '' } },
    dev: {
      server: { hostname: 'localhost', port: 0 },
      inspector: false,
      watch: false,
      logLevel: 'warn',
    },
  } as Parameters<typeof unstable_startWorker>[0])
  await worker.ready
  const url = await worker.url
  return { origin: url.origin, dispose: () => worker.dispose() }
}

export interface HostServer {
  /** e.g. `http://127.0.0.1:39021`. */
  origin: string
  /** Serves `html` at `path` (text/html) from now on. */
  page(path: string, html: string): string
  close(): Promise<void>
}

/** A tiny static server on 127.0.0.1, playing the newsroom's site that embeds the timeline. */
export const startHost = async (): Promise<HostServer> => {
  const pages = new Map<string, string>()
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    const html = pages.get(path)
    if (html === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(html)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    page(path, html) {
      pages.set(path, html)
      return `${origin}${path}`
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** Headless Chromium with the flags CI needs. */
export const launchBrowser = (): Promise<Browser> => launchChromium()

export interface Harness {
  workerOrigin: string
  hostOrigin: string
  host: HostServer
  browser: Browser
  close(): Promise<void>
}

/** Worker, host server and browser together; `close()` stops all three. */
export const startHarness = async (): Promise<Harness> => {
  const [worker, host, browser] = await Promise.all([startWorker(), startHost(), launchBrowser()])
  return {
    workerOrigin: worker.origin,
    hostOrigin: host.origin,
    host,
    browser,
    async close() {
      await Promise.allSettled([browser.close(), host.close(), worker.dispose()])
    },
  }
}

/** A minimal, valid host page around some embed markup. */
export const hostPage = (body: string, title = 'Host page'): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`

let axeSource: string | undefined
/** axe-core's browser build, read once. */
export const axeScript = (): string =>
  (axeSource ??= readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  ))

export interface AxeViolation {
  id: string
  impact?: string
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

type AxeFrame = Pick<Frame, 'evaluate' | 'evaluateHandle'>

/**
 * axe's partial results for one frame and, depth first, for every frame inside it, as
 * `axe.finishRun` expects them: the order axe-core's own frame contexts give, with `null` for a
 * frame that could not be tested. This is what `@axe-core/playwright` does (its `AxeBuilder`);
 * written out here because that package would pull in a second copy of axe-core and expects a
 * playwright it does not get from us.
 */
const partialResults = async (frame: AxeFrame, context: unknown): Promise<unknown[]> => {
  await frame.evaluate(axeScript())
  const children = await frame.evaluate(
    (ctx) => (globalThis as any).axe.utils.getFrameContexts(ctx),
    context,
  )
  const own = await frame.evaluate(
    (ctx) => (globalThis as any).axe.runPartial(ctx, { resultTypes: ['violations'] }),
    context,
  )
  const results: unknown[] = [own]
  for (const { frameSelector, frameContext } of children as {
    frameSelector: unknown
    frameContext: unknown
  }[]) {
    const handle = await frame.evaluateHandle(
      (selector) => (globalThis as any).axe.utils.shadowSelect(selector) as Element | null,
      frameSelector,
    )
    const child = await handle.asElement()?.contentFrame()
    results.push(...(child ? await partialResults(child, frameContext) : [null]))
  }
  return results
}

/**
 * Runs axe-core on a page and every frame in it (also cross-origin ones), and returns its
 * violations. Rules that compare frames (`landmark-unique`, `page-has-heading-one`, …) see them
 * all, as `@axe-core/playwright` does: each frame is tested with `axe.runPartial` and the results
 * are joined with `axe.finishRun` in a blank page of the same context, out of the page's reach.
 * axe is evaluated in the frames, not added as an inline script, so strict CSPs need no bypass.
 */
export const runAxe = async (page: Page): Promise<AxeViolation[]> => {
  const partials = await partialResults(page.mainFrame(), { exclude: [] })
  const blank = await page.context().newPage()
  try {
    await blank.evaluate(axeScript())
    return await blank.evaluate(async (partials) => {
      const axe = (globalThis as any).axe
      const result = await axe.finishRun(partials, { resultTypes: ['violations'] })
      return result.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
      }))
    }, partials)
  } finally {
    await blank.close()
  }
}

/** Path of an artifact in test-results/, creating the directory. */
export const artifactPath = (name: string): string => {
  mkdirSync(ARTIFACTS, { recursive: true })
  return join(ARTIFACTS, name)
}

/** Resolves when `check` returns true, polling; rejects with `message` after `timeout` ms. */
export const waitUntil = async (
  check: () => Promise<boolean> | boolean,
  message: string,
  timeout = 10_000,
): Promise<void> => {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`Timed out: ${message}`)
}
