/**
 * @module scripts/lib/chromium
 * How Dateline's tools start headless Chromium. The browser comes from npm: `@sparticuz/chromium`
 * ships it brotli-compressed inside the package, so a machine with only Node and npm runs the
 * browser tests. `CHROMIUM_PATH` points at a system browser instead (e.g. Debian's
 * `/usr/bin/chromium`). Either way background networking is off, which a machine without internet
 * would refuse connection by connection.
 */
import sparticuz from '@sparticuz/chromium'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'

/** A system browser to use instead of npm's, if set (empty counts as unset). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || undefined

/** No update checks, component downloads or first-run fetches: the test machine is offline. */
const OFFLINE_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

/** Debian's Chromium: sandbox off (CI runs as root), no GPU. */
const SYSTEM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', ...OFFLINE_ARGS]

/**
 * @sparticuz/chromium's flags minus three. `--disable-web-security` and
 * `--allow-running-insecure-content`: the tests check what a cross-origin host page can and cannot
 * do with the embed, which means nothing without the same-origin policy. `--single-process`: AWS
 * Lambda needs it, but here the whole browser dies as soon as a test closes its first context.
 */
const DROPPED = ['--disable-web-security', '--allow-running-insecure-content', '--single-process']
const NPM_ARGS = [...sparticuz.args.filter((a) => !DROPPED.includes(a)), ...OFFLINE_ARGS]

const require = createRequire(import.meta.url)
/** node_modules/@sparticuz/chromium, found from its entry point (its exports hide package.json). */
const PACKAGE_DIR = join(dirname(require.resolve('@sparticuz/chromium')), '..')
const VERSION: string = require(join(PACKAGE_DIR, 'package.json')).version
/** Beside the package, so `npm ci` (which wipes node_modules) also starts the browser afresh. */
const CACHE = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache')

/**
 * Inflates the npm browser once per version into node_modules/.cache and returns its path.
 *
 * Not `sparticuz.executablePath()` alone: it inflates into the shared `os.tmpdir()` and treats
 * any file already at `/tmp/chromium` as done. Parallel test files would then write one binary
 * together (and exec it while another still writes: ETXTBSY), an interrupted run would leave a
 * truncated browser for good, and another project's version would be used silently. So each
 * process inflates into its own staging directory (the library's only knob for where is
 * `TMPDIR`, read synchronously when called) and renames it into place: whoever renames first
 * wins, and a half-inflated browser is never at the final path.
 */
const inflate = async (): Promise<string> => {
  const target = join(CACHE, `sparticuz-chromium-${VERSION}`)
  const binary = join(target, 'chromium')
  if (existsSync(binary)) return binary
  await mkdir(CACHE, { recursive: true })
  const staging = await mkdtemp(join(CACHE, `sparticuz-chromium-${VERSION}.partial-`))
  const tmpdir = process.env.TMPDIR
  process.env.TMPDIR = staging
  let pending: Promise<string>
  try {
    pending = sparticuz.executablePath()
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = tmpdir
  }
  try {
    await pending
    await rename(staging, target)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    // Another process renamed its copy first: use that one.
    if (!existsSync(binary)) throw error
  }
  return binary
}

let npmBrowser: Promise<string> | undefined

/**
 * Launches headless Chromium with a fresh, temporary profile: `CHROMIUM_PATH` if set, otherwise
 * the browser from npm (inflated on first use, about a second).
 * @example const browser = await launchChromium()
 */
export const launchChromium = async (): Promise<Browser> =>
  CHROMIUM_PATH
    ? chromium.launch({ executablePath: CHROMIUM_PATH, args: SYSTEM_ARGS })
    : chromium.launch({
        executablePath: await (npmBrowser ??= inflate()),
        args: NPM_ARGS,
        headless: true,
      })
