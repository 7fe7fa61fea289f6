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

/**
 * How sure the sources are of a place's position. `high`: an official source, or two or more
 * independent ones that agree. `medium`: one reputable source. `low`: derived or
 * interpolated. `unverified`: no source gives it. `high` and `medium` must cite the sources
 * they rest on; `low` and `unverified` positions are drawn, named and described as
 * approximate everywhere they appear.
 */
export type Confidence = 'high' | 'medium' | 'low' | 'unverified';

/**
 * What a place is; it sets how the map draws it. A `crossing` (a bridge) is drawn across the
 * route leg that passes it; a `country` or `river` is a name only, with no marker, placed on
 * its position (for a river, a point on the water).
 */
export type PlaceKind =
  'city' | 'company' | 'station' | 'crossing' | 'landmark' | 'country' | 'river';

/** A place's name in local script, rendered with its `lang` so the right font is chosen. */
export interface LocalName {
  /** The name as written locally, e.g. 丹东. */
  text: Text;
  /** Its language and script (BCP 47), e.g. `zh-Hans`, `ko`. */
  lang: Text;
}

/** What geo/places.geojson says of a place (a feature's `properties`). */
export interface PlaceProperties {
  /** The name steps use for it. */
  id: Id;
  /** English name, as shown on the map. */
  name: Text;
  /** The name in local script. */
  local?: LocalName;
  /** What it is; it sets how the map draws it. */
  kind: PlaceKind;
  /**
   * How sure the sources are of its position. Required for a place drawn with a marker; a
   * `country` or `river` name makes no claim of position and takes none.
   */
  confidence?: Confidence;
  /** Ids of the story's sources for its position; at least one for `high` or `medium`. */
  sources?: Id[];
  /** Where the position comes from and how far to trust it. */
  note?: Text;
}

/** A place in geo/places.geojson: a GeoJSON point. */
export interface PlaceFeature {
  /** A GeoJSON feature. */
  type: 'Feature';
  /** GeoJSON's own id for the feature; when given, the same as `properties.id`. */
  id?: Id;
  /** What the place is and how sure its position is. */
  properties: PlaceProperties;
  /** Where it is. */
  geometry: {
    /** A place is a point. */
    type: 'Point';
    /** Its position. */
    coordinates: LngLat;
  };
}

/** geo/places.geojson: every place the story's steps can show. */
export interface PlacesDocument {
  /** A GeoJSON feature collection. */
  type: 'FeatureCollection';
  /** The places. */
  features: PlaceFeature[];
}

export interface Place extends Omit<PlaceProperties, 'sources'> {
  /** Ids of the story's sources for its position (none when the file lists none). */
  sources: Id[];
  coordinates: LngLat;
}

/**
 * How much of a leg the sources give. `reported`: the leg and its path. `inferred`: the leg
 * and how goods moved on it are reported, its path is not: it is drawn along the likeliest
 * way (a railway line, say). `schematic`: only its ends are reported; a straight line joins
 * them. Only `reported` is drawn solid.
 */
export type Certainty = 'reported' | 'inferred' | 'schematic';

/** What geo/route.geojson says of a leg of the route (a feature's `properties`). */
export interface LegProperties {
  /** The name steps use for it. */
  id: Id;
  /** Its name, e.g. "Dandong to Pyongyang". */
  name: Text;
  /** How goods moved on this leg, e.g. `rail`; free text shown in notes. */
  mode: Text;
  /** How much of the leg the sources give. */
  certainty: Certainty;
  /** Short label drawn beside the line, e.g. "Route not reported (schematic)". */
  label?: Text;
  /** What the sources say of it, and what they do not. */
  note?: Text;
  /**
   * Place ids the line passes through, in order.
   * @minItems 2
   */
  stops: Id[];
}

/** A leg in geo/route.geojson: a GeoJSON line. */
export interface LegFeature {
  /** A GeoJSON feature. */
  type: 'Feature';
  /** GeoJSON's own id for the feature; when given, the same as `properties.id`. */
  id?: Id;
  /** What the leg is and how sure its path is. */
  properties: LegProperties;
  /** Its path. */
  geometry: {
    /** A leg is a line. */
    type: 'LineString';
    /**
     * The line's points, through every stop.
     * @minItems 2
     */
    coordinates: LngLat[];
  };
}

/** geo/route.geojson: the legs of the route, as far as the sources give them. */
export interface RouteDocument {
  /** A GeoJSON feature collection. */
  type: 'FeatureCollection';
  /** The legs. */
  features: LegFeature[];
}

