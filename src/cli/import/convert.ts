/**
 * A storytelling template's config (read by config.ts) as a story folder's files: what maps to
 * the story format is mapped, and everything else gets a warning that names where it is. The
 * result is always a valid story; nothing is dropped without a word.
 *
 * Mapped: title, subtitle (the dek), byline, footer (credits); each chapter's id, title,
 * description (HTML → the text subset, html.ts), location (the camera), alignment (the side the
 * cards are on), hidden, mapAnimation (the transition), image (with caption and credit, when
 * the config gives the alt text and credit a step's image needs); the template's markers
 * (`showMarkers`) as a place per chapter.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type {
  PlaceFeature,
  PlacesDocument,
  RouteDocument,
  StepDocument,
  StoryDocument,
  Transition,
} from '../../lib/story/types.ts';
import {
  isCode,
  isObject,
  type ConfigObject,
  type ConfigValue,
  type ReadConfig,
} from './config.ts';
import { htmlToMarkdown, htmlToText } from './html.ts';

/** Something of the config the story does not have, or has differently: where, and what. */
export interface ImportWarning {
  /** The config file's line, when known. */
  line?: number;
  /** The chapter's id, for chapter fields. */
  chapter?: string;
  /** The field, as the template names it. */
  field: string;
  message: string;
}

/** An image a chapter refers to: copied from `from` into the story folder as `to`. */
export interface ImportedImage {
  from: string;
  /** Relative to the story folder: media/<name>. */
  to: string;
}

export interface Imported {
  story: StoryDocument;
  places: PlacesDocument;
  route: RouteDocument;
  images: ImportedImage[];
  warnings: ImportWarning[];
}

/** How each warning reads: `config.js:42  chapter "harbour" · callback  message`. */
export function formatWarning(file: string, warning: ImportWarning): string {
  const where = warning.line === undefined ? file : `${file}:${warning.line}`;
  const what = warning.chapter ? `chapter "${warning.chapter}" · ${warning.field}` : warning.field;
  return `${where}  ${what}  ${warning.message}`;
}

const TRANSITIONS: Record<string, Transition> = { flyTo: 'fly', easeTo: 'ease', jumpTo: 'jump' };

/** Top-level fields the importer maps or knows to be of no use here, by what it says of them. */
const TOP_LEVEL_NOT_MAPPED: Record<string, string> = {
  style:
    "the template's map style is not imported (a remote style needs its server and often a token); the story uses its built-in basemap, cut to where the chapters look. A newsroom style can be set in story.json's map.style",
  accessToken:
    'not copied: the story needs no access token (and a token does not belong in a story file)',
  use3dTerrain: '3D terrain is not supported: the map stays flat',
  projection: 'the map uses Web Mercator',
  inset: 'no inset map',
  legend: 'no template legend: the story has its own key',
  theme: 'the story has one look',
  markerColor: "places are drawn in the story's own style",
  useCustomLayers: 'custom layers (sources.js) are not imported',
  auto: 'the story never scrolls by itself',
  logo: 'no logo in the header',
  mobileview: 'the story lays itself out for phones',
  spinGlobe: 'the map does not spin',
  secondsPerRotation: 'the map does not spin',
  maxSpinZoom: 'the map does not spin',
  showControls: 'the story has its own controls',
  showLegend: 'no template legend',
  showIconLegend: 'no template legend',
  showStars: 'no star field',
  toptitle: 'the title is the story title',
  topTitle: 'the title is the story title',
};
/** Top-level fields mapped, or taken as they are (no warning). */
const TOP_LEVEL_MAPPED = new Set([
  'title',
  'subtitle',
  'byline',
  'footer',
  'chapters',
  'showMarkers',
  // Links to each chapter: every step has an address of its own here.
  'bookmarks',
  'chapterReturn',
]);
/** Chapter fields mapped. */
const CHAPTER_MAPPED = new Set([
  'id',
  'title',
  'description',
  'location',
  'alignment',
  'hidden',
  'mapAnimation',
  'image',
  'caption',
  'alt',
  'imageAlt',
  'credit',
  'imageCredit',
]);
const CHAPTER_NOT_MAPPED: Record<string, string> = {
  rotateAnimation: 'the map does not rotate by itself',
  spinGlobe: 'the map does not spin',
  mapInteractive: 'the map follows the story; readers do not pan it',
  legend: 'no template legend: the story has its own key',
  website: 'not imported: put the link in the text',
  author: "not imported: the story has one byline (an image's credit is `credit`)",
};

