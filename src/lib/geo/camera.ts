/**
 * Camera maths, pure: Web Mercator as MapLibre uses it (512-pixel tiles), fitting a box into a
 * padded viewport, antimeridian-aware bounds, and the `data-camera` attribute format.
 */
import type { LngLat } from '../story/types.ts';
import { boundsOf, normalizeLongitude, type Bounds } from './bounds.ts';

// Bounds live apart, so the page's script gets them without the rest of the camera maths.
export { boundsOf, longitudeSpan, normalizeLongitude, type Bounds } from './bounds.ts';

/** MapLibre's world is 512 CSS pixels wide at zoom 0. */
export const TILE_SIZE = 512;
/** Mercator's latitude limit, as in MapLibre. */
const MAX_LAT = 85.051129;

export interface Camera {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Longitude/latitude to Mercator world coordinates in [0, 1] (x east, y south). */
export function project([lng, lat]: LngLat): [number, number] {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** The inverse of {@link project}. */
export function unproject([x, y]: [number, number]): LngLat {
  const lng = x * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [lng, lat];
}

/**
 * The centre and zoom that show `bounds` inside `viewport` minus `padding`, north up, as large as
 * fits and no larger than `maxZoom`. The padded area's centre, not the viewport's, is where the
 * box's centre lands: so a text card over the lower half of a phone screen keeps the box above it.
 */
export function fitBounds(
  bounds: Bounds,
  viewport: Size,
  padding: Padding,
  options: { maxZoom: number; minZoom?: number }
): { center: LngLat; zoom: number } {
  const [west, south, east, north] = bounds;
  const [x0, y1] = project([west, south]);
  const [x1, y0] = project([east, north]);
  const innerWidth = Math.max(1, viewport.width - padding.left - padding.right);
  const innerHeight = Math.max(1, viewport.height - padding.top - padding.bottom);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = Math.min(innerWidth / (spanX * TILE_SIZE), innerHeight / (spanY * TILE_SIZE));
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom ?? 0, Math.log2(scale)));
  const worldSize = TILE_SIZE * 2 ** zoom;
  // Shift the centre so the box sits in the middle of the padded area, not of the viewport.
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / worldSize;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / worldSize;
  const [lng, lat] = unproject([cx, cy]);
  return { center: [normalizeLongitude(lng), lat], zoom };
}

/**
 * Where a point appears in a viewport under a north-up, unpitched camera, in CSS pixels from the
 * top-left corner. Used by tests and by label placement checks.
 */
export function screenPosition(
  point: LngLat,
  camera: Pick<Camera, 'center' | 'zoom'>,
  viewport: Size
): [number, number] {
  const [x, y] = offsetOnScreen(point, { ...camera, bearing: 0, pitch: 0 });
  return [viewport.width / 2 + x, viewport.height / 2 + y];
}

/** The `data-camera` attribute: `lng,lat,zoom,bearing,pitch` rounded to 4, 4, 2, 1, 1 decimals. */
export function formatCamera(camera: Camera): string {
  const fixed = (value: number, decimals: number) => {
    const rounded = Number(value.toFixed(decimals));
    return String(Object.is(rounded, -0) ? 0 : rounded);
  };
  return [
    fixed(camera.center[0], 4),
    fixed(camera.center[1], 4),
    fixed(camera.zoom, 2),
    fixed(camera.bearing, 1),
    fixed(camera.pitch, 1),
  ].join(',');
}

/** Reads a `data-camera` attribute back; `undefined` if it is malformed. */
export function parseCamera(attribute: string | null | undefined): Camera | undefined {
  const parts = (attribute ?? '').split(',').map(Number);
  if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [lng, lat, zoom, bearing, pitch] = parts as [number, number, number, number, number];
  return { center: [lng, lat], zoom, bearing, pitch };
}

/**
 * Whether two cameras show the same view within a tolerance: centres within `pixels` on screen
 * at the target zoom, zoom within `zoom`, angles within `degrees`.
 */
