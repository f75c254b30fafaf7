/**
 * @module tests/worker/docs
 * The HTML pages, `/docs` and `/` for browsers: self-contained (nothing loaded from another
 * origin), strict hashed CSP, unframable, anchors for every problem type; and `/` still JSON for
 * API clients, with `Vary: Accept`.
 */
import { describe, expect, it } from 'vitest'
import { PROBLEM_TITLES } from '../../src/http/problem.ts'
import { FORMAT_SPECS } from '../../src/formats/registry.ts'
import { call, ORIGIN, sha256, TIMELINE } from './helpers.ts'

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

/** URLs an HTML page would *load* (not links a reader may follow). */
const loadedUrls = (page: string): string[] => {
  // Markup quoted inside inline scripts (the snippet builder's strings) is not loaded.
  const html = withoutInlineScripts(page)
  const urls: string[] = []
  const patterns = [
    /<script\b[^>]*\bsrc="([^"]*)"/gi,
    /<link\b[^>]*\bhref="([^"]*)"/gi,
    /<img\b[^>]*\bsrc="([^"]*)"/gi,
    /<iframe\b[^>]*\bsrc="([^"]*)"/gi,
    /url\(\s*['"]?([^'")]+)/gi,
    /@import\s+['"]([^'"]+)/gi,
  ]
  for (const re of patterns) for (const m of html.matchAll(re)) urls.push(m[1]!)
  return urls
}

const withoutInlineScripts = (html: string) =>
  html.replace(/(<script(?![^>]*\bsrc=)[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')

/** Every inline `<style>`/`<script>` body, exactly as sent. */
const inline = (html: string, tag: 'style' | 'script') =>
  [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))].map(
    (m) => m[1]!,
  )

const expectStrictPage = async (res: Response, frameSrc: string | undefined) => {
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
  const html = await res.text()
  expect(html.startsWith('<!doctype html>')).toBe(true)
  const csp = res.headers.get('Content-Security-Policy')!
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name!, values.join(' ')]
    }),
  )
  expect(directives.get('default-src')).toBe("'none'")
  expect(directives.get('frame-ancestors')).toBe("'none'")
  expect(directives.get('base-uri')).toBe("'none'")
  expect(directives.get('form-action')).toBe("'self'")
  expect(directives.get('img-src')).toBe("'self' data:")
  expect(directives.get('frame-src')).toBe(frameSrc)
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  expect(res.headers.get('X-Frame-Options')).toBe('DENY')
  // Each inline style and script is allowed by its own hash, and by nothing broader.
  for (const style of inline(html, 'style')) {
    expect(directives.get('style-src')).toContain(await sha256(style))
  }
  const scripts = inline(html, 'script')
  for (const script of scripts) expect(directives.get('script-src')).toContain(await sha256(script))
  if (scripts.length === 0) expect(directives.get('script-src')).toBe("'none'")
  // Nothing is loaded from another origin: offline-capable, no third-party script or font.
  for (const url of loadedUrls(html)) {
    const resolved = new URL(url.replaceAll('&amp;', '&'), ORIGIN)
    expect(resolved.origin, url).toBe(ORIGIN)
  }
  expect(withoutInlineScripts(html)).not.toMatch(/<script[^>]+src=/i)
  expect(html).not.toMatch(/@font-face/i)
  return html
}

describe('GET /docs', () => {
  // The first request of the file pays for a cold isolate (and a busy CI machine): more time.
  it('is a self-contained page with a strict CSP and no script', { timeout: 20_000 }, async () => {
    const html = await expectStrictPage(await call('/docs'), undefined)
    expect(inline(html, 'script')).toEqual([])
  })

  it('has an anchor for every problem type (where problem `type` URIs point)', async () => {
    const html = await (await call('/docs')).text()
    for (const type of Object.keys(PROBLEM_TITLES)) {
      expect(html).toContain(`id="problem-${type}"`)
    }
    const { type } = (await (await call('/v1/timelines/nope')).json()) as { type: string }
    const anchor = new URL(type).hash.slice(1)
    expect(html).toContain(`id="${anchor}"`)
  })

  it('shows every operation of /openapi.json with a curl command and an example link', async () => {
    const html = await (await call('/docs')).text()
    const doc = (await (await call('/openapi.json')).json()) as { paths: Record<string, any> }
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(html).toContain(`<code>${path}</code>`)
      expect(html).toContain(`id="op-${item.get.operationId}"`)
    }
    expect(html).toContain(
      `curl -si &#39;${ORIGIN}/v1/timelines/${TIMELINE}/events?kind=visit,meeting&#39;`,
    )
    expect(html).toContain(`href="/v1/timelines/${TIMELINE}/events?kind=visit,meeting"`)
  })

  it('answers If-None-Match with 304 and refuses unknown parameters', async () => {
    const first = await call('/docs')
    const again = await call('/docs', { headers: { 'If-None-Match': first.headers.get('ETag')! } })
    expect(again.status).toBe(304)
    expect((await call('/docs?x=1')).status).toBe(400)
  })
})

