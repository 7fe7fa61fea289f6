/**
 * The map applier: takes the target `StepState` and makes the map show it, changing only what
 * differs from what is shown. A step change cancels any running camera animation first, so
 * fast or backwards scrolling always ends in exactly the last requested state.
 *
 * It talks to MapLibre through the narrow `MapLike` interface, so it is unit-tested with a fake.
 */
import type { FeatureCollection, LineString } from 'geojson';
import { lineUpTo, midpoint } from '../geo/line';
import type { StepState } from '../state/step-state';
import type { LngLat, Place, RouteLeg, Story, Transition } from '../story/types';
import {
  camerasMatch,
  resolveCamera,
  type Camera,
  type CameraTarget,
  type Insets,
  type Size,
} from './camera';
import { overlappingLabels, screenLength } from './labels';
import { ROUTE_SOURCE } from './style';
import { ui } from '../strings';

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
    options: View & { speed: number; curve: number; maxDuration: number; essential: boolean },
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

/** A DOM label pinned to a map position; `remove` detaches it. */
export interface PinnedLabel {
  remove(): void;
}

export interface ControllerOptions {
  /**
   * Pins a DOM element to a position on the map (a MapLibre Marker in the app): by its centre,
   * or, for `dot`, by the centre of the 12-pixel dot at its left edge.
   */
  pin(element: HTMLElement, at: LngLat, anchor: 'center' | 'dot'): PinnedLabel;
  /** The map's size in CSS pixels. */
  viewport(): Size;
  /** What covers parts of the map (text card, legend, label room), CSS pixels. */
  insets(): Insets;
  /** Whether to jump instead of animate (reduced motion). */
  reducedMotion(): boolean;
  /** Called on every `moveend` with the camera the map shows. */
  onCamera(camera: Camera): void;
  /** Called with a step id once its state is fully shown; `undefined` while moving to one. */
  onSettled(stepId: string | undefined): void;
}

/** Flights longer than this are cut short: a reader scrolling on should not wait. */
const MAX_FLIGHT_MS = 2600;
/** A leg's label is shown only when the leg is at least this long on screen, CSS pixels. */
const MIN_LABELLED_LEG_PX = 260;

export class StoryMapController {
  private readonly placeLabels = new Map<string, HTMLElement>();
  private readonly legLabels = new Map<string, HTMLElement>();
  private readonly pins: PinnedLabel[] = [];
  private legsById = new Map<string, RouteLeg>();
  private shownLegs = '';
  /** Legs drawn in full, whose labels may show when long enough on screen. */
  private completeLegs = new Set<string>();
  private shownTarget: CameraTarget | undefined;
  private shownStepId: string | undefined;
  private moveId = 0;
  private pendingStepId: string | undefined;
  private current: StepState | undefined;

  constructor(
    private readonly map: MapLike,
    story: Story,
    private readonly options: ControllerOptions
  ) {
    this.pinStory(story);
    this.map.on('moveend', this.handleMoveEnd);
  }

  /**
   * Takes a changed story (an editor saved story.json in dev) without a new map: labels are
   * made again, and the next `apply` redraws the route and moves the camera from where it is.
   */
  replaceStory(story: Story): void {
    this.unpin();
    this.pinStory(story);
    this.shownLegs = '';
    this.completeLegs = new Set();
    this.current = undefined;
    this.shownStepId = undefined;
    this.pendingStepId = undefined;
  }

  private pinStory(story: Story): void {
    const options = this.options;
    this.legsById = new Map(story.legs.map((leg) => [leg.id, leg]));
    for (const place of story.places) {
      const element = placeLabel(place);
      this.placeLabels.set(place.id, element);
      this.pins.push(
        options.pin(element, place.coordinates, place.kind === 'country' ? 'center' : 'dot')
      );
    }
    for (const leg of story.legs) {
      if (!leg.label) continue;
      const element = document.createElement('div');
      element.className = 'leg-label';
      element.dataset.certainty = leg.certainty;
      element.dataset.legId = leg.id;
      element.textContent = leg.label;
      element.hidden = true;
      this.legLabels.set(leg.id, element);
      this.pins.push(options.pin(element, midpoint(leg.coordinates), 'center'));
    }
  }

  private unpin(): void {
    for (const pin of this.pins) pin.remove();
    this.pins.length = 0;
    this.placeLabels.clear();
    this.legLabels.clear();
  }

  /** Shows `state`, changing only what differs from what the map shows now. */
  apply(state: StepState): void {
    // Places depend on the step alone: progress updates within a step skip them.
    if (state.stepId !== this.current?.stepId) this.applyPlaces(state);
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
    this.unpin();
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
    const complete = drawn.filter((leg) => leg.drawn >= 1).map((leg) => leg.id);
    // Labels change only when a leg becomes (or stops being) whole, not with every scroll.
    if (complete.join('|') !== [...this.completeLegs].join('|')) {
      this.completeLegs = new Set(complete);
      this.placeLegLabels();
    }
  }

