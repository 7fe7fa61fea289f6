/**
 * The map applier: takes the target `StepState` and makes the map show it, changing only what
 * differs from what is shown. A step change cancels any running camera animation first, so
 * fast or backwards scrolling always ends in exactly the last requested state.
 *
 * It talks to MapLibre through the narrow `MapLike` interface, so it is unit-tested with a fake.
 */
import type { FeatureCollection, LineString } from 'geojson';
import { lineUpTo } from '../geo/line';
import type { StepState } from '../state/step-state';
import type { LngLat, Transition } from '../story/types';
import type { BrowserLeg, BrowserStory } from '../story/browser';
import {
  camerasMatch,
  resolveCamera,
  type Camera,
  type CameraTarget,
  type Padding,
  type Size,
} from '../geo/camera';
import { ROUTE_SOURCE } from '../draw/style';

/** A camera move as the applier asks for it. */
interface View {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Properties MapLibre copies onto the events of an animation started with them. */
export interface MoveTag {
  storyMove?: number;
}

/**
 * The part of MapLibre's Map the applier uses. MapLibre's `Map` satisfies it (runtime.ts passes
 * one in, so the compiler checks it); tests pass a small fake.
 */
export interface MapLike {
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  stop(): unknown;
  jumpTo(options: View, eventData?: MoveTag): unknown;
  easeTo(options: View & { duration: number; essential: boolean }, eventData?: MoveTag): unknown;
  flyTo(
    options: View & { duration: number; curve: number; essential: boolean },
    eventData?: MoveTag
  ): unknown;
  on(type: 'moveend', listener: (event: MoveTag & { type: string }) => void): unknown;
  off(type: 'moveend', listener: (event: MoveTag & { type: string }) => void): unknown;
  getSource(id: string): object | undefined;
}

interface GeoJsonSourceLike {
  setData(data: FeatureCollection<LineString>): unknown;
}

function isGeoJsonSource(source: object | undefined): source is GeoJsonSourceLike {
  return source !== undefined && 'setData' in source && typeof source.setData === 'function';
}

export interface ControllerOptions {
  /** The map's size in CSS pixels. */
  viewport(): Size;
  /**
   * What covers the map of `size` (the reader's controls, legend, timeline), as padding from
   * its edges, CSS pixels: every camera is framed in the part left clear.
   */
  covered(size: Size): Padding;
  /** Whether to jump instead of animate (reduced motion). */
  reducedMotion(): boolean;
  /** Called on every `moveend` with the camera the map shows. */
  onCamera(camera: Camera): void;
  /** Called with a step id once its state is fully shown; `undefined` while moving to one. */
  onSettled(stepId: string | undefined): void;
}

/**
 * How long a flight takes, whatever its distance: a reader scrolling on should not wait, and
 * MapLibre turns a flight longer than its `maxDuration` into a jump, so none is left to it.
 */
const FLIGHT_MS = 2000;

export class StoryMapController {
  private legsById = new Map<string, BrowserLeg>();
  private shownLegs = '';
  private shownTarget: CameraTarget | undefined;
  private shownStepId: string | undefined;
  private moveId = 0;
  private pendingStepId: string | undefined;
  private current: StepState | undefined;

  constructor(
    private readonly map: MapLike,
    story: BrowserStory,
    private readonly options: ControllerOptions
  ) {
    this.legsById = legsOf(story);
    this.map.on('moveend', this.handleMoveEnd);
  }

  /**
   * Takes a changed story (an editor saved story.json in dev) without a new map: the next
   * `apply` redraws the route and moves the camera from where it is.
   */
  replaceStory(story: BrowserStory): void {
    this.legsById = legsOf(story);
    this.shownLegs = '';
    this.current = undefined;
    this.shownStepId = undefined;
    this.pendingStepId = undefined;
  }

  /** Shows `state`, changing only what differs from what the map shows now. */
  apply(state: StepState): void {
    this.current = state;
    this.applyLegs(state);
    this.applyCamera(state, false);
  }

  /** Re-frames the current step after the map's size changed (no animation). */
  resize(): void {
    if (this.current) this.applyCamera(this.current, true);
  }

