/**
 * The story's shape after validation. Everything past `loadStory` trusts these types.
 * `story/story.json` holds the text and steps; `geo/places.geojson` and `geo/route.geojson`
 * hold the places and route legs the steps refer to by id.
 */

/** `[longitude, latitude]` in degrees (WGS84), as GeoJSON writes it. */
export type LngLat = [number, number];

/** How sure the fact base is of a place's position (facts.md marks H, M, L, UNVERIFIED). */
export type Confidence = 'high' | 'medium' | 'low' | 'unverified';

export type PlaceKind = 'city' | 'company' | 'station' | 'crossing' | 'landmark' | 'country';

export interface Place {
  id: string;
  /** English name, as shown on the map. */
  name: string;
  /** The name in local script, rendered with its `lang` so the right font is chosen. */
  local?: { text: string; lang: string };
  kind: PlaceKind;
  confidence: Confidence;
  coordinates: LngLat;
  /** Where the position comes from and how far to trust it. */
  note?: string;
}

/** `reported`: the sources describe this leg. `schematic`: only its ends are reported. */
export type Certainty = 'reported' | 'schematic';

export interface RouteLeg {
  id: string;
  name: string;
  /** How goods moved on this leg, e.g. `rail`; free text shown in notes. */
  mode: string;
  certainty: Certainty;
  /** Short label drawn beside the line, e.g. "Route not reported (schematic)". */
  label?: string;
  note?: string;
  /** Place ids the line passes through, in order. */
  stops: string[];
  coordinates: LngLat[];
}

export interface Source {
  id: string;
  /** Publisher, e.g. "The Washington Post". */
  outlet: string;
  title: string;
  /** Publication date as written for readers, e.g. "22 July 2019". */
  date: string;
  url?: string;
  /** How the story uses it, or how it reached us (e.g. "as reported by Reuters"). */
  note?: string;
}

/** A fixed camera. Angles in degrees; zoom in MapLibre zoom levels (0–22). */
export interface ViewCamera {
  center: LngLat;
  zoom: number;
  /** @defaultValue 0 */
  bearing?: number;
  /** @defaultValue 0 */
  pitch?: number;
}

/** A camera that frames a list of places, whatever the screen size. North up, no pitch. */
export interface FitCamera {
  fit: string[];
  /** Extra space around the places, in CSS pixels. @defaultValue 40 */
  padding?: number;
  /** Never zoom in further than this, e.g. when the places nearly coincide. @defaultValue 12 */
  maxZoom?: number;
}

export type CameraSpec = ViewCamera | FitCamera;

export interface StepMap {
  camera: CameraSpec;
  /** Route legs drawn in this step. */
  legs: string[];
  /** A leg (one of `legs`) drawn in proportion to the reader's progress through the step. */
  grow?: string;
  /** Places labelled in this step. */
  places: string[];
  /** Places (among `places`) drawn emphasised. */
  highlight: string[];
}

export interface Step {
  id: string;
  /** Short heading of the step card. */
  title: string;
  /** Optional date line shown above the heading, e.g. "2008". */
  kicker?: string;
  /**
   * The step's text as the editor wrote it: a small Markdown subset (paragraphs separated by a
   * blank line, *emphasis*, **strong**, [links](https://…), line breaks). No raw HTML.
   */
  text: string;
  /** `text` rendered by the build (markdown.ts); never written by editors. */
  html: string;
  /** Ids of the sources that back this step's claims. */
  sources: string[];
  map: StepMap;
}

export interface StoryMeta {
  title: string;
  dek: string;
  byline: string;
  /** ISO date the story was published, e.g. "2026-11-23". */
  published: string;
  /** Credits and licences shown at the end. */
  credits: string[];
}

export interface StoryMapOptions {
  /** A newsroom's own MapLibre style URL; the embedded basemap is used when absent or failing. */
  style?: string;
}

export interface Story {
  meta: StoryMeta;
  map: StoryMapOptions;
  sources: Source[];
  steps: Step[];
  places: Place[];
  legs: RouteLeg[];
}

export function isFitCamera(camera: CameraSpec): camera is FitCamera {
  return 'fit' in camera;
}