  /** Shows the label of each complete leg that is long enough, at the current zoom, to carry it. */
  private placeLegLabels(): void {
    const zoom = this.map.getZoom();
    for (const [id, element] of this.legLabels) {
      const leg = this.legsById.get(id);
      const long = leg !== undefined && screenLength(leg.coordinates, zoom) >= MIN_LABELLED_LEG_PX;
      setHidden(element, !(this.completeLegs.has(id) && long));
    }
  }

  /**
   * Hides labels that overlap a more important one: highlighted places first, then route
   * labels (a "not reported" label carries the story's uncertainty), then places in the order
   * the step lists them (editors put the most important first). Runs when the camera stops,
   * never during a flight, so it costs one layout read per move.
   */
  private resolveLabelCollisions(): void {
    if (!this.current) return;
    const places = this.current.places;
    const ranked: HTMLElement[] = [
      ...places.filter((p) => p.highlighted).map((p) => this.placeLabels.get(p.id)),
      ...this.legLabels.values(),
      ...places.filter((p) => !p.highlighted).map((p) => this.placeLabels.get(p.id)),
    ].filter((element): element is HTMLElement => element !== undefined && !element.hidden);
    for (const element of ranked) element.dataset.collides = 'false';
    const boxes = ranked.map((element, index) => {
      const rect = element.getBoundingClientRect();
      return {
        id: String(index),
        left: rect.left,
        top: rect.top,
        right: rect.right,
        bottom: rect.bottom,
      };
    });
    for (const index of overlappingLabels(boxes)) ranked[Number(index)]!.dataset.collides = 'true';
  }

  private applyPlaces(state: StepState): void {
    const wanted = new Map(state.places.map((p) => [p.id, p.highlighted]));
    // A new step starts with every label eligible; collisions are settled when the camera stops.
    for (const element of this.placeLabels.values()) element.dataset.collides = 'false';
    for (const element of this.legLabels.values()) element.dataset.collides = 'false';
    for (const [id, element] of this.placeLabels) {
      const highlighted = wanted.get(id);
      setHidden(element, highlighted === undefined);
      const value = highlighted ? 'true' : 'false';
      if (element.dataset.highlighted !== value) element.dataset.highlighted = value;
    }
  }

  private applyCamera(state: StepState, resized: boolean): void {
    const sameStep = state.stepId === this.shownStepId || state.stepId === this.pendingStepId;
    // A step's camera target changes only with the story (`replaceStory` forgets the shown
    // step), so progress updates within the step need no comparison.
    if (!resized && sameStep && this.shownTarget) return;
    const target = resolveCamera(state.camera, this.options.viewport(), this.options.insets());
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
      this.map.flyTo(
        { ...view, speed: 1.4, curve: 1.5, maxDuration: MAX_FLIGHT_MS, essential: true },
        tag
      );
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
    this.placeLegLabels();
    this.resolveLabelCollisions();
    if (event.storyMove !== undefined && event.storyMove === this.moveId && this.pendingStepId) {
      this.settle(this.pendingStepId);
    }
  };

  private settle(stepId: string): void {
    this.placeLegLabels();
    this.resolveLabelCollisions();
    this.pendingStepId = undefined;
    this.shownStepId = stepId;
    this.options.onCamera(this.camera());
    this.options.onSettled(stepId);
  }
}

function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/** A place's DOM label: English name, then the local name in its own language. */
function placeLabel(place: Place): HTMLElement {
  const element = document.createElement('div');
  element.className = 'place-label';
  element.dataset.placeId = place.id;
  element.dataset.kind = place.kind;
  element.dataset.confidence = place.confidence;
  element.dataset.highlighted = 'false';
  element.hidden = true;
  if (place.kind !== 'country') {
    const dot = document.createElement('span');
    dot.className = 'place-dot';
    dot.setAttribute('aria-hidden', 'true');
    element.append(dot);
  }
  const text = document.createElement('span');
  text.className = 'place-text';
  const name = document.createElement('span');
  name.className = 'place-name';
  name.textContent = place.name;
  text.append(name);
  if (place.local) {
    const local = document.createElement('span');
    local.className = 'place-local';
    local.lang = place.local.lang;
    local.textContent = place.local.text;
    text.append(local);
  }
  if (place.confidence === 'unverified' || place.confidence === 'low') {
    const approx = document.createElement('span');
    approx.className = 'place-approx';
    approx.textContent = ui.map.approximate;
    text.append(approx);
  }
  element.append(text);
  return element;
}
