/**
 * Whether the map shows the camera a step asks for (for the browser tests that build a story):
 * a framed view holds its places, north up; a fixed view has its bearing and pitch, is no closer
 * than its zoom, and (flat) has its centre in the middle of the part of the map nothing covers.
 */
import type { Page } from 'playwright-core';
import type { Camera } from '../../src/lib/geo/camera';
import { isFitCamera, type LngLat, type Step, type Story } from '../../src/lib/story/types';
import { MAP, coveredNow, shownCamera } from './harness';
import { subject } from './readable';

/** `data-camera` rounds angles to 0.1° and zoom to 0.01: a little more than that is equal. */
const DEGREES = 0.6;
const ZOOM = 0.02;

/**
 * Where points of the map lie on screen now, CSS pixels from the map's top-left corner: of the
 * world's copies side by side (a view across the antimeridian shows two), the one nearest the
 * middle of the map.
 */
function onScreen(page: Page, points: LngLat[]): Promise<{ x: number; y: number }[]> {
  return page.evaluate(`(() => {
    const map = window.__storyMap;
    const middle = map.getContainer().clientWidth / 2;
    return (${JSON.stringify(points)}).map(([lng, lat]) =>
      [lng - 360, lng, lng + 360]
        .map((copy) => map.project([copy, lat]))
        .map(({ x, y }) => ({ x, y }))
        .sort((a, b) => Math.abs(a.x - middle) - Math.abs(b.x - middle))[0]);
  })()`) as Promise<{ x: number; y: number }[]>;
}

/** How the map's camera, as shown now, falls short of what step `step` asks for. */
export async function cameraProblems(page: Page, of: Story, step: Step): Promise<string[]> {
  const shown: Camera = await shownCamera(page);
  const problems: string[] = [];
  const say = (problem: string) => problems.push(`${step.id}: ${problem}`);
  const turned = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180) > DEGREES;
  const { width, height } = await page.$eval(MAP, (map) => map.getBoundingClientRect());
  const spec = step.map.camera;
  if (isFitCamera(spec)) {
    if (turned(shown.bearing, 0) || shown.pitch > DEGREES) say('a framed view is turned or tilted');
    const maxZoom = spec.maxZoom ?? 12;
    if (shown.zoom > maxZoom + ZOOM) say(`zoom ${shown.zoom} is beyond its maxZoom ${maxZoom}`);
    const framed = spec.fit.map((id) => of.places.find((place) => place.id === id)!.coordinates);
    (await onScreen(page, framed)).forEach((at, i) => {
      if (at.x < 0 || at.x > width || at.y < 0 || at.y > height) {
        say(
          `framed place ${spec.fit[i]} is off the map, at ${Math.round(at.x)},${Math.round(at.y)}`
        );
      }
    });
    return problems;
  }
  const bearing = spec.bearing ?? 0;
  const pitch = spec.pitch ?? 0;
  if (turned(shown.bearing, bearing)) say(`bearing ${shown.bearing}, not ${bearing}`);
  if (Math.abs(shown.pitch - pitch) > DEGREES) say(`pitch ${shown.pitch}, not ${pitch}`);
  if (shown.zoom > spec.zoom + ZOOM) say(`zoom ${shown.zoom} is closer than its ${spec.zoom}`);
  // A tilted view's centre is placed by the flat map's arithmetic: only flat ones are exact.
  if (pitch > 0) return problems;
  const cover = await coveredNow(page);
  const clear = {
    left: cover.left,
    top: cover.top,
    right: width - cover.right,
    bottom: height - cover.bottom,
  };
  const [centre] = await onScreen(page, [spec.center]);
  const off = Math.hypot(
    centre!.x - (clear.left + clear.right) / 2,
    centre!.y - (clear.top + clear.bottom) / 2
  );
  if (off > 4) say(`its centre is ${Math.round(off)} px from the middle of the clear map`);
  if (shown.zoom < spec.zoom - ZOOM) {
    // Zoomed out for the subject: only as far as needed, so some part of it is near an edge.
    const points = await onScreen(
      page,
      subject(of, step).map((point) => point.at)
    );
    const nearest = Math.min(
      ...points.map((p) =>
        Math.min(p.x - clear.left, clear.right - p.x, p.y - clear.top, clear.bottom - p.y)
      )
    );
    if (nearest > 28) {
      say(
        `zoomed out to ${shown.zoom} from ${spec.zoom}, yet its subject is ${Math.round(nearest)} px from the clear map's edges`
      );
    }
  }
  return problems;
}