/** A slug the story accepts as an id, or '' when nothing of `text` fits. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Converts a read config; `configFile` locates the images it names. */
export function convertConfig(read: ReadConfig, configFile: string, today: string): Imported {
  const { config, lineOf } = read;
  const warnings: ImportWarning[] = [];
  const warn = (pointer: string, field: string, message: string, chapter?: string) =>
    warnings.push({ line: lineOf(pointer), field, message, ...(chapter && { chapter }) });

  const text = (
    value: ConfigValue | undefined,
    pointer: string,
    field: string,
    chapter?: string
  ) => {
    if (value === undefined || value === null || value === '') return '';
    if (typeof value !== 'string') {
      warn(pointer, field, `is not text (${JSON.stringify(value)}): left out`, chapter);
      return '';
    }
    const converted = htmlToText(value);
    for (const lost of converted.lost) warn(pointer, field, lost, chapter);
    return converted.text;
  };

  for (const key of Object.keys(config)) {
    if (TOP_LEVEL_MAPPED.has(key)) continue;
    const value = config[key];
    const off = value === false || value === '' || value === null;
    if (key in TOP_LEVEL_NOT_MAPPED) {
      // A feature switched off asks for nothing.
      if (!off) warn(`/${key}`, key, TOP_LEVEL_NOT_MAPPED[key]!);
    } else {
      warn(`/${key}`, key, 'not a template field the importer knows: not imported');
    }
  }

  const chapters = Array.isArray(config.chapters) ? config.chapters : [];
  if (!Array.isArray(config.chapters)) {
    warn('/chapters', 'chapters', 'no chapters: the story gets one step over the world');
  }

  // The cards' side: the one most chapters take; `center` and `full` have no match here.
  const sides = chapters.map((c) => (isObject(c) ? c.alignment : undefined));
  const rights = sides.filter((s) => s === 'right').length;
  const lefts = sides.filter((s) => s === 'left').length;
  const cards: 'left' | 'right' = rights > lefts ? 'right' : 'left';

  const showMarkers = config.showMarkers !== false;
  const places: PlaceFeature[] = [];
  const images: ImportedImage[] = [];
  const ids = new Set<string>();
  const placeIds = new Set<string>();
  let camera: StepDocument['map']['camera'] = { center: [0, 20], zoom: 1 };

  const steps: StepDocument[] = chapters.flatMap((chapter, index): StepDocument[] => {
    const at = `/chapters/${index}`;
    if (!isObject(chapter)) {
      warn(at, `chapters[${index}]`, 'is not a chapter object: left out');
      return [];
    }
    // The chapter's id as the story can use it: a slug, unique.
    const given = typeof chapter.id === 'string' ? chapter.id : '';
    let id = slug(given) || `chapter-${index + 1}`;
    for (let n = 2; ids.has(id); n++) id = `${slug(given) || `chapter-${index + 1}`}-${n}`;
    ids.add(id);
    if (id !== given) {
      warn(
        `${at}/id`,
        'id',
        given
          ? `"${given}" became "${id}" (lower-case letters, digits and hyphens, unique)`
          : `none given: "${id}"`,
        id
      );
    }

    for (const key of Object.keys(chapter)) {
      if (CHAPTER_MAPPED.has(key)) continue;
      const value = chapter[key];
      if (key === 'callback') {
        if (isCode(value) || (typeof value === 'string' && value.trim())) {
          const name = typeof value === 'string' ? ` "${value}"` : '';
          warn(
            `${at}/callback`,
            'callback',
            `the callback${name} is not run: the story runs no code from its config`,
            id
          );
        }
      } else if (key === 'onChapterEnter' || key === 'onChapterExit') {
        const list = Array.isArray(value) ? value : [];
        list.forEach((change, i) => {
          const layer = isObject(change) && typeof change.layer === 'string' ? change.layer : '?';
          const opacity = isObject(change) ? change.opacity : undefined;
          warn(
            `${at}/${key}/${i}`,
            key,
            `layer "${layer}" to opacity ${JSON.stringify(opacity)}: not one of the story's layers (its map draws the story's own places and route), so not imported`,
            id
          );
        });
      } else if (key in CHAPTER_NOT_MAPPED) {
        const off = value === false || value === '' || value === null;
        if (!off) warn(`${at}/${key}`, key, CHAPTER_NOT_MAPPED[key]!, id);
      } else {
        warn(`${at}/${key}`, key, 'not a chapter field the importer knows: not imported', id);
      }
    }

    let title = text(chapter.title, `${at}/title`, 'title', id);
    if (!title) {
      title = `Chapter ${index + 1}`;
      warn(`${at}/title`, 'title', `none: the step is titled "${title}"; write one`, id);
    }
    let body = '';
    if (typeof chapter.description === 'string') {
      const converted = htmlToMarkdown(chapter.description);
      for (const lost of converted.lost) warn(`${at}/description`, 'description', lost, id);
      body = converted.text;
    }
    if (!body) {
      body = title;
      warn(
        `${at}/description`,
        'description',
        "none: the step's text repeats its title; write some",
        id
      );
    }

    camera = cameraOf(chapter.location, `${at}/location`, id, camera, warn, index === 0);
    const step: StepDocument = { id, title, text: body, map: { camera } };

    const animation = chapter.mapAnimation;
    if (typeof animation === 'string' && animation) {
      const transition = TRANSITIONS[animation];
      if (transition) step.transition = transition;
      else
        warn(
          `${at}/mapAnimation`,
          'mapAnimation',
          `"${animation}" is not flyTo, easeTo or jumpTo: the map chooses`,
          id
        );
    }
    if (chapter.hidden === true) step.hidden = true;
    const side = chapter.alignment;
    if (typeof side === 'string' && side !== cards) {
      warn(
        `${at}/alignment`,
        'alignment',
        `"${side}": the cards keep one side here (${cards}, where most chapters are), beside the map, never over it`,
        id
      );
    }

    if (showMarkers && 'center' in camera) {
      // The template's marker at the chapter's centre: a place the step shows.
      let placeId = `${id}-marker`;
      for (let n = 2; placeIds.has(placeId); n++) placeId = `${id}-marker-${n}`;
      placeIds.add(placeId);
      places.push({
        type: 'Feature',
        // Where the template put its marker; no source gives it, so it is drawn as approximate.
        properties: { id: placeId, name: title, kind: 'landmark', confidence: 'unverified' },
        geometry: { type: 'Point', coordinates: camera.center },
      });
      step.map.places = [placeId];
    }

    const image = imageOf(chapter, at, id, configFile, images, warn);
    if (image) step.media = image;
    return [step];
  });

  if (steps.length === 0) {
    steps.push({
      id: 'world',
      title: 'The story',
      text: 'This story has no chapters yet.',
      map: { camera: { center: [0, 20], zoom: 1 } },
    });
  }

  let title = text(config.title, '/title', 'title');
  if (!title) {
    title = steps[0]!.title;
    warn('/title', 'title', `none: the story is titled "${title}" (its first step's); write one`);
  }
  let dek = text(config.subtitle, '/subtitle', 'subtitle');
  if (!dek) {
    dek = title;
    warn('/subtitle', 'subtitle', 'none: the dek repeats the title; write one');
  }
  const byline = text(config.byline, '/byline', 'byline');
  const credits: string[] = [];
  if (typeof config.footer === 'string' && config.footer.trim()) {
    for (const line of config.footer.split(/<br\s*\/?>/i)) {
      const converted = htmlToText(line);
      for (const lost of converted.lost) warn('/footer', 'footer', lost);
      if (converted.text) credits.push(converted.text);
    }
    const links = [...config.footer.matchAll(/href\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
    if (links.length > 0) {
      warn(
        '/footer',
        'footer',
        `its links are kept as their text in the credits (${links.join(', ')}); cite sources in story.json's sources`
      );
    }
  }
  if (places.length > 0) {
    warn(
      '/showMarkers',
      'showMarkers',
      'each chapter\'s marker is a place in places.geojson ("<chapter id>-marker"), marked unverified (no source gives it) and so drawn as approximate: name it, cite its source and set its confidence there'
    );
  }
  warn(
    '',
    'published',
    `not in the template: set to ${today}; change it to the day the story is published`
  );
  warn(
    '',
    'sources',
    'the template has no sources: the checker warns for each step that cites none; add them in story.json'
  );

  const story: StoryDocument = {
    meta: {
      title,
      dek,
      ...(byline && { byline }),
      published: today,
      ...(credits.length > 0 && { credits }),
    },
    ...(cards === 'right' && { layout: { cards } }),
    sources: [],
    steps,
  };
  return {
    story,
    places: { type: 'FeatureCollection', features: places },
    route: { type: 'FeatureCollection', features: [] },
    images,
    warnings,
  };
}

type Warn = (pointer: string, field: string, message: string, chapter?: string) => void;

/** The chapter's camera from its `location`, or the last one's (said) when it has none. */
function cameraOf(
  location: ConfigValue | undefined,
  at: string,
  id: string,
  previous: StepDocument['map']['camera'],
  warn: Warn,
  first: boolean
): StepDocument['map']['camera'] {
  const center = isObject(location) ? location.center : undefined;
  const lngLat =
    Array.isArray(center) &&
    center.length === 2 &&
    typeof center[0] === 'number' &&
    typeof center[1] === 'number' &&
    Math.abs(center[0]) <= 180 &&
    Math.abs(center[1]) <= 90
      ? ([center[0], center[1]] as [number, number])
      : undefined;
  if (!isObject(location) || !lngLat) {
    warn(
      at,
      'location',
      first
        ? 'no centre [longitude, latitude]: the step shows the world'
        : "no centre [longitude, latitude]: the step keeps the last chapter's view",
      id
    );
    return previous;
  }
  const number = (key: string, min: number, max: number, fallback: number) => {
    const value = location[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'number') {
      warn(`${at}/${key}`, `location.${key}`, `is not a number: ${fallback} is used`, id);
      return fallback;
    }
    const kept = Math.min(max, Math.max(min, value));
    if (kept !== value)
      warn(`${at}/${key}`, `location.${key}`, `${value} is out of range: ${kept} is used`, id);
    return kept;
  };
  const zoom = number('zoom', 0, 22, 2);
  const pitch = number('pitch', 0, 85, 0);
  let bearing = number('bearing', -360, 360, 0);
  if (bearing < -180) bearing += 360;
  return {
    center: lngLat,
    zoom,
    ...(bearing !== 0 && { bearing }),
    ...(pitch !== 0 && { pitch }),
  };
}

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif']);

/**
 * The chapter's image: copied beside the story (recorded in `images`), and the step's media
 * when the config gives what a step's image needs (alt text and a credit); said otherwise.
 */
function imageOf(
  chapter: ConfigObject,
  at: string,
  id: string,
  configFile: string,
  images: ImportedImage[],
  warn: Warn
): StepDocument['media'] | undefined {
  const src = chapter.image;
  if (typeof src !== 'string' || !src.trim()) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src.trim())) {
    warn(
      `${at}/image`,
      'image',
      `${src.trim()} is not beside the config: not fetched (the story loads nothing from elsewhere); download it next to the config and import again`,
      id
    );
    return undefined;
  }
  const from = resolve(dirname(configFile), src.trim());
  if (!existsSync(from) || !statSync(from).isFile()) {
    warn(`${at}/image`, 'image', `${src.trim()} is not there beside the config: no image`, id);
    return undefined;
  }
  if (!IMAGE_TYPES.has(extname(from).toLowerCase())) {
    warn(
      `${at}/image`,
      'image',
      `${src.trim()} is not a PNG, JPEG, WebP, GIF or AVIF image: not copied`,
      id
    );
    return undefined;
  }
  const existing = images.find((image) => image.from === from);
  const name = basename(from)
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-');
  let to = existing?.to ?? `media/${name}`;
  for (let n = 2; !existing && images.some((image) => image.to === to); n++) {
    to = `media/${n}-${name}`;
  }
  if (!existing) images.push({ from, to });

  const textOf = (...keys: string[]) => {
    for (const key of keys) {
      const value = chapter[key];
      const text = typeof value === 'string' ? htmlToText(value).text : '';
      if (text) return text;
    }
    return '';
  };
  const alt = textOf('alt', 'imageAlt');
  const credit = textOf('credit', 'imageCredit');
  const caption = textOf('caption');
  if (!alt || !credit) {
    const missing = [!alt && 'alt text', !credit && 'a credit'].filter(Boolean).join(' and ');
    warn(
      `${at}/image`,
      'image',
      `copied to ${to}, not shown: a step's image needs ${missing}, which the template does not have; add "media" to the step (docs/new-story.md)`,
      id
    );
    return undefined;
  }
  return { image: to, alt, credit, ...(caption && { caption }) };
}