export function camerasMatch(
  a: Camera,
  b: Camera,
  tolerance: { pixels: number; zoom: number; degrees: number } = {
    pixels: 2,
    zoom: 0.02,
    degrees: 0.5,
  }
): boolean {
  const worldSize = TILE_SIZE * 2 ** b.zoom;
  const [ax, ay] = project(a.center);
  const [bx, by] = project(b.center);
  let dx = Math.abs(ax - bx);
  if (dx > 0.5) dx = 1 - dx;
  const distance = Math.hypot(dx, ay - by) * worldSize;
  const angle = (x: number, y: number) => {
    const d = Math.abs((((x - y) % 360) + 360) % 360);
    return Math.min(d, 360 - d);
  };
  return (
    distance <= tolerance.pixels &&
    Math.abs(a.zoom - b.zoom) <= tolerance.zoom &&
    angle(a.bearing, b.bearing) <= tolerance.degrees &&
    Math.abs(a.pitch - b.pitch) <= tolerance.degrees
  );
}

/**
 * What a step asks of the camera, before the screen size is known: a fixed view, or a box of
 * places to frame with some padding. Either way `subject`, what the step is about (its
 * highlighted places, or else its places and drawn legs), must be in the clear part of the map.
 */
export type CameraTarget =
  | { kind: 'view'; camera: Camera; subject: LngLat[] }
  | { kind: 'fit'; bounds: Bounds; padding: number; maxZoom: number; subject: LngLat[] };

/**
 * Space kept between a step's subject and the edge of the map's clear area (the map minus what
 * covers it), CSS pixels. The browser tests hold every step to it.
 */
export const SUBJECT_MARGIN = 16;
/** The margin the camera keeps: a little more than promised, for rounding and pitch. */
const KEPT_MARGIN = SUBJECT_MARGIN + 4;

const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * Moves a centre so that it appears in the middle of the viewport minus `padding`, not of the
 * whole viewport. The shift is turned with the bearing; pitch is ignored (a pitched view's
 * centre moves a little less than this on screen).
 */
export function offsetCenter(
  center: LngLat,
  zoom: number,
  bearing: number,
  padding: Padding
): LngLat {
  const worldSize = TILE_SIZE * 2 ** zoom;
  const dx = (padding.left - padding.right) / 2;
  const dy = (padding.top - padding.bottom) / 2;
  const angle = (bearing * Math.PI) / 180;
  const rx = dx * Math.cos(angle) - dy * Math.sin(angle);
  const ry = dx * Math.sin(angle) + dy * Math.cos(angle);
  const [x, y] = project(center);
  const [lng, lat] = unproject([x - rx / worldSize, y - ry / worldSize]);
  return [normalizeLongitude(lng), lat];
}

/**
 * How far a point lies from a camera's centre on screen, CSS pixels, under that camera's
 * bearing. Pitch is allowed for by a safety factor: a tilted map stretches what is near the
 * reader (the screen's foot) by up to 1 / cos(pitch).
 */
function offsetOnScreen(point: LngLat, camera: Camera): [number, number] {
  const worldSize = TILE_SIZE * 2 ** camera.zoom;
  const [px, py] = project(point);
  const [cx, cy] = project(camera.center);
  let dx = px - cx;
  if (dx > 0.5) dx -= 1;
  if (dx < -0.5) dx += 1;
  const angle = (-camera.bearing * Math.PI) / 180;
  const x = (dx * Math.cos(angle) - (py - cy) * Math.sin(angle)) * worldSize;
  const y = (dx * Math.sin(angle) + (py - cy) * Math.cos(angle)) * worldSize;
  const stretch = 1 / Math.cos((Math.min(camera.pitch, 80) * Math.PI) / 180);
  return [x * stretch, y * stretch];
}

