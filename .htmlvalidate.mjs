/**
 * html-validate's configuration for tests/browser/html-validity.test.ts (and `npx html-validate`).
 * A module rather than `.htmlvalidate.json` because JSON cannot hold the comments below, which say
 * why each rule is set as it is.
 *
 * `recommended` checks conformance (content models, nesting, ids, attributes, ARIA) plus best
 * practice; `document` adds the checks that need a whole document (doctype, heading levels,
 * labelled inputs, references that resolve).
 */
import { defineConfig } from 'html-validate'

export default defineConfig({
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Off: how a valid construct is spelled (`<!doctype html>`, `<meta/>`, `selected=""`) is
    // left to hono/jsx's serializer; the hand-written snippets (oEmbed) spell some otherwise.
    'doctype-style': 'off',
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    // Off: a search-engine heuristic about the landing page's wording (72 characters), not markup.
    'long-title': 'off',
    // Off: an <input> without `type` is a text field by the standard, which is what the landing
    // page's generator means by it.
    'no-implicit-input-type': 'off',
  },
})
