/**
 * Where a story looks, worked out from its own cameras: every step's camera is resolved on the
 * screen sizes readers use. `basemapAreas` gives the extent of the story's basemap (the views
 * closer than the world layer's 1:110m can draw, and the first view, each with the closest zoom
 * it is seen at; `firstViewAreas`, those of the first view alone). And where it needs more than
 * the general basemap:
 * - a step seen at zoom 9 or closer gets a *close* area: the view it shows, at a zoom lower so
 *   flights and small screens stay inside it, for full-resolution coast, water, rivers and
 *   borders;
 * - a step seen between zoom 6.5 and 9 gets a *wide* area, for its major rivers.
 * Overlapping areas of a kind are merged. Pure; used by geo/extract-detail.ts (which extracts
 * the detail once) and the story plugin (src/lib/story/vite-plugin.ts, which builds the basemap
 * and says which close views lack detail).
 */
import { TILE_SIZE, project, resolveCamera, unproject, type Size } from '../src/lib/geo/camera.ts';
import type { FeatureCollection } from 'geojson';
import type { BasemapAreas } from './build-basemap.ts';
import type { BBox } from '../src/lib/geo/clip.ts';
import { stepState } from '../src/lib/state/step-state.ts';
import type { Story } from '../src/lib/story/types.ts';
import { CLOSE_MIN_ZOOM, WIDE_MIN_ZOOM } from '../src/lib/draw/style.ts';

/** The screens the story is framed for (those the readability checks use). */
const SCREENS: Size[] = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];

export interface DetailAreas {
  close: BBox[];
  wide: BBox[];
}

/** What a camera at `center` and `zoom` shows on a `screen`, north up. */
export function viewBounds(center: [number, number], zoom: number, screen: Size): BBox {
  const world = TILE_SIZE * 2 ** zoom;
  const [x, y] = project(center);
  const [west, north] = unproject([x - screen.width / 2 / world, y - screen.height / 2 / world]);
  const [east, south] = unproject([x + screen.width / 2 / world, y + screen.height / 2 / world]);
  return [west, south, east, north];
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const union = (a: BBox, b: BBox): BBox => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
];

/** Boxes merged until none overlaps another, each rounded outwards to 0.01°. */
export function merged(boxes: readonly BBox[]): BBox[] {
  const out: BBox[] = [];
  for (const box of boxes) {
    let current = box;
    for (let i = out.length - 1; i >= 0; i--) {
      if (overlaps(out[i]!, current)) current = union(out.splice(i, 1)[0]!, current);
    }
    out.push(current);
  }
  // Merging can make a box meet one it had passed: merge again until nothing changes.
  if (out.length < boxes.length) return merged(out);
  const down = (v: number) => Math.floor(v * 100) / 100;
  const up = (v: number) => Math.ceil(v * 100) / 100;
  return out
    .map(([w, s, e, n]): BBox => [down(w), down(s), up(e), up(n)])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Views seen at this zoom or closer are in the basemap; wider ones are drawn by the world layer
 * (geo/world.json, Natural Earth 1:110m), whose outlines hold up to about zoom 3.
 */
export const REGION_MIN_ZOOM = 3;

/** `box` as boxes within -180…180° (split at the antimeridian) and ±85° (the map's limit). */
export function wrapped([w, s, e, n]: BBox): BBox[] {
  const south = Math.max(s, -85);
  const north = Math.min(n, 85);
  if (e - w >= 360) return [[-180, south, 180, north]];
  const shift = Math.floor((w + 180) / 360) * 360;
  const [west, east] = [w - shift, e - shift];
  return east <= 180
    ? [[west, south, east, north]]
    : [
        [west, south, 180, north],
        [-180, south, east - 360, north],
      ];
}

/**
 * The basemap's extent: every step's view on every screen that is seen at `REGION_MIN_ZOOM`
 * or closer, and the first step's whatever its zoom (the first view waits for nothing else),
 * each taken a zoom further out so that flights and panning stay inside it. Detail is kept by
 * the views themselves: each place as a pixel shows it at the closest zoom it is seen at.
 */
export function basemapAreas(story: Story): BasemapAreas {
  return areasSeen(story, story.steps.length, 1);
}

/**
 * The areas of the first view alone, for the basemap the map draws until the whole story's
 * has come (just after that view): no flight or pan happens before, so each view is taken
 * only half a zoom further out, room for a screen half as wide or tall again as those above.
 */
export function firstViewAreas(story: Story): BasemapAreas {
  return areasSeen(story, 1, 0.5);
}

/** The views of the first `steps` steps, and around them, `margin` zooms further out, the region. */
function areasSeen(story: Story, steps: number, margin: number): BasemapAreas {
  const region: BBox[] = [];
  const views: BasemapAreas['views'] = [];
  story.steps.slice(0, steps).forEach((_, index) => {
    const target = stepState(story, index, 1).camera;
    for (const screen of SCREENS) {
      const camera = resolveCamera(target, screen);
      if (index > 0 && camera.zoom < REGION_MIN_ZOOM) continue;
      const tilt = camera.pitch > 0 ? 1 : 0;
      region.push(...wrapped(viewBounds(camera.center, camera.zoom - margin - tilt, screen)));
      for (const box of wrapped(viewBounds(camera.center, camera.zoom - tilt, screen))) {
        views.push({ box, zoom: camera.zoom });
      }
    }
  });
  return { region: merged(region), views };
}

export function detailAreas(story: Story): DetailAreas {
  const close: BBox[] = [];
  const wide: BBox[] = [];
  story.steps.forEach((_, index) => {
    const target = stepState(story, index, 1).camera;
    for (const screen of SCREENS) {
      const camera = resolveCamera(target, screen);
      // A tilted view sees further towards its horizon: take it one zoom further out.
      const tilt = camera.pitch > 0 ? 1 : 0;
      if (camera.zoom >= CLOSE_MIN_ZOOM) {
        close.push(viewBounds(camera.center, camera.zoom - 1 - tilt, screen));
      } else if (camera.zoom >= WIDE_MIN_ZOOM) {
        wide.push(viewBounds(camera.center, camera.zoom - tilt, screen));
      }
    }
  });
  return { close: merged(close), wide: merged(wide) };
}

/**
 * The steps that show a close view (zoom 9 or closer, on any of the screens) outside the close
 * areas `detail` was extracted for: there the general basemap stands in. The build says so, and
 * `npm run detail` (with Debian's GMT) extracts what they need.
 */
export function stepsWithoutDetail(story: Story, detail: FeatureCollection): string[] {
  const grounds = detail.features.flatMap((feature) => {
    if (feature.properties?.kind !== 'ground' || feature.geometry.type !== 'Polygon') return [];
    const ring = feature.geometry.coordinates[0] ?? [];
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    return [[Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as BBox];
  });
  const covered = ([w, s, e, n]: BBox) =>
    grounds.some(([gw, gs, ge, gn]) => w >= gw && s >= gs && e <= ge && n <= gn);
  return story.steps.flatMap((step, index) => {
    const target = stepState(story, index, 1).camera;
    const uncovered = SCREENS.some((screen) => {
      const camera = resolveCamera(target, screen);
      return (
        camera.zoom >= CLOSE_MIN_ZOOM && !covered(viewBounds(camera.center, camera.zoom, screen))
      );
    });
    return uncovered ? [step.id] : [];
  });
}