describe('GET / (content negotiation)', () => {
  it.each([
    ['no Accept', undefined],
    ['application/json', 'application/json'],
    ['*/*', '*/*'],
    ['JSON preferred', 'application/json, text/html;q=0.5'],
  ])('API clients (%s) get the JSON index, with Vary: Accept', async (_name, accept) => {
    const res = await call('/', accept ? { headers: { Accept: accept } } : undefined)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/)
    const body = (await res.json()) as { links: Record<string, string> }
    expect(body.links.docs).toBe('/docs')
  })

  it('JSON clients still get 400 for unknown parameters', async () => {
    const res = await call('/?theme=dark')
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  })

  it('browsers get the landing page: strict CSP, framing forbidden, frames only itself', async () => {
    const res = await call('/', { headers: { Accept: BROWSER_ACCEPT } })
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/)
    const html = await expectStrictPage(res, "'self'")
    expect(inline(html, 'script')).toHaveLength(1)
    // One live timeline, before the generator's controls, its title not repeated around it.
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/g, '')
    expect(markup.match(/<iframe\b/g)).toHaveLength(1)
    expect(html).toContain(`<iframe id="preview" class="preview" src="/embed/${TIMELINE}"`)
    expect(html.indexOf('<iframe')).toBeLessThan(html.indexOf('<form'))
    const title = (await (await call(`/v1/timelines/${TIMELINE}`)).json()) as { title: string }
    const headings = [...html.matchAll(/<h[1-6][^>]*>(.*?)<\/h[1-6]>/g)].map((m) => m[1])
    expect(title.title).toBeTruthy()
    expect(headings.filter((h) => h!.includes(title.title))).toEqual([])
    // oEmbed discovery for the featured timeline.
    const oembed = encodeURIComponent(`${ORIGIN}/embed/${TIMELINE}`)
    expect(html).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/oembed?url=${oembed}"`,
    )
    // Links to the docs and to every format's extension URL.
    expect(html).toContain('href="/docs"')
    for (const spec of FORMAT_SPECS) {
      expect(html).toContain(`href="/v1/timelines/${TIMELINE}/events.${spec.extensions[0]}"`)
    }
  })

  it('renders the default embed codes server-side (works with JS off)', async () => {
    const html = await (await call('/', { headers: { Accept: BROWSER_ACCEPT } })).text()
    const textarea = (id: string) =>
      new RegExp(`<textarea id="snippet-${id}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1]
    expect(textarea('iframe')).toContain(`src=&quot;${ORIGIN}/embed/${TIMELINE}&quot;`)
    expect(textarea('script')).toContain(
      `&lt;script src=&quot;${ORIGIN}/embed.js&quot; async&gt;&lt;/script&gt;&lt;div data-dateline=&quot;${TIMELINE}&quot;&gt;&lt;/div&gt;`,
    )
    expect(textarea('oembed')).toBe(
      `${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/${TIMELINE}`)}`,
    )
  })

  it('renders the submitted generator options (the no-JS form round trip)', async () => {
    const res = await call('/?theme=dark&kind=visit&from=2023-02-18&utm_source=x', {
      headers: { Accept: BROWSER_ACCEPT },
    })
    const html = await res.text()
    expect(html).toContain(
      `id="preview" class="preview" src="/embed/${TIMELINE}?from=2023-02-18&amp;kind=visit&amp;theme=dark"`,
    )
    expect(html).toContain('data-theme=&quot;dark&quot;')
    const bad = await (await call('/?kind=party', { headers: { Accept: BROWSER_ACCEPT } })).text()
    expect(bad).toContain('role="alert"')
    expect(bad).not.toContain('kind=party')
  })
})
