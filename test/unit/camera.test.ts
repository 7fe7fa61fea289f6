import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  cameraForEditor,
  camerasMatch,
  fitBounds,
  formatCamera,
  longitudeSpan,
  parseCamera,
  project,
  resolveCamera,
  screenPosition,
  unproject,
  leastZoom,
  SUBJECT_MARGIN,
  type Padding,
} from '../../src/lib/geo/camera';
import type { LngLat } from '../../src/lib/story/types';

const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

describe('project / unproject', () => {
  it('round-trips positions', () => {
    for (const point of [
      [0, 0],
      [124.3822, 40.1219],
      [-77.0367, 38.8951],
      [179.9, -60],
    ] as LngLat[]) {
      const [lng, lat] = unproject(project(point));
      expect(lng).toBeCloseTo(point[0], 9);
      expect(lat).toBeCloseTo(point[1], 9);
    }
  });

  it('puts the origin in the middle of the world', () => {
    expect(project([0, 0])).toEqual([0.5, 0.5]);
  });
});

describe('longitudeSpan', () => {
  it('spans ordinary longitudes west to east', () => {
    expect(longitudeSpan([114, 125.7, 118])).toEqual([114, 125.7]);
  });

  it('crosses the antimeridian rather than the whole world', () => {
    const [west, east] = longitudeSpan([179.5, -179.5]);
    expect(west).toBe(179.5);
    expect(east).toBeCloseTo(180.5, 9);
  });

  it('handles a single point', () => {
    expect(longitudeSpan([10])).toEqual([10, 10]);
  });
});

describe('fitBounds', () => {
  const viewport = { width: 800, height: 600 };
  const points: LngLat[] = [
    [124.3822, 40.1219],
    [125.7364, 39.0047],
  ];

  it('keeps every point inside the padded viewport and fills it on one axis', () => {
    const padding: Padding = { top: 56, right: 150, bottom: 40, left: 40 };
    const { center, zoom } = fitBounds(boundsOf(points), viewport, padding, { maxZoom: 20 });
    const xs: number[] = [];
    const ys: number[] = [];
    for (const point of points) {
      const [x, y] = screenPosition(point, { center, zoom }, viewport);
      xs.push(x);
      ys.push(y);
      expect(x).toBeGreaterThanOrEqual(padding.left - 0.01);
      expect(x).toBeLessThanOrEqual(viewport.width - padding.right + 0.01);
      expect(y).toBeGreaterThanOrEqual(padding.top - 0.01);
      expect(y).toBeLessThanOrEqual(viewport.height - padding.bottom + 0.01);
    }
    const filledX = Math.max(...xs) - Math.min(...xs);
    const filledY = Math.max(...ys) - Math.min(...ys);
    const innerX = viewport.width - padding.left - padding.right;
    const innerY = viewport.height - padding.top - padding.bottom;
    expect(Math.max(filledX / innerX, filledY / innerY)).toBeCloseTo(1, 6);
  });

  it('frames the box above a phone card when the bottom is padded', () => {
    const phone = { width: 390, height: 844 };
    const card: Padding = { top: 0, right: 0, bottom: 380, left: 0 };
    const { center, zoom } = fitBounds(boundsOf(points), phone, card, { maxZoom: 20 });
    for (const point of points) {
      expect(screenPosition(point, { center, zoom }, phone)[1]).toBeLessThanOrEqual(
        844 - 380 + 0.01
      );
    }
  });

  it('never zooms past maxZoom, even for a single point', () => {
    const single: LngLat[] = [[114.06, 22.655]];
    const { center, zoom } = fitBounds(boundsOf(single), viewport, NO_PADDING, { maxZoom: 8 });
    expect(zoom).toBe(8);
    expect(center[0]).toBeCloseTo(114.06, 6);
    expect(center[1]).toBeCloseTo(22.655, 6);
  });

  it('fits a box across the antimeridian around 180°, not around 0°', () => {
    const fiji: LngLat[] = [
      [177.4, -17.7],
      [-179.8, -16.6],
    ];
    const { center } = fitBounds(boundsOf(fiji), viewport, NO_PADDING, { maxZoom: 20 });
    expect(Math.abs(center[0])).toBeGreaterThan(170);
  });
});

