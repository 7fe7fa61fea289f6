/**
 * Label placement rules, pure: which labels to hide where they overlap, and whether a leg is
 * long enough on screen to carry its label.
 */
import type { LngLat } from '../story/types';
import { TILE_SIZE, project } from './camera';

export interface LabelBox {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The ids of labels to hide so that none overlap: labels are taken in priority order (most
 * important first), and one that touches an already kept label is hidden.
 * @param margin extra space kept around each label, CSS pixels
 */
export function overlappingLabels(boxes: readonly LabelBox[], margin = 2): Set<string> {
  const kept: LabelBox[] = [];
  const hidden = new Set<string>();
  for (const box of boxes) {
    const hits = kept.some(
      (other) =>
        box.left < other.right + margin &&
        box.right + margin > other.left &&
        box.top < other.bottom + margin &&
        box.bottom + margin > other.top
    );
    if (hits) hidden.add(box.id);
    else kept.push(box);
  }
  return hidden;
}

/** A line's length on screen at `zoom`, end to end through its vertices, CSS pixels. */
export function screenLength(line: readonly LngLat[], zoom: number): number {
  const worldSize = TILE_SIZE * 2 ** zoom;
  let length = 0;
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = project(line[i - 1]!);
    const [x1, y1] = project(line[i]!);
    length += Math.hypot(x1 - x0, y1 - y0) * worldSize;
  }
  return length;
}
