/**
 * The pure heart of the engine: (story, active step, progress) → what the map and the overlays
 * must show. No DOM, no MapLibre. The map applier, the legend, the timeline, the presence layer
 * and the tests all read this, so they agree.
 */
import { boundsOf } from '../geo/bounds.ts';
import type { CameraTarget } from '../geo/camera.ts';
import { isFitCamera, type Certainty, type LngLat, type Transition } from '../story/types.ts';
import type { BrowserStep, BrowserStory } from '../story/browser.ts';
import { overlayState, type OverlayState } from './overlay-state.ts';

/** Padding around a `fit` when the step gives none, CSS pixels. */
export const DEFAULT_FIT_PADDING = 40;
/** Closest zoom a `fit` may choose when the step gives none. */
export const DEFAULT_FIT_MAX_ZOOM = 12;

export interface LegState {
  id: string;
  certainty: Certainty;
  /** How much of the leg is drawn, 0–1, by length. */
  drawn: number;
}

export interface PlaceState {
  id: string;
  highlighted: boolean;
}

export interface StepState {
  stepId: string;
  /** Index of the step in `story.steps`. */
  index: number;
  /** The reader's progress through the step, 0–1. */
  progress: number;
  camera: CameraTarget;
  /** Legs to draw, in the story's leg order. */
  legs: LegState[];
  /** Places to label, in the order the step lists them (most important first). */
  places: PlaceState[];
  /** What the timeline highlights and where the presence layer puts each company. */
  overlays: OverlayState;
  /** How the camera gets here, when the step says; otherwise the map chooses. */
  transition?: Transition;
}

/**
 * What each part of the page that draws a step is given: the story, what the step shows, and
 * whether the page is laid out for a phone.
 */
export interface StepView {
  story: BrowserStory;
  target: StepState;
  /** The phone layout (NARROW_MEDIA). */
  narrow: boolean;
}

/**
 * What a step is about, as points the camera must keep in the clear part of the map: its
 * highlighted places, or, when it highlights none, its places and every point of its legs
 * (a growing leg whole, so the camera does not move as it grows).
 */
export function subjectOf(story: BrowserStory, step: BrowserStep): LngLat[] {
  const at = (ids: readonly string[]): LngLat[] =>
    ids
      .map((id) => story.places.find((place) => place.id === id)?.coordinates)
      .filter((point) => point !== undefined);
  const highlighted = at(step.map.highlight);
  if (highlighted.length > 0) return highlighted;
  const shownLegs = new Set(step.map.legs);
  return [
    ...at(step.map.places),
    ...story.legs.filter((leg) => shownLegs.has(leg.id)).flatMap((leg) => leg.coordinates),
  ];
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/**
 * The full target state for a step. Any index is accepted and clamped to the story's steps, and
 * any progress to 0–1 (NaN counts as 0), so no scroll position can produce an invalid state.
 */
export function stepState(story: BrowserStory, index: number, progress: number): StepState {
  if (story.steps.length === 0) throw new Error('A story needs at least one step');
  const i = Math.min(
    story.steps.length - 1,
    Math.max(0, Math.trunc(Number.isFinite(index) ? index : 0))
  );
  const step = story.steps[i]!;
  const p = clamp01(progress);
  const { camera, grow } = step.map;
  const subject = subjectOf(story, step);

  let target: CameraTarget;
  if (isFitCamera(camera)) {
    const points = camera.fit
      .map((id) => story.places.find((place) => place.id === id)?.coordinates)
      .filter((c) => c !== undefined);
    target = {
      kind: 'fit',
      bounds: boundsOf(points),
      padding: camera.padding ?? DEFAULT_FIT_PADDING,
      maxZoom: camera.maxZoom ?? DEFAULT_FIT_MAX_ZOOM,
      subject,
    };
  } else {
    target = {
      kind: 'view',
      camera: {
        center: camera.center,
        zoom: camera.zoom,
        bearing: camera.bearing ?? 0,
        pitch: camera.pitch ?? 0,
      },
      subject,
    };
  }

  const shownLegs = new Set(step.map.legs);
  const legs: LegState[] = story.legs
    .filter((leg) => shownLegs.has(leg.id))
    .map((leg) => ({ id: leg.id, certainty: leg.certainty, drawn: leg.id === grow ? p : 1 }));

  // The step's own order: editors list the most important place first, and labels that
  // collide on a small screen give way in that order.
  const known = new Set(story.places.map((place) => place.id));
  const highlighted = new Set(step.map.highlight);
  const places: PlaceState[] = step.map.places
    .filter((id, i, ids) => known.has(id) && ids.indexOf(id) === i)
    .map((id) => ({ id, highlighted: highlighted.has(id) }));

  return {
    stepId: step.id,
    index: i,
    progress: p,
    camera: target,
    legs,
    places,
    overlays: overlayState(story, step),
    ...(step.transition && { transition: step.transition }),
  };
}