describe('resolveCamera', () => {
  const phone = { width: 390, height: 464 };
  // A bar across the top, a timeline strip at the foot: 320 px of height left clear.
  const covered = { top: 40, right: 0, bottom: 104, left: 0 };
  const square: LngLat = [125.7525, 39.0195];
  const station: LngLat = [125.7364, 39.0047];

  it('returns a view target unchanged when nothing covers the map and its subject is in view', () => {
    const camera = { center: [125, 39] as LngLat, zoom: 12, bearing: -15, pitch: 35 };
    expect(resolveCamera({ kind: 'view', camera, subject: [] }, { width: 10, height: 10 })).toEqual(
      camera
    );
    const subject: LngLat[] = [[125.001, 39.001]];
    expect(resolveCamera({ kind: 'view', camera, subject }, { width: 800, height: 600 })).toEqual(
      camera
    );
  });

  it('centres a view in the part of the map left clear', () => {
    const camera = { center: station, zoom: 12, bearing: 0, pitch: 0 };
    const shown = resolveCamera({ kind: 'view', camera, subject: [station] }, phone, covered);
    const [x, y] = screenPosition(camera.center, shown, phone);
    expect(x).toBeCloseTo(phone.width / 2, 6);
    expect(y).toBeCloseTo(40 + (464 - 40 - 104) / 2, 6);
  });

  it('turns the shift with the bearing', () => {
    const camera = { center: station, zoom: 12, bearing: 90, pitch: 0 };
    const shown = resolveCamera({ kind: 'view', camera, subject: [] }, phone, covered);
    // Bearing 90° puts east at the top of the screen, so "below the place on screen", where
    // the centre must go to lift the place into the clear part, is west of it.
    expect(shown.center[0]).toBeLessThan(camera.center[0]);
    expect(shown.center[1]).toBeCloseTo(camera.center[1], 6);
  });

  it('zooms a view out just enough to keep its subject 16 px inside the clear part', () => {
    const camera = { center: station, zoom: 14, bearing: 0, pitch: 0 };
    const shown = resolveCamera({ kind: 'view', camera, subject: [square] }, phone, covered);
    expect(shown.zoom).toBeLessThan(14);
    expect(shown.zoom).toBeGreaterThan(12);
    const [x, y] = screenPosition(square, shown, phone);
    expect(x).toBeLessThanOrEqual(phone.width - SUBJECT_MARGIN);
    expect(y).toBeGreaterThanOrEqual(40 + SUBJECT_MARGIN);
    // Not much further out than needed: the subject ends within 10 px of the margin.
    expect(Math.min(phone.width - SUBJECT_MARGIN - x, y - 40 - SUBJECT_MARGIN)).toBeLessThan(10);
  });

  it('frames a fit and its subject in the clear part, with the margin', () => {
    const fitted: LngLat[] = [
      [124.38, 40.12],
      [125.74, 39.0],
    ];
    const subject: LngLat[] = [[126.75, 40.25]];
    const target = {
      kind: 'fit' as const,
      bounds: boundsOf(fitted),
      padding: 10,
      maxZoom: 20,
      subject,
    };
    const shown = resolveCamera(target, phone, covered);
    for (const point of [...fitted, ...subject]) {
      const [x, y] = screenPosition(point, shown, phone);
      expect(x).toBeGreaterThanOrEqual(SUBJECT_MARGIN);
      expect(x).toBeLessThanOrEqual(phone.width - SUBJECT_MARGIN);
      expect(y).toBeGreaterThanOrEqual(40 + SUBJECT_MARGIN);
      expect(y).toBeLessThanOrEqual(464 - 104 - SUBJECT_MARGIN);
    }
    expect(shown.bearing).toBe(0);
    expect(shown.pitch).toBe(0);
  });

  it("shrinks a step's padding on a small clear area, to a quarter of it at most", () => {
    const places: LngLat[] = [
      [124.38, 40.12],
      [125.74, 39.0],
    ];
    const target = {
      kind: 'fit' as const,
      bounds: boundsOf(places),
      padding: 100,
      maxZoom: 20,
      subject: [],
    };
    const shown = resolveCamera(target, phone, covered);
    const ys = places.map((p) => screenPosition(p, shown, phone)[1]);
    // 100 px above and below would leave 120 px of 320; a quarter (80 px) leaves 160.
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(320 - 2 * 80, 0);
    // With room to spare, the step's own padding is kept.
    const desktop = { width: 1280, height: 800 };
    const roomy = resolveCamera(target, desktop, { top: 56, right: 150, bottom: 0, left: 0 });
    const roomyYs = places.map((p) => screenPosition(p, roomy, desktop)[1]);
    expect(Math.min(...roomyYs)).toBeGreaterThanOrEqual(56 + 100 - 0.01);
  });

  it('keeps the subject when a tall map cannot zoom out far enough for the whole fit', () => {
    // MapLibre's world is never shorter than the map: a 1024 px tall map stays at zoom 1 or
    // more, too close to show Shenzhen, Vancouver and Washington on 450 px of width.
    const tall = { width: 450, height: 1024 };
    expect(leastZoom(tall)).toBe(1);
    const subject: LngLat[] = [
      [-123.12, 49.28],
      [-77.04, 38.9],
    ];
    const target = {
      kind: 'fit' as const,
      bounds: boundsOf([[114.06, 22.66], ...subject]),
      padding: 20,
      maxZoom: 12,
      subject,
    };
    const shown = resolveCamera(target, tall);
    expect(shown.zoom).toBeGreaterThanOrEqual(1);
    for (const point of subject) {
      const [x] = screenPosition(point, shown, tall);
      expect(x).toBeGreaterThanOrEqual(SUBJECT_MARGIN);
      expect(x).toBeLessThanOrEqual(tall.width - SUBJECT_MARGIN);
    }
  });

  it('frames a subject across the antimeridian the short way round', () => {
    const subject: LngLat[] = [
      [-123.12, 49.28],
      [-77.04, 38.9],
      [114.06, 22.66],
    ];
    const target = {
      kind: 'fit' as const,
      bounds: boundsOf([subject[2]!]),
      padding: 20,
      maxZoom: 12,
      subject,
    };
    const size = { width: 360, height: 300 };
    const shown = resolveCamera(target, size);
    for (const point of subject) {
      const [x] = screenPosition(point, shown, size);
      expect(x).toBeGreaterThanOrEqual(SUBJECT_MARGIN);
      expect(x).toBeLessThanOrEqual(size.width - SUBJECT_MARGIN);
    }
  });
});