  /** Forgets what the route layers show, e.g. after a new style replaced them. */
  resetLayers(): void {
    this.shownLegs = '';
    if (this.current) this.applyLegs(this.current);
  }

  destroy(): void {
    this.map.off('moveend', this.handleMoveEnd);
  }

  private applyLegs(state: StepState): void {
    // Progress is rounded so a scroll that moves the line by less than 0.1 % does no work.
    const drawn = state.legs.map((leg) => ({ ...leg, drawn: Math.round(leg.drawn * 1000) / 1000 }));
    const key = drawn.map((leg) => `${leg.id}:${leg.drawn}`).join('|');
    if (key === this.shownLegs) return;
    const source = this.map.getSource(ROUTE_SOURCE);
    if (!isGeoJsonSource(source)) return;
    const data: FeatureCollection<LineString> = {
      type: 'FeatureCollection',
      features: drawn.flatMap((leg) => {
        const route = this.legsById.get(leg.id);
        if (!route || leg.drawn <= 0) return [];
        return [
          {
            type: 'Feature',
            properties: { id: leg.id, certainty: leg.certainty },
            geometry: { type: 'LineString', coordinates: lineUpTo(route.coordinates, leg.drawn) },
          },
        ];
      }),
    };
    source.setData(data);
    this.shownLegs = key;
  }

  private applyCamera(state: StepState, resized: boolean): void {
    const sameStep = state.stepId === this.shownStepId || state.stepId === this.pendingStepId;
    // A step's camera target changes only with the story (`replaceStory` forgets the shown
    // step), so progress updates within the step need no comparison.
    if (!resized && sameStep && this.shownTarget) return;
    const viewport = this.options.viewport();
    const target = resolveCamera(state.camera, viewport, this.options.covered(viewport));
    // The first view jumps: the reader has seen no map yet, so there is nothing to travel from.
    const firstView = this.shownTarget === undefined;
    this.shownTarget = state.camera;
    const id = ++this.moveId;
    this.map.stop();
    if (camerasMatch(this.camera(), target)) {
      this.settle(state.stepId);
      return;
    }
    this.pendingStepId = state.stepId;
    this.shownStepId = undefined;
    this.options.onSettled(undefined);
    const tag: MoveTag = { storyMove: id };
    const transition: Transition =
      firstView || resized || this.options.reducedMotion()
        ? 'jump'
        : (state.transition ?? this.transitionTo(target));
    const view = {
      center: target.center,
      zoom: target.zoom,
      bearing: target.bearing,
      pitch: target.pitch,
    };
    // `essential`: the choice of motion is made here (the reader's toggle can ask for
    // animations the system would reduce); MapLibre would otherwise follow the system alone.
    if (transition === 'jump') this.map.jumpTo(view, tag);
    else if (transition === 'ease') {
      this.map.easeTo({ ...view, duration: 900, essential: true }, tag);
    } else {
      this.map.flyTo({ ...view, duration: FLIGHT_MS, curve: 1.5, essential: true }, tag);
    }
  }

  /** Short hops ease; long ones fly (zooming out and in again keeps the reader oriented). */
  private transitionTo(target: Camera): Transition {
    const from = this.camera();
    const zoomChange = Math.abs(from.zoom - target.zoom);
    const nearby = camerasMatch(from, target, { pixels: 600, zoom: 2, degrees: 360 });
    return nearby && zoomChange < 2 ? 'ease' : 'fly';
  }

  private camera(): Camera {
    const center = this.map.getCenter();
    return {
      center: [center.lng, center.lat],
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    };
  }

  private readonly handleMoveEnd = (event: MoveTag & { type: string }) => {
    this.options.onCamera(this.camera());
    if (event.storyMove !== undefined && event.storyMove === this.moveId && this.pendingStepId) {
      this.settle(this.pendingStepId);
    }
  };

  private settle(stepId: string): void {
    this.pendingStepId = undefined;
    this.shownStepId = stepId;
    this.options.onCamera(this.camera());
    this.options.onSettled(stepId);
  }
}

function legsOf(story: BrowserStory): Map<string, BrowserLeg> {
  return new Map(story.legs.map((leg) => [leg.id, leg]));
}
