/**
 * The hatching that marks a company's presence as reported or alleged rather than confirmed,
 * shared by the timeline and the map layer so the two read alike.
 */
import { select } from 'd3-selection';

/** The id of a company's hatch pattern inside one chart (`prefix` keeps charts apart). */
export const hatchId = (prefix: string, companyId: string) =>
  `storymap-${prefix}-hatch-${companyId}`;

/**
 * Keeps one diagonal hatch pattern per company in `defs`: stripes of its colour on white,
 * `size` pixels apart.
 */
export function joinHatchPatterns(
  defs: SVGDefsElement,
  companies: readonly { id: string; colour: string }[],
  prefix: string,
  size: number
): void {
  select(defs)
    .selectAll<SVGPatternElement, { id: string; colour: string }>('pattern.hatch')
    .data(companies, (c) => c.id)
    .join((enter) => {
      const pattern = enter
        .append('pattern')
        .attr('class', 'hatch')
        .attr('patternUnits', 'userSpaceOnUse')
        .attr('patternTransform', 'rotate(45)');
      pattern.append('rect').attr('class', 'ground').attr('fill', '#fff');
      pattern.append('rect').attr('class', 'stripe');
      return pattern;
    })
    .attr('id', (c) => hatchId(prefix, c.id))
    .attr('width', size)
    .attr('height', size)
    .each(function (c) {
      const pattern = select(this);
      pattern.select('.ground').attr('width', size).attr('height', size);
      pattern
        .select('.stripe')
        .attr('width', size / 2)
        .attr('height', size)
        .attr('fill', c.colour);
    });
}
