/**
 * @module tests/unit/regex-safety.test
 * No regular expression in the Worker can backtrack catastrophically. Every regex literal and
 * `new RegExp` source in src/ is found with the TypeScript parser and checked by recheck, a ReDoS
 * checker that decides safety from the regex itself (no timing, so the verdict cannot flake).
 */
import { describe, expect, it } from 'vitest'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import ts from 'typescript'
import { checkSync } from 'recheck'

const SRC = new URL('../../src/', import.meta.url).pathname

/** Every regex literal in a source file, as [source, flags, line]. */
const regexLiterals = (file: string, text: string) => {
  const found: { source: string; flags: string; where: string }[] = []
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text
      const end = literal.lastIndexOf('/')
      const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1
      found.push({
        source: literal.slice(1, end),
        flags: literal.slice(end + 1),
        where: `${file}:${line}`,
      })
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

const sourceFiles = async () =>
  (await readdir(SRC, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes('generated'))
    .map((e) => join(e.parentPath, e.name))

describe('regular expressions in src/', async () => {
  const all = (
    await Promise.all(
      (await sourceFiles()).map(async (path) =>
        regexLiterals(path.slice(SRC.length), await readFile(path, 'utf8')),
      ),
    )
  ).flat()

  it('are found (the scan itself works)', () => {
    expect(all.length).toBeGreaterThan(10)
    expect(all.some((r) => r.source === '^[a-z0-9]+(?:-[a-z0-9]+)*$')).toBe(true)
  })

  it('the checker flags a known-vulnerable pattern', () => {
    expect(checkSync('^(a+)+$', '').status).toBe('vulnerable')
  })

  it.each(all.map((r) => [r.where, r] as const))(
    '%s is safe from catastrophic backtracking',
    (_, r) => {
      const result = checkSync(r.source, r.flags.replace(/[gy]/g, ''))
      expect(result.status, `/${r.source}/${r.flags}`).toBe('safe')
    },
  )
})
