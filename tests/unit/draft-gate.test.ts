/**
 * @module tests/unit/draft-gate.test
 * Drafts are never served or deployed. The validator accepts a draft only as a draft (apart from
 * the dataset, with what is left to review); `npm run validate` and the build (so `npm test`,
 * `npm run deploy` and `wrangler deploy`) refuse one, naming what is left; only `npm start`'s
 * local `wrangler dev` build includes it, under a "Draft" banner in the embed; promotion removes
 * the draft blocks and then every published rule applies. Works on a copy of data/ in a temp dir.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftFromArticle } from '../../scripts/lib/draft/from-article.ts'
import { loadDataDir } from '../../scripts/lib/data-files.ts'
import { previewTimeline } from '../../src/model/draft.ts'
import type { DraftTimeline } from '../../src/model/draft.ts'
import { createDataset } from '../../src/model/dataset.ts'
import { embedView } from '../../src/views/embed/model.ts'
import { EmbedPage } from '../../src/views/embed/embed-page.tsx'
import { EmbedQuery } from '../../src/embed/schema.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const ID = 'wang-yi-draft'
const ENV = {
  ...process.env,
  PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
  DATELINE_DRAFTS: '',
  WRANGLER_COMMAND: '',
}
const run = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync('node', args, { cwd: ROOT, env: { ...ENV, ...env }, encoding: 'utf8' })
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` }
}

let tmp: string
let data: string
let file: string
let draft: DraftTimeline
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dateline-draft-'))
  data = join(tmp, 'data')
  cpSync(join(ROOT, 'data'), data, { recursive: true })
  const read = (p: string) => JSON.parse(readFileSync(join(data, p), 'utf8'))
  draft = draftFromArticle({
    text: readFileSync(join(data, 'sources/cnn-2023-02-21-wang-yi-moscow.txt'), 'utf8'),
    input: 'data/sources/cnn-2023-02-21-wang-yi-moscow.txt',
    sourceText: 'sources/cnn-2023-02-21-wang-yi-moscow.txt',
    id: ID,
    published: '2023-02-21',
    actors: read('actors.json').actors,
    places: read('places.json').places,
  }).draft
  file = join(data, 'timelines', `${ID}.json`)
  writeFileSync(file, JSON.stringify(draft, null, 2))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('the validator accepts a draft only as a draft', () => {
  it('keeps it out of the dataset and lists what is left to review', async () => {
    const { dataset, issues, drafts } = await loadDataDir(data)
    expect(issues).toEqual([])
    expect(dataset!.timelines.map((t) => t.id)).toEqual(['wang-yi-moscow-2023'])
    expect(drafts.map((d) => d.timeline.id)).toEqual([ID])
    expect(drafts[0]!.review.join('\n')).toMatch(/still carry a "draft" block/)
    expect(drafts[0]!.review.join('\n')).toMatch(/without a summary/)
  })

  it('still applies the rules a draft can break: a quote that is not verbatim stops it', async () => {
    const broken = structuredClone(draft)
    broken.events[0]!.citations[0]!.quote = 'Words the article never printed, attributed anyway.'
    writeFileSync(file, JSON.stringify(broken))
    const { issues } = await loadDataDir(data)
    writeFileSync(file, JSON.stringify(draft, null, 2))
    expect(issues.map((i) => i.field)).toContain('citations.0.quote')
  })

  it('npm run validate refuses it, naming the file and what is left to review', () => {
    const { code, output } = run(['scripts/validate.ts', data])
    expect(code).toBe(1)
    expect(output).toContain(`timelines/${ID}.json`)
    expect(output).toMatch(/unreviewed draft/)
    expect(output).toMatch(/events without a summary in our own words/)
    expect(output).toMatch(/npm run draft -- --promote/)
  })
})

describe('the build includes a draft only for npm start (wrangler dev with DATELINE_DRAFTS=1)', () => {
  const build = (out: string, env: Record<string, string>) =>
    run(
      [
        'scripts/build-data.ts',
        '--data',
        data,
        '--out',
        join(tmp, out),
        '--assets',
        join(tmp, `${out}-assets`),
      ],
      env,
    )

  it('refuses it with no switch, as npm test, npm run deploy and wrangler deploy run it', () => {
    const { code, output } = build('plain.ts', {})
    expect(code).toBe(1)
    expect(output).toMatch(new RegExp(`build stopped: 1 unreviewed draft.*${ID}\\.json`, 's'))
    expect(existsSync(join(tmp, 'plain.ts'))).toBe(false)
  })

  it('refuses it under wrangler deploy even with DATELINE_DRAFTS=1 exported', () => {
    const { code } = build('deploy.ts', { DATELINE_DRAFTS: '1', WRANGLER_COMMAND: 'deploy' })
    expect(code).toBe(1)
    expect(existsSync(join(tmp, 'deploy.ts'))).toBe(false)
    expect(existsSync(join(tmp, 'deploy.ts-assets'))).toBe(false)
  })

  it('includes it, marked as a draft, in wrangler dev’s build with the switch', () => {
    const { code, output } = build('dev.ts', { DATELINE_DRAFTS: '1', WRANGLER_COMMAND: 'dev' })
    expect(code, output).toBe(0)
    expect(output).toMatch(/1 draft\(s\) included/)
    const module = readFileSync(join(tmp, 'dev.ts'), 'utf8')
    expect(module).toContain(`\\"drafts\\":[\\"${ID}\\"]`)
    const file = join(tmp, `dev.ts-assets/data/timelines/${ID}/${draft.language}.json`)
    expect(JSON.parse(readFileSync(file, 'utf8')).draft).toBe(true)
  })

  it('only npm start sets the switch; test and deploy build or validate first', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts
    expect(scripts.start).toMatch(/^DATELINE_DRAFTS=1 .*\bwrangler dev\b/)
    for (const [name, script] of Object.entries<string>(scripts)) {
      if (name !== 'start') expect(script, name).not.toContain('DATELINE_DRAFTS')
    }
    expect(scripts.test).toMatch(/^npm run build &&/)
    expect(scripts.deploy).toMatch(/^npm run validate &&/)
  })
})

describe('the local preview', () => {
  it('shows the draft in the embed under a "Draft" banner, with each event’s derivations', async () => {
    const { dataset } = await loadDataDir(join(ROOT, 'data'))
    const preview = previewTimeline(draft, '2026-12-01')
    const data = createDataset({
      version: 'test',
      ...dataset!,
      timelines: [...dataset!.timelines, preview],
      drafts: [ID],
    })
    const view = embedView(data.timelines.get(ID)!, EmbedQuery.parse({}), {
      origin: 'https://d.test',
    })
    expect(view.draft).toBe(true)
    const html = String(EmbedPage({ view }))
    // Plain booleans: a failing toContain would print the whole page.
    expect(html.includes('<p class="draft" role="note">Draft: not reviewed')).toBe(true)
    expect(html.includes('date: &quot;Tuesday&quot; in the past tense')).toBe(true)
    const published = embedView(data.timelines.get('wang-yi-moscow-2023')!, EmbedQuery.parse({}), {
      origin: 'https://d.test',
    })
    expect(String(EmbedPage({ view: published })).includes('class="draft"')).toBe(false)
  })
})

describe('npm run draft -- --promote', () => {
  it('refuses while published rules fail, leaving the draft as it was', () => {
    const { code, output } = run(['scripts/draft.ts', '--promote', file, '--data', data])
    expect(code).toBe(1)
    expect(output).toMatch(/not promoted/)
    expect(output).toMatch(/summary/)
    expect(JSON.parse(readFileSync(file, 'utf8')).draft.status).toBe('unreviewed')
  })

  it('removes every draft block once reviewed; then the timeline validates as published', () => {
    const reviewed = structuredClone(draft)
    reviewed.description = 'A test timeline drafted from the shipped article and reviewed.'
    reviewed.sources[0]!.url =
      'https://www.cnn.com/2023/02/21/china/china-wang-yi-russia-moscow-visit-intl-hnk/index.html'
    for (const event of reviewed.events) {
      event.summary = 'A summary an editor wrote in their own words.'
      event.tags = ['diplomacy'] // a tag with labels in every language (data/tags.json)
    }
    writeFileSync(file, JSON.stringify(reviewed, null, 2))
    const promoted = run(['scripts/draft.ts', '--promote', file, '--data', data])
    expect(promoted.code, promoted.output).toBe(0)
    const timeline = JSON.parse(readFileSync(file, 'utf8'))
    expect(timeline.draft).toBeUndefined()
    expect(timeline.events.some((e: object) => 'draft' in e)).toBe(false)
    expect(timeline.$schema).toBe('../schema/timeline.schema.json')
    expect(timeline.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const validate = run(['scripts/validate.ts', data])
    expect(validate.code, validate.output).toBe(0)
    expect(validate.output).toMatch(/2 timeline\(s\).*all rules pass/)
  })
})