/**
 * The concrete camera for a target on a screen of `viewport`, given what covers the map
 * (`covered`: legend, controls, timeline, a card; see layout.ts). Every camera is centred in
 * the clear part. A fit frames its places and subject there; a fixed view keeps its zoom unless
 * its subject would then leave the clear part, when it zooms out just enough.
 */
export function resolveCamera(
  target: CameraTarget,
  viewport: Size,
  covered: Padding = NO_PADDING
): Camera {
  const clearWidth = Math.max(1, viewport.width - covered.left - covered.right);
  const clearHeight = Math.max(1, viewport.height - covered.top - covered.bottom);
  if (target.kind === 'view') {
    const { bearing, pitch } = target.camera;
    // Each subject point's offset from the centre must fit in half the clear area.
    const halfWidth = Math.max(1, clearWidth / 2 - KEPT_MARGIN);
    const halfHeight = Math.max(1, clearHeight / 2 - KEPT_MARGIN);
    let scale = 1;
    for (const point of target.subject) {
      const [x, y] = offsetOnScreen(point, target.camera);
      if (Math.abs(x) > halfWidth) scale = Math.min(scale, halfWidth / Math.abs(x));
      if (Math.abs(y) > halfHeight) scale = Math.min(scale, halfHeight / Math.abs(y));
    }
    const zoom =
      scale < 1
        ? Math.max(leastZoom(viewport), target.camera.zoom + Math.log2(scale))
        : target.camera.zoom;
    const uncovered =
      covered.top === 0 && covered.right === 0 && covered.bottom === 0 && covered.left === 0;
    const center = uncovered
      ? target.camera.center
      : offsetCenter(target.camera.center, zoom, bearing, covered);
    return { center, zoom, bearing, pitch };
  }
  const [west, south, east, north] = target.bounds;
  const bounds =
    target.subject.length > 0
      ? boundsOf([[west, south], [east, north], ...target.subject])
      : target.bounds;
  // The step's padding is breathing room: on a small clear area (a phone) it gives way, to at
  // most a quarter of that area, but never below the margin the subject is owed.
  const breathing = Math.max(
    KEPT_MARGIN,
    Math.min(target.padding, clearWidth / 4, clearHeight / 4)
  );
  const padding: Padding = {
    top: covered.top + breathing,
    right: covered.right + breathing,
    bottom: covered.bottom + breathing,
    left: covered.left + breathing,
  };
  const fitted = fitBounds(bounds, viewport, padding, { maxZoom: target.maxZoom });
  const least = leastZoom(viewport);
  if (fitted.zoom >= least || target.subject.length === 0) {
    return { center: fitted.center, zoom: Math.max(least, fitted.zoom), bearing: 0, pitch: 0 };
  }
  // The map cannot zoom out far enough to show all the fit (a tall map across an ocean): it
  // shows the subject, framed alone, and as much of the rest as fits around it.
  const subject = fitBounds(boundsOf(target.subject), viewport, padding, {
    maxZoom: target.maxZoom,
  });
  return {
    center: subject.center,
    zoom: Math.max(least, Math.min(subject.zoom, fitted.zoom)),
    bearing: 0,
    pitch: 0,
  };
}

/**
 * The least zoom MapLibre allows on a screen of `viewport`: its world must be at least as tall
 * as the screen (it repeats side by side, never above and below).
 */
export function leastZoom(viewport: Size): number {
  return Math.max(0, Math.log2(viewport.height / TILE_SIZE));
}

/**
 * The camera as an editor would write it in a step: the inverse of the shift `resolveCamera`
 * applies for what covers the map, so pasting it back shows the same view.
 */
export function cameraForEditor(shown: Camera, cover: Padding): Camera {
  const mirrored: Padding = {
    top: cover.bottom,
    right: cover.left,
    bottom: cover.top,
    left: cover.right,
  };
  const none = cover.top === 0 && cover.right === 0 && cover.bottom === 0 && cover.left === 0;
  const center = none
    ? shown.center
    : offsetCenter(shown.center, shown.zoom, shown.bearing, mirrored);
  return { ...shown, center };
}
