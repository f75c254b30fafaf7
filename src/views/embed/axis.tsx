/**
 * @module views/embed/axis
 * The time axis block of the embed page: a skip link to the list, the inline SVG in a box that
 * scrolls sideways on narrow screens (so the page itself never does), the legend, and the status
 * line the script fills when a reader brushes a range. The list below stays the reading order.
 */
import { raw } from 'hono/html'
import type { AxisView } from './axis-view.ts'
import type { LegendKey } from '../../timeline-svg/layout.ts'

/** The legend's sample of each key, drawn with the axis's own classes. */
const SWATCH: Record<LegendKey, string> = {
  happened: '<circle class="p" cx="8" cy="6" r="5"/>',
  tentative: '<circle class="p t" cx="8" cy="6" r="5"/>',
  fuzzy: '<rect class="r" x="0" y="1" width="16" height="10" rx="3"/>',
  gap: '<g class="bk"><line x1="3" x2="7" y1="12" y2="0"/><line x1="9" x2="13" y1="12" y2="0"/></g>',
}

export interface EmbedAxisProps {
  axis: AxisView
  /** Id of the list the skip link jumps to. */
  listId: string
  uiLang?: string
}

/**
 * @example <EmbedAxis axis={view.axis} listId="list" />
 */
export const EmbedAxis = ({ axis, listId, uiLang }: EmbedAxisProps) => (
  <div class="axw">
    <a class="sk" href={`#${listId}`} lang={uiLang}>
      {axis.strings.skip}
    </a>
    {/* raw(): drawAxis escapes every text and attribute it writes (tests/unit/axis-draw.test.ts). */}
    <div class="axs" data-scale={axis.scale}>
      {raw(axis.svg)}
    </div>
    <ul class="lg" lang={uiLang}>
      {axis.legend.map((entry) => (
        <li>
          <svg class="ax" width="16" height="12" aria-hidden="true">
            {raw(SWATCH[entry.key])}
          </svg>
          {entry.text}
        </li>
      ))}
    </ul>
    <p class="brs" role="status" lang={uiLang} data-range={axis.strings.range} hidden>
      <span></span> <button type="button">{axis.strings.clear}</button>
    </p>
  </div>
)
