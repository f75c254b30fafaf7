/**
 * @module tests/unit/validation-gate
 * A timeline that fails validation can never be served or deployed: the data build stops with the
 * validator's message (file, event, field), and every way to run or ship the Worker (`npm start`,
 * `npm test`, `npm run deploy`, wrangler's own [build] hook) runs that build first.
 * Works on a copy of data/ in a temp dir; never deploys anything.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const TIMELINE_FILE = 'wang-yi-moscow-2023.json'
/** node_modules/.bin first, so `node` is the project's Node 22, as under `npm run`. */
const ENV = {
  ...process.env,
  PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: ENV,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` }
}

let tmp: string
let brokenEvent: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dateline-gate-'))
  cpSync(join(ROOT, 'data'), join(tmp, 'data'), { recursive: true })
  // Break one quote: it no longer appears verbatim in its source.
  const path = join(tmp, 'data/timelines', TIMELINE_FILE)
  const timeline = JSON.parse(readFileSync(path, 'utf8'))
  const event = timeline.events[0]
  brokenEvent = event.id
  event.citations[0].quote = 'Words the source never printed, attributed to it anyway.'
  writeFileSync(path, JSON.stringify(timeline, null, 2))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('scripts/build-data.ts', () => {
  it('builds the real data (control: the gate is not simply always shut)', () => {
    const { code, output } = run('npx', [
      'node',
      'scripts/build-data.ts',
      '--data',
      join(ROOT, 'data'),
      '--out',
      join(tmp, 'good.ts'),
      '--assets',
      join(tmp, 'good/assets'),
    ])
    expect(code, output).toBe(0)
    expect(existsSync(join(tmp, 'good.ts'))).toBe(true)
    expect(existsSync(join(tmp, 'good/assets/data/landing.json'))).toBe(true)
  })

  it('stops with exit code 1 and names the file, event and field of a broken quote', () => {
    const out = join(tmp, 'out.ts')
    const { code, output } = run('npx', [
      'node',
      'scripts/build-data.ts',
      '--data',
      join(tmp, 'data'),
      '--out',
      out,
      '--assets',
      join(tmp, 'broken/assets'),
    ])
    expect(code).toBe(1)
    expect(output).toContain(TIMELINE_FILE)
    expect(output).toContain(`"${brokenEvent}"`)
    expect(output).toMatch(/citations\.0\.quote/)
    expect(existsSync(out)).toBe(false) // nothing half-built is left to bundle
    expect(existsSync(join(tmp, 'broken'))).toBe(false) // nor to upload
  })
})

describe('every way to run or ship the Worker builds (validates) first', () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >
  const wranglerToml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')
  const buildCommand = /\[build\][^[]*?\bcommand\s*=\s*"([^"]+)"/.exec(wranglerToml)?.[1]
  /** The data build: the first step of the [build] chain (later steps only run if it passed). */
  const dataBuild = buildCommand?.trim()

  it('wrangler.toml [build] runs the data build (so `wrangler dev` and `wrangler deploy` do)', () => {
    expect(dataBuild).toBe('node scripts/build.ts')
  })

  it('npm start runs wrangler dev, whose [build] validates', () => {
    expect(scripts.start).toMatch(/\bwrangler dev\b/)
    expect(scripts.start).not.toMatch(/--no-bundle|--custom-build/)
  })

  it('npm test and npm run deploy run the build before anything else', () => {
    expect(scripts.test).toMatch(/^npm run build &&/)
    expect(scripts.deploy).toMatch(/^npm run (validate|build) &&.*\bwrangler deploy\b/)
    expect(scripts.build).toBe('node scripts/build.ts')
  })

  it('wrangler itself stops a (dry-run) deploy when the [build] command fails on bad data', () => {
    // The real [build] command, pointed at the broken copy; a dry run writes to tmp, uploads nothing.
    const config = join(tmp, 'wrangler.toml')
    writeFileSync(
      config,
      [
        'name = "dateline-gate-test"',
        `main = "${join(ROOT, 'src/index.ts')}"`,
        'compatibility_date = "2026-11-01"',
        '[build]',
        `command = "${dataBuild} --data ${join(tmp, 'data')} --out ${join(tmp, 'gate.ts')}"`,
        `cwd = "${ROOT}"`,
      ].join('\n'),
    )
    const { code, output } = run('npx', [
      'wrangler',
      'deploy',
      '--dry-run',
      '--config',
      config,
      '--outdir',
      join(tmp, 'dist'),
    ])
    expect(code).not.toBe(0)
    expect(output).toContain(`"${brokenEvent}"`)
    expect(existsSync(join(tmp, 'dist'))).toBe(false)
  })
})