export interface RouteLeg extends LegProperties {
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
   * Its headline or title, as published: plain text, never a [bracketed] description.
   * @examples ["Huawei suspected of decade long relations with North Korea – report"]
   */
  title: Text;
  /**
   * When it was published, as precisely as it says. Every source has a `date`, except a
   * reference work that carries none (say so in `undated`).
   * @examples [{ "date": "2019-07-22", "precision": "day" }]
   */
  date?: StoryDate;
  /** When it was last updated, if it says so. */
  updated?: StoryDate;
  /**
   * For a reference work that carries no date (an archived encyclopedia article): what it is
   * instead, shown where the date would be. Only when there is no `date`.
   * @examples ["archived copy; the revision's date was not recorded"]
   */
  undated?: Text;
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
  /** The date or period the step is about: the timeline highlights it. */
  when?: StoryDateRange;
  /**
   * What the map shows, in words, for readers who cannot see it: read out when the step
   * becomes active and used as its static map's alt text. Without it, a description is made
   * from the step's places, route and time.
   * @examples ["The rail line from Dandong across the Yalu to Pyongyang."]
   */
  alt?: Text;
  /**
   * How the camera gets to this step: `fly` (zoom out and in), `ease` (a straight glide) or
   * `jump` (at once). Without it, short moves ease and long ones fly. Readers who ask for
   * less motion always get `jump`.
   */
  transition?: Transition;
}

/** How the camera moves to a step. */
export type Transition = 'fly' | 'ease' | 'jump';

export interface Step extends Omit<StepDocument, 'sources' | 'map'> {
  sources: Id[];
  map: StepMap;
  /** `text` rendered by the build (markdown.ts); never written by editors. */
  html: string;
}

/**
 * How precise a date is: a `day`, a `month`, a `half` year (January–June or July–December), or
 * only the `year`. The timeline draws anything coarser than a day as a band, never a point.
 */
export type DatePrecision = 'day' | 'month' | 'half' | 'year';

/**
 * A date as the sources give it, written to match its precision: `2016-06-02` (day),
 * `2016-06` (month), `2016-H1` or `2016-H2` (half), `2016` (year).
 */
export interface StoryDate {
  /**
   * The date, written as its precision requires.
   * @pattern ^\d{4}(-(\d{2}(-\d{2})?|H[12]))?$
   * @examples ["2016-06-02", "2016-06", "2016-H1", "2014"]
   */
  date: string;
  /** How precise the date is; it must agree with how `date` is written. */
  precision: DatePrecision;
  /**
   * The sources give the date only roughly ("about 2008"); shown as "about".
   * @default false
   */
  about?: boolean;
}

/** A step's time: one date, or a range from `from` to `to` (both included). */
export interface StoryDateRange {
  /** The start, or the only date. */
  from: StoryDate;
  /** The end, when the step covers a range; not before `from`. */
  to?: StoryDate;
}

/**
 * `un-sanction`: a UN Security Council resolution. `us-sanction`: a US government listing,
 * designation or easing. `company`: something a company did. `legal`: an investigation,
 * arrest or indictment. `report`: a news report.
 */
export type EventKind = 'un-sanction' | 'us-sanction' | 'company' | 'legal' | 'report';

/** A dated event on the timeline, as written in story.json. */
export interface StoryEventDocument {
  /** The event's unique name. */
  id: Id;
  /** When it happened, as precisely as the sources allow. */
  date: StoryDate;
  /**
   * Short label shown on the timeline.
   * @examples ["UN resolution 2270"]
   */
  label: Text;
  /** What kind of event it is: sets its lane, shape and colour. */
  kind: EventKind;
  /**
   * Ids of the sources for it.
   * @minItems 1
   */
  sources: Id[];
  /** Id of the step that tells of it: activating its mark on the timeline goes there. */
  step?: Id;
  /**
   * Ids of the companies it concerns. A UN or US sanction that names a company marks it
   * "sanctioned" on the map from that date.
   */
  companies?: Id[];
  /** What the date means, when it needs saying (e.g. "the date it was reported"). */
  note?: Text;
}

/** A dated event, with its list of companies filled in. */
export interface StoryEvent extends StoryEventDocument {
  companies: Id[];
}

/**
 * How sure the sources are of a company's presence: `confirmed` (company statements,
 * filings), `reported` (news reports of documents or witnesses), `alleged` (an accusation,
 * e.g. an indictment), `denied` (the company says it was not there).
 */
export type PresenceStatus = 'confirmed' | 'reported' | 'alleged' | 'denied';

/** A period in which a company was (or is reported to have been) present in North Korea. */
export interface Presence {
  /** When it began. */
  from: StoryDate;
  /** When it ended; leave out when no end is reported. */
  to?: StoryDate;
  /** How sure the sources are. */
  status: PresenceStatus;
  /**
   * Ids of the sources for it.
   * @minItems 1
   */
  sources: Id[];
  /** Id of the place where it was, if reported; the map shows the company there meanwhile. */
  place?: Id;
  /** What the sources say, shown with the period (e.g. a company's denial). */
  note?: Text;
}