describe('data-camera format', () => {
  it('rounds to 4, 4, 2, 1, 1 decimals', () => {
    expect(
      formatCamera({
        center: [125.744512, 39.012149],
        zoom: 12.3456,
        bearing: -15.04,
        pitch: 35.06,
      })
    ).toBe('125.7445,39.0121,12.35,-15,35.1');
  });

  it('never writes -0', () => {
    expect(formatCamera({ center: [-0.00001, 0], zoom: 3, bearing: -0.01, pitch: 0 })).toBe(
      '0,0,3,0,0'
    );
  });

  it('parses what it formats and rejects malformed values', () => {
    expect(parseCamera('125.7445,39.0121,12.35,-15,35.1')).toEqual({
      center: [125.7445, 39.0121],
      zoom: 12.35,
      bearing: -15,
      pitch: 35.1,
    });
    expect(parseCamera('1,2,3')).toBeUndefined();
    expect(parseCamera('a,b,c,d,e')).toBeUndefined();
    expect(parseCamera(null)).toBeUndefined();
  });
});

describe('camerasMatch', () => {
  const base = { center: [125, 39] as LngLat, zoom: 10, bearing: 0, pitch: 0 };
  it('accepts a camera a pixel away and rejects one far off', () => {
    const nearby = { ...base, center: [125.000001, 39] as LngLat };
    expect(camerasMatch(nearby, base)).toBe(true);
    expect(camerasMatch({ ...base, center: [125.5, 39] }, base)).toBe(false);
    expect(camerasMatch({ ...base, zoom: 10.5 }, base)).toBe(false);
  });

  it('treats bearings 359.9 and -0.1 as the same', () => {
    expect(camerasMatch({ ...base, bearing: 359.9 }, { ...base, bearing: -0.1 })).toBe(true);
  });
});

describe('cameraForEditor', () => {
  it('undoes the phone-card shift, so a pasted snippet shows the same view', () => {
    const phone = { width: 390, height: 844 };
    const covered = { ...NO_PADDING, top: 40, bottom: 104 };
    for (const bearing of [0, -15, 90]) {
      const written = { center: [125.7445, 39.0121] as LngLat, zoom: 12, bearing, pitch: 0 };
      const shown = resolveCamera({ kind: 'view', camera: written, subject: [] }, phone, covered);
      const back = cameraForEditor(shown, covered);
      expect(back.center[0]).toBeCloseTo(written.center[0], 9);
      expect(back.center[1]).toBeCloseTo(written.center[1], 9);
    }
  });

  it('changes nothing when nothing covers the map', () => {
    const shown = { center: [1, 2] as LngLat, zoom: 3, bearing: 4, pitch: 5 };
    expect(cameraForEditor(shown, NO_PADDING)).toEqual(shown);
  });
});
