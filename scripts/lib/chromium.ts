/**
 * @module scripts/lib/chromium
 * How Dateline's tools start Debian's Chromium: headless, sandbox off (CI runs as root), and no
 * background networking, which a machine without internet would refuse connection by connection.
 */
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

/**
 * Launches headless Chromium with a fresh, temporary profile.
 * @example const browser = await launchChromium()
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