/** A company whose presence the story follows. */
export interface Company {
  /** The company's unique name. */
  id: Id;
  /**
   * Its name as readers see it.
   * @examples ["Panda International"]
   */
  name: Text;
  /**
   * A shorter name where room is short (the timeline on phones).
   * @examples ["Panda"]
   */
  shortName?: Text;
  /**
   * Its colour on the timeline and map, written #rrggbb. Colour is never the only cue: each
   * company is also labelled by name.
   * @pattern ^#[0-9a-fA-F]{6}$
   * @examples ["#c0392b"]
   */
  colour: string;
  /** Id of its home place (headquarters or base), where the map shows it by default. */
  place: Id;
  /**
   * The hedge on `place`, when the sources do not establish it as the company's own seat
   * (e.g. its parent group's city). Shown wherever the company is placed (its label on the
   * map, the narration, the static maps' descriptions, the companies' table), and its mark
   * on the map is drawn as uncertain.
   * @examples ["its parent group's city; its own is not established"]
   */
  placeHedge?: Text;
  /**
   * What it did in the story, in a few words, shown beside its name in the map's list of the
   * companies at a place. Hedge it as the sources do.
   * @examples ["Huawei's partner and the seller (reported)"]
   */
  role?: Text;
  /** Its periods of presence in North Korea, oldest first; empty when none is sourced. */
  presence: Presence[];
  /** What the story says of it in one line (e.g. "Linked by the report; no presence sourced"). */
  note?: Text;
}

/** The story's headline, standfirst, byline, date and credits. */
export interface StoryMetaDocument {
  /** The headline, also the page's title. */
  title: Text;
  /** The standfirst under the headline. */
  dek: Text;
  /** Who wrote it, as it should read ("By …"). Left out, no byline is shown. */
  byline?: Text;
  /**
   * The publication date, written YYYY-MM-DD.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @examples ["2026-11-23"]
   */
  published: string;
  /** Lines shown at the end: credits and licences. */
  credits?: Text[];
  /**
   * The country or region the companies' presence is followed in, as readers name it: the
   * timeline, the legend and the map's narration say a company is "in" it.
   * @default "the region"
   * @examples ["North Korea"]
   */
  region?: Text;
}

export interface StoryMeta extends StoryMetaDocument {
  credits: Text[];
  region: Text;
}

/** Options for the map as a whole. */
export interface StoryMapOptions {
  /**
   * A newsroom's own MapLibre style: an http(s) address, or a path on the same site starting
   * with /. Without it, or if it fails to load, the built-in map is used.
   * @pattern ^(https?://|/)
   */
  style?: string;
  /**
   * The countries that make up the story's region (`meta.region`), shaded on the built-in map
   * and on the static maps: ISO 3166-1 numeric codes, as the built-in basemap names them.
   * None is shaded if left out. A newsroom's own style (`style`) draws its own countries.
   * @examples [["408"]]
   */
  regionCountries?: CountryCode[];
}

/**
 * A country of the built-in basemap, by its ISO 3166-1 numeric code ("408" is North Korea).
 * @pattern ^\d{3}$
 */
export type CountryCode = string;

/** The map options as the app uses them: every field filled in. */
export interface StoryMapSettings {
  style?: string;
  regionCountries: CountryCode[];
}

/**
 * An origin that may host the story in an iframe and drive it (`https://www.example.org`, no
 * path), or `*` for any.
 * @pattern ^(\*|https?://[^/\s]+)$
 * @examples ["https://www.example-newsroom.org", "*"]
 */
export type EmbedOrigin = string;

/** How the story behaves when another site embeds it (docs/embedding.md). */
export interface StoryEmbedOptions {
  /**
   * Host pages that may pin and scroll the embedded story with our loader. Without it no host
   * may (the story still works in a plain iframe); `["*"]` allows any, by explicit choice.
   * To stop sites from framing the story at all, send a `frame-ancestors` header.
   * @default []
   */
  allowedOrigins?: EmbedOrigin[];
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
  /** How the story behaves when embedded in another site. */
  embed?: StoryEmbedOptions;
  /** Everything the story relies on; steps cite them by id. */
  sources: Source[];
  /** Dated events for the timeline. */
  events?: StoryEventDocument[];
  /** Companies whose presence the timeline and the map follow. */
  companies?: Company[];
  /**
   * The steps, in reading order.
   * @minItems 1
   */
  steps: StepDocument[];
}

/** The story as the app uses it: story.json with its places and legs, checked and filled in. */
export interface Story {
  meta: StoryMeta;
  map: StoryMapSettings;
  embed: { allowedOrigins: EmbedOrigin[] };
  sources: Source[];
  events: StoryEvent[];
  companies: Company[];
  steps: Step[];
  places: Place[];
  legs: RouteLeg[];
}

export function isFitCamera(camera: CameraSpec): camera is FitCamera {
  return 'fit' in camera;
}
