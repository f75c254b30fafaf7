/**
 * @module tests/unit/bench-phone-pages
 * The slow-phone bench's "first screen alone" page (scripts/bench/phone-pages.ts) is the embed
 * page as rendered, cut to what its first screen must show: the head, header, axis and first two
 * cards with their summaries, no script, no sources. Rendered here from the shipped data, in the
 * original and in a translation, so a change of the page's markup cannot silently make the cut
 * keep everything (or nothing).
 */
import { describe, expect, it } from 'vitest'
import { firstScreenOnly } from '../../scripts/bench/phone-pages.ts'
import { SHIPPED_EVENTS } from '../fixtures/dataset.ts'
import { renderEmbed } from '../fixtures/render-embed.ts'

const embedPage = (lang: string) => renderEmbed({ lang })

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length

describe('firstScreenOnly', () => {
  for (const lang of ['en', 'de']) {
    it(`keeps the head, header, axis and two cards of the ${lang} embed, and no script`, () => {
      const page = embedPage(lang)
      const cut = firstScreenOnly(page)
      expect(count(page, /<article /g)).toBe(SHIPPED_EVENTS)
      expect(count(cut, /<article /g)).toBe(2)
      expect(count(cut, /<script/g)).toBe(0)
      expect(count(cut, /<blockquote/g)).toBe(0)
      expect(count(cut, /<details/g)).toBe(3) // the two cards' and the (hidden) toolbar's
      for (const kept of ['<style>', '<h1 id="dl-title">', '<svg', '<footer class="ft">'])
        expect(cut).toContain(kept)
      expect(cut.endsWith('</html>')).toBe(true)
      expect(cut.length).toBeLessThan(page.length / 2)
    })
  }
})
