/**
 * What covers the map: the boxes of everything over it (the reader's controls, the legend, the
 * timeline, notices, MapLibre's attribution), and the padding they take from its edges. The
 * camera frames every step in what is left, and the labels keep clear of the boxes. Loaded
 * with the map.
 */
import type { Padding, Size } from '../geo/camera';
import type { Rect } from '../geo/rect';

/**
 * The boxes over `map` now, in its own pixels: every element on the page marked
 * `data-map-chrome`, and MapLibre's controls, where they lie over it. A layout read: called
 * once per step and on resizes, never in a frame.
 */
export function chromeBoxes(map: HTMLElement): Rect[] {
  const frame = map.getBoundingClientRect();
  const elements = [
    ...document.querySelectorAll<HTMLElement>('[data-map-chrome]'),
    ...map.querySelectorAll<HTMLElement>('.maplibregl-ctrl'),
  ];
  return elements.flatMap((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return [];
    if (box.right <= frame.left || box.left >= frame.right) return [];
    if (box.bottom <= frame.top || box.top >= frame.bottom) return [];
    return [
      {
        left: box.left - frame.left,
        top: box.top - frame.top,
        right: box.right - frame.left,
        bottom: box.bottom - frame.top,
      },
    ];
  });
}

/**
 * What covers the map, as padding from each of its edges: each box over the map (a control
 * bar, the legend, the timeline) is taken off the side that leaves the most of the map clear.
 * Boxes are in the map's own pixels; a box outside the map, or already outside the clear part,
 * takes nothing.
 */
export function coveredPadding(size: Size, boxes: readonly Rect[]): Padding {
  const padding: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  const byArea = boxes
    .map((box) => ({
      left: Math.max(0, box.left),
      top: Math.max(0, box.top),
      right: Math.min(size.width, box.right),
      bottom: Math.min(size.height, box.bottom),
    }))
    .filter((box) => box.right > box.left && box.bottom > box.top)
    .sort(
      (a, b) => (b.right - b.left) * (b.bottom - b.top) - (a.right - a.left) * (a.bottom - a.top)
    );
  for (const box of byArea) {
    const clear = {
      left: padding.left,
      top: padding.top,
      right: size.width - padding.right,
      bottom: size.height - padding.bottom,
    };
    if (
      box.right <= clear.left ||
      box.left >= clear.right ||
      box.bottom <= clear.top ||
      box.top >= clear.bottom
    ) {
      continue;
    }
    const options: Padding[] = [
      { ...padding, top: Math.max(padding.top, Math.ceil(box.bottom)) },
      { ...padding, bottom: Math.max(padding.bottom, Math.ceil(size.height - box.top)) },
      { ...padding, left: Math.max(padding.left, Math.ceil(box.right)) },
      { ...padding, right: Math.max(padding.right, Math.ceil(size.width - box.left)) },
    ];
    const area = (p: Padding) =>
      Math.max(0, size.width - p.left - p.right) * Math.max(0, size.height - p.top - p.bottom);
    const best = options.reduce((a, b) => (area(b) > area(a) ? b : a));
    Object.assign(padding, best);
  }
  return padding;
}
