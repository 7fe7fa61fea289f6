/**
 * The one label placement of the story: every label the map draws (places with their
 * companies, route legs, rivers, countries) and every label of the static maps goes through
 * `placeLabels`. Pure arithmetic on boxes in screen pixels: no DOM, no MapLibre, so it runs in
 * the map's animation frame on cached label sizes, at build time for the static maps, and in
 * unit tests.
 *
 * Labels are taken in priority order. Each tries its candidate positions in turn (beside its
 * mark, then further out with a leader line) and takes the first that lies inside the visible
 * map, clear of the map's chrome (legend, controls, timeline), of every label already placed
 * and of every other mark, and no nearer to another mark than to its own. A label with no such
 * position is dropped: the least important give way first.
 */

import { contains, intersects, rectDistance, type Point, type Rect } from '../geo/rect';

export type { Point, Rect };

/** How a label hangs on its anchor. */
export type LabelShape =
  /** Beside a mark drawn at the anchor (a place's dot): `mark` is the mark's half size. */
  | { kind: 'point'; mark: { halfWidth: number; halfHeight: number } }
  /** Centred on the anchor, nudged a little if it must (a country's or a river's name). */
  | { kind: 'center' }
  /** Centred on one of several points along a line (a route leg), in order of preference. */
  | { kind: 'line'; along: Point[] };

export interface LabelSize {
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** Lower is more important; equal priorities keep their order in the list. */
  priority: number;
  /** Where the label belongs on screen; `undefined` when it is not on the map now. */
  anchor: Point | undefined;
  /**
   * The label's sizes, fullest first: where the full label does not fit, a shorter form of it
   * (a place's name without the list of companies there) may.
   */
  sizes: LabelSize[];
  shape: LabelShape;
  /** The mark is shown only with its label (a place labelled only for its companies). */
  markNeedsLabel?: boolean;
}

export interface PlacedLabel {
  id: string;
  box: Rect;
  /** Which of the request's `sizes` it took. */
  size: number;
  /** The candidate taken: passed back as `previous` so labels do not flicker. */
  candidate: number;
  /** From the mark's edge to the label, when the label stands away from its mark. */
  leader?: { from: Point; to: Point };
}

export interface PlacementOptions {
  /** The visible map: labels stay inside it. */
  area: Rect;
  /** What covers the map (legend, controls, timeline): labels stay clear of it. */
  obstacles: readonly Rect[];
  /** The candidate each label took last time; tried first while it still fits. */
  previous?: ReadonlyMap<string, number>;
  /** Space between a mark and its label, and kept around every label, CSS pixels. */
  gap?: number;
}

/** Space kept between labels, and between a label and what it must not touch. */
const CLEARANCE = 2;
/** Distances a label may stand from its mark with a leader line, CSS pixels. */
const LEADER_STEPS = [26, 52];

/** The eight directions a label may take from its mark, preferred first (right, as maps do). */
const DIRECTIONS: readonly [number, number][] = [
  [1, 0],
  [-1, 0],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
  [0, -1],
  [0, 1],
];

/** Small moves tried for a centred label, as shares of its height (or width, sideways). */
const NUDGES: readonly [number, number][] = [
  [0, 0],
  [0, -0.8],
  [0, 0.8],
  [-0.35, 0],
  [0.35, 0],
];

export function markRect(anchor: Point, shape: LabelShape): Rect | undefined {
  if (shape.kind !== 'point') return undefined;
  const { halfWidth, halfHeight } = shape.mark;
  return {
    left: anchor.x - halfWidth,
    top: anchor.y - halfHeight,
    right: anchor.x + halfWidth,
    bottom: anchor.y + halfHeight,
  };
}

interface Candidate {
  box: Rect;
  leader?: { from: Point; to: Point };
}

function boxAt(x: number, y: number, width: number, height: number): Rect {
  return { left: x, top: y, right: x + width, bottom: y + height };
}

/** The point of `rect` nearest to `point`. */
function nearestOn(rect: Rect, point: Point): Point {
  return {
    x: Math.min(rect.right, Math.max(rect.left, point.x)),
    y: Math.min(rect.bottom, Math.max(rect.top, point.y)),
  };
}

