/**
 * The story's shape: the single definition behind both the TypeScript types and
 * story/story.schema.json (generated from `StoryDocument` by src/cli/schema.ts; a test keeps
 * it current). JSDoc here becomes the schema's descriptions, ranges, patterns, examples and
 * defaults (hence `@default`, the generator's tag, rather than TSDoc's `@defaultValue`).
 * Everything past `loadStory` trusts the `Story` type.
 */

/**
 * Degrees east of Greenwich (west is negative).
 * @minimum -180
 * @maximum 180
 */
export type Longitude = number;

/**
 * Degrees north of the equator (south is negative).
 * @minimum -90
 * @maximum 90
 */
export type Latitude = number;

/** `[longitude, latitude]` in degrees (WGS84), longitude first, as GeoJSON writes it. */
export type LngLat = [Longitude, Latitude];

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

/**
 * A name that steps use to refer to a place, route leg, source or step: lower-case letters,
 * digits and single hyphens.
 * @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$
 * @examples ["dandong", "pyongyang-station", "wapo-2019"]
 */
export type Id = string;

/**
 * Text that must not be empty.
 * @minLength 1
 * @pattern \S
 */
export type Text = string;

/**
 * A web address starting with http:// or https://.
 * @pattern ^https?://
 * @examples ["https://example.org/article"]
 */
export type HttpUrl = string;

export interface Source {
  /** The name steps use to cite this source. */
  id: Id;
  /**
   * Who published it.
   * @examples ["The Washington Post"]
   */
  outlet: Text;
  /**
   * Its headline; in [square brackets] when it describes the item instead.
   * @examples ["[Report on the Post's findings]"]
   */
  title: Text;
  /**
   * Publication date as readers should see it.
   * @examples ["22 July 2019", "July 2019"]
   */
  date: Text;
  /** Optional link to it. */
  url?: HttpUrl;
  /** How the story uses it, or how it reached us (e.g. "as reported by Reuters"). */
  note?: Text;
}

/** A fixed camera. */
export interface ViewCamera {
  /** Where the map centres: [longitude, latitude], longitude first. */
  center: LngLat;
  /**
   * MapLibre zoom level: about 3 for a region, 7 for a province, 12 for a town.
   * @minimum 0
   * @maximum 22
   * @examples [7, 12]
   */
  zoom: number;
  /**
   * Turns the map: the compass direction at the top of the screen, in degrees.
   * @minimum -180
   * @maximum 360
   * @default 0
   */
  bearing?: number;
  /**
   * Tilts the map, in degrees from straight down.
   * @minimum 0
   * @maximum 85
   * @default 0
   */
  pitch?: number;
}

/** A camera that frames a list of places, whatever the screen size. North up, no pitch. */
export interface FitCamera {
  /**
   * Ids of the places to frame.
   * @minItems 1
   * @examples [["dandong-station", "pyongyang-station"]]
   */
  fit: Id[];
  /**
   * Extra space around the places, in CSS pixels.
   * @minimum 0
   * @maximum 400
   * @default 40
   */
  padding?: number;
  /**
   * Never zoom in further than this, e.g. when the places nearly coincide.
   * @minimum 0
   * @maximum 22
   * @default 12
   */
  maxZoom?: number;
}

/** Where the map looks: a fixed view (`center` and `zoom`), or places to frame (`fit`). */
export type CameraSpec = ViewCamera | FitCamera;

/** What the map shows while a step is read, as written in story.json. */
export interface StepMapDocument {
  /** Where the map looks. */
  camera: CameraSpec;
  /** Ids of the route legs drawn in this step. */
  legs?: Id[];
  /** One of `legs`, drawn little by little as the reader scrolls through the step. */
  grow?: Id;
  /**
   * Ids of the places labelled, most important first: on small screens, labels that would
   * overlap give way in this order.
   */
  places?: Id[];
  /** Ids of places (also in `places`) drawn emphasised. */
  highlight?: Id[];
}

/** What the map shows while a step is read, with its lists filled in. */
export interface StepMap extends StepMapDocument {
  legs: Id[];
  places: Id[];
  highlight: Id[];
}

/** One step of the story, as written in story.json. */
export interface StepDocument {
  /** The step's unique name, used by links and checks. */
  id: Id;
  /**
   * Optional small line above the heading, often a date.
   * @examples ["15 December 2008"]
   */
  kicker?: Text;
  /** The card's heading. */
  title: Text;
  /**
   * The step's text, in a small Markdown subset: a blank line starts a paragraph; *emphasis*,
   * **strong**, [a link](https://…), two spaces at a line's end for a line break. No HTML.
   */
  text: Text;
  /** Ids of the sources behind the step's claims. */
  sources?: Id[];
  /** What the map shows while the step is read. */
  map: StepMapDocument;
}

export interface Step extends Omit<StepDocument, 'sources' | 'map'> {
  sources: Id[];
  map: StepMap;
  /** `text` rendered by the build (markdown.ts); never written by editors. */
  html: string;
}

/** The story's headline, standfirst, byline, date and credits. */
export interface StoryMetaDocument {
  /** The headline, also the page's title. */
  title: Text;
  /** The standfirst under the headline. */
  dek: Text;
  /** Who wrote it. */
  byline: Text;
  /**
   * The publication date, written YYYY-MM-DD.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @examples ["2026-11-23"]
   */
  published: string;
  /** Lines shown at the end: credits and licences. */
  credits?: Text[];
}

export interface StoryMeta extends StoryMetaDocument {
  credits: Text[];
}

/** Options for the map as a whole. */
export interface StoryMapOptions {
  /**
   * A newsroom's own MapLibre style: an http(s) address, or a path on the same site starting
   * with /. Without it, or if it fails to load, the built-in map is used.
   * @pattern ^(https?://|/)
   */
  style?: string;
}

/**
 * The story file, story/story.json, as an editor writes it. Places and route legs live in
 * geo/places.geojson and geo/route.geojson.
 */
export interface StoryDocument {
  /**
   * The schema this file follows, so editors such as VS Code can suggest and check fields.
   * @examples ["./story.schema.json"]
   */
  $schema?: string;
  /** Headline, standfirst, byline, date and credits. */
  meta: StoryMetaDocument;
  /** Options for the map as a whole. */
  map?: StoryMapOptions;
  /** Everything the story relies on; steps cite them by id. */
  sources: Source[];
  /**
   * The steps, in reading order.
   * @minItems 1
   */
  steps: StepDocument[];
}

/** The story as the app uses it: story.json with its places and legs, checked and filled in. */
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
