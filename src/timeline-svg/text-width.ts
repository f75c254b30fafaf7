/**
 * @module timeline-svg/text-width
 * An estimate of how wide a line of text is drawn in the system font stack, so the layout can keep
 * labels apart without a browser. Hand-written because the Worker has no font metrics (and a
 * metrics library plus a bundled font would cost more than the whole embed page). The estimate
 * errs wide: a label given too much room costs a little space, one given too little overlaps.
 */

/** Narrow Latin glyphs (about a third of an em in system-ui, DejaVu Sans, Roboto, Segoe UI). */
const NARROW = new Set([..." .,:;!|'’‘()[]ijlIft1r-"])
/** Wide Latin glyphs. */
const WIDE = new Set([...'mwMW@%—'])

/** East Asian wide and fullwidth characters (CJK, kana, hangul, fullwidth forms): one em each. */
const isFullWidth = (code: number): boolean =>
  (code >= 0x1100 && code <= 0x115f) ||
  (code >= 0x2e80 && code <= 0xa4cf) ||
  (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffe6) ||
  code >= 0x1f300

/** Width of one character, in em. */
const charEm = (ch: string): number => {
  const code = ch.codePointAt(0)!
  if (isFullWidth(code)) return 1
  if (NARROW.has(ch)) return 0.36
  if (WIDE.has(ch)) return 0.92
  if (ch >= 'A' && ch <= 'Z') return 0.72
  // Digits are tabular in most system fonts; Cyrillic and Greek are a little wider than Latin.
  return code >= 0x370 ? 0.66 : 0.6
}

/**
 * Width of `text` at `size` px, in px, rounded up.
 * @example textWidth('Feb 2023', 11) // ≈ 52
 */
export const textWidth = (text: string, size: number): number => {
  let em = 0
  for (const ch of text) em += charEm(ch)
  return Math.ceil(em * size)
}

const ELLIPSIS_EM = 1

/**
 * The longest prefix of `text` (plus an ellipsis when cut) that fits `width`, or `undefined`
 * when not even `minChars` characters would. Linear in the length of the text.
 * @example fitText('Munich Security Conference', 60, 11) // 'Munich S…'
 */
export const fitText = (
  text: string,
  width: number,
  size: number,
  minChars = 4,
): string | undefined => {
  if (textWidth(text, size) <= width) return text
  const room = width / size - ELLIPSIS_EM
  let em = 0
  let cut = 0
  const chars = [...text]
  while (cut < chars.length && em + charEm(chars[cut]!) <= room) em += charEm(chars[cut++]!)
  return cut < minChars ? undefined : `${chars.slice(0, cut).join('').trimEnd()}…`
}

/** Punctuation that closes what precedes it. */
const CLOSING = /^[,.:;!?)\]}、。，．：；！？）」』》〉】]+/

/**
 * `text` broken into at most `maxLines` lines of at most `width` px: at spaces, or anywhere in a
 * word too long for a line (CJK titles have no spaces); the last line is cut with an ellipsis when
 * the text does not fit. Greedy, which is what a title on a picture needs.
 * @example wrapText('Wang Yi’s February 2023 tour, ending in Moscow', 500, 40, 2)
 * // ['Wang Yi’s February', '2023 tour, ending in…']
 */
export const wrapText = (text: string, width: number, size: number, maxLines: number): string[] => {
  const lines: string[] = []
  let rest = text.trim().replace(/\s+/g, ' ')
  while (rest && lines.length < maxLines) {
    if (textWidth(rest, size) <= width) {
      lines.push(rest)
      return lines
    }
    if (lines.length === maxLines - 1) {
      // The last line is cut with an ellipsis, after the last whole word when there is one.
      const cut = fitText(rest, width, size, 1) ?? '…'
      const space = cut.lastIndexOf(' ')
      let head = space > cut.length / 2 ? cut.slice(0, space) : ''
      while (head && ' ,;:'.includes(head.at(-1)!)) head = head.slice(0, -1)
      lines.push(head ? `${head}…` : cut)
      return lines
    }
    // The longest prefix that fits, then back to its last space if there is one.
    const chars = [...rest]
    let cut = 0
    let w = 0
    while (cut < chars.length && (w += charEm(chars[cut]!) * size) <= width) cut++
    const head = chars.slice(0, Math.max(cut, 1)).join('')
    const space = chars[cut] === ' ' ? head.length : head.lastIndexOf(' ')
    let line = space > 0 ? head.slice(0, space) : head
    // Closing punctuation never starts a line (CJK line breaking): it stays with its text.
    if (space <= 0) line += CLOSING.exec(rest.slice(line.length))?.[0] ?? ''
    lines.push(line.trimEnd())
    rest = rest.slice(line.length).trimStart()
  }
  return lines
}