/** Every position a label of `size` may take, in order of preference. */
export function candidatesFor(request: LabelRequest, size: LabelSize, gap: number): Candidate[] {
  const { anchor, shape } = request;
  const { width, height } = size;
  if (!anchor) return [];
  if (shape.kind === 'center' || shape.kind === 'line') {
    const points = shape.kind === 'line' ? shape.along : [anchor];
    return points.flatMap((point) =>
      NUDGES.map(([nx, ny]) => ({
        box: boxAt(
          point.x - width / 2 + nx * width,
          point.y - height / 2 + ny * height,
          width,
          height
        ),
      }))
    );
  }
  const { halfWidth, halfHeight } = shape.mark;
  const at = (dx: number, dy: number, distance: number): Rect => {
    // Beside the mark: vertically centred on it to the left or right, horizontally centred
    // above or below it; diagonals touch the mark's corner.
    const x =
      dx > 0
        ? anchor.x + halfWidth + distance
        : dx < 0
          ? anchor.x - halfWidth - distance - width
          : anchor.x - width / 2;
    const y =
      dy > 0
        ? anchor.y + halfHeight + (dx === 0 ? distance : distance / 2)
        : dy < 0
          ? anchor.y - halfHeight - (dx === 0 ? distance : distance / 2) - height
          : anchor.y - height / 2;
    return boxAt(x, y, width, height);
  };
  const near = DIRECTIONS.map(([dx, dy]) => ({ box: at(dx, dy, gap) }));
  // Then slid along the mark's sides: a tall label beside it, its top or foot level with the
  // mark; a wide one above or below it, flush with its left or right.
  const slid = (box: Rect, dx: number, dy: number): Rect => ({
    left: box.left + dx,
    right: box.right + dx,
    top: box.top + dy,
    bottom: box.bottom + dy,
  });
  const tall = (height - 2 * halfHeight) / 2;
  const wide = (width - 2 * halfWidth) / 2;
  const slides = [
    slid(at(1, 0, gap), 0, tall),
    slid(at(1, 0, gap), 0, -tall),
    slid(at(-1, 0, gap), 0, tall),
    slid(at(-1, 0, gap), 0, -tall),
    slid(at(0, -1, gap), wide, 0),
    slid(at(0, -1, gap), -wide, 0),
    slid(at(0, 1, gap), wide, 0),
    slid(at(0, 1, gap), -wide, 0),
  ].map((box) => ({ box }));
  const mark = markRect(anchor, shape)!;
  const far = LEADER_STEPS.flatMap((distance) =>
    DIRECTIONS.map(([dx, dy]) => {
      const box = at(dx, dy, distance);
      const to = nearestOn(box, anchor);
      return { box, leader: { from: nearestOn(mark, to), to } };
    })
  );
  return [...near, ...slides, ...far];
}

/** What `placeLabels` decides. */
export interface Placement {
  /** The labels shown, by id; a label missing here gives way. */
  labels: Map<string, PlacedLabel>;
  /** The ids whose marks are shown. */
  marks: Set<string>;
}

/** Candidate numbers: a size's candidates follow the fuller size's. */
const PER_SIZE = 1000;

/**
 * Places `requests` (see the module's comment). Marks come first: a mark that would overlap a
 * more important one gives way with its label (at this zoom the two are one spot on the map).
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: PlacementOptions
): Placement {
  const gap = options.gap ?? 4;
  const { area, obstacles, previous } = options;
  const ordered = requests
    .map((request, index) => ({ request, index }))
    .sort((a, b) => a.request.priority - b.request.priority || a.index - b.index)
    .map(({ request }) => request);
  // Every mark kept is kept clear, whether or not its label finds a place.
  const marks: { id: string; rect: Rect }[] = [];
  const dropped = new Set<string>();
  for (const request of ordered) {
    const rect = request.anchor && markRect(request.anchor, request.shape);
    if (!rect) continue;
    if (marks.some((mark) => intersects(rect, mark.rect))) dropped.add(request.id);
    else marks.push({ id: request.id, rect });
  }
  const labels = new Map<string, PlacedLabel>();
  const taken: Rect[] = [];
  for (const request of ordered) {
    if (!request.anchor || dropped.has(request.id)) continue;
    const own = markRect(request.anchor, request.shape);
    const fits = (box: Rect): boolean => {
      if (!contains(area, box)) return false;
      if (obstacles.some((rect) => intersects(box, rect, CLEARANCE))) return false;
      if (taken.some((rect) => intersects(box, rect, CLEARANCE))) return false;
      // Clear of every other mark, and no nearer to any other than to its own.
      const ownDistance = own ? rectDistance(box, own) : 0;
      for (const mark of marks) {
        if (mark.id === request.id) continue;
        if (intersects(box, mark.rect, CLEARANCE)) return false;
        if (own && rectDistance(box, mark.rect) < ownDistance) return false;
      }
      return true;
    };
    const options = request.sizes.flatMap((size, sizeIndex) =>
      size.width > 0 && size.height > 0
        ? candidatesFor(request, size, gap).map((candidate, i) => ({
            ...candidate,
            size: sizeIndex,
            number: sizeIndex * PER_SIZE + i,
          }))
        : []
    );
    const before = previous?.get(request.id);
    const kept = options.find((option) => option.number === before);
    const chosen = [...(kept ? [kept] : []), ...options].find((option) => fits(option.box));
    if (!chosen) {
      // A mark shown only with its label goes with it, and no longer keeps others away.
      if (request.markNeedsLabel) {
        const index = marks.findIndex((mark) => mark.id === request.id);
        if (index >= 0) marks.splice(index, 1);
      }
      continue;
    }
    taken.push(chosen.box);
    labels.set(request.id, {
      id: request.id,
      box: chosen.box,
      size: chosen.size,
      candidate: chosen.number,
      ...(chosen.leader && { leader: chosen.leader }),
    });
  }
  return { labels, marks: new Set(marks.map((mark) => mark.id)) };
}

/** The length of a line on screen, through its points. */
export function lineLength(points: readonly Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) {
    length += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  }
  return length;
}

/** The points at each of `fractions` (0–1) of a line's length on screen. */
export function pointsAlong(points: readonly Point[], fractions: readonly number[]): Point[] {
  const total = lineLength(points);
  if (points.length === 0) return [];
  return fractions.map((fraction) => {
    let remaining = total * Math.min(1, Math.max(0, fraction));
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      if (remaining <= length && length > 0) {
        const t = remaining / length;
        return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      }
      remaining -= length;
    }
    return points[points.length - 1]!;
  });
}
