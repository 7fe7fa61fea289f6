/**
 * What the build makes for a story from its folder (Node only; the story plugin calls it): the
 * basemap cut to where the story looks (geo/build-basemap.ts), and the files the page imports
 * from the story folder, or a stand-in when the folder lacks one, with a message for each
 * stand-in. The page imports them as `virtual:story-map/<file>` (see `DERIVED_FILES`); each
 * resolves to a file on disk, so Vite treats it as any file (`?url` gives its address).
 *
 * Written once into node_modules/.cache/storymap/, named by content: builds of different stories
 * at the same time never share a file, and an unchanged story writes nothing.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { BUDGET_GZIP_BYTES, buildBasemap, worldOutside } from '../../../geo/build-basemap.ts';
import { basemapAreas, firstViewAreas, stepsWithoutDetail } from '../../../geo/detail-areas.ts';
import { FACES, namesWithoutGlyphs } from '../../cli/cjk-font.ts';
import type { StoryFolder } from './files.ts';
import type { Story } from './types.ts';

/** The page's imports of a story's files, by the name after `virtual:story-map/`. */
export const DERIVED_FILES = [
  'basemap.json',
  'basemap-first.json',
  'world.json',
  'detail.json',
  'fonts.css',
] as const;
export type DerivedName = (typeof DERIVED_FILES)[number];

export interface Derived {
  /** Each derived file's path on disk. */
  files: Record<DerivedName, string>;
  /** What the build should tell the editor: stand-ins and heavy files, never a failure. */
  messages: string[];
  /** The areas the basemap was cut to (basemapAreas), as JSON: to tell when they change. */
  areas: string;
}

const hash = (text: string | Buffer) =>
  createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The engine's stylesheet for the story's CJK fonts (it names the files beside it). */
const FONTS_CSS = resolve(import.meta.dirname, '../map/fonts/cjk.css');
/** The coarse world layer (`npm run basemap`), cut for each story. */
const WORLD_JSON = resolve(import.meta.dirname, '../../../geo/world.json');

/** `text` written at `folder/<its hash>/name` unless there already, and its path. */
function cached(folder: string, name: string, text: string): string {
  const path = join(folder, hash(text), name);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return path;
}

/** Makes (or finds) the derived files of `story`, read from `folder`. */
export function deriveStoryFiles(root: string, folder: StoryFolder, story: Story): Derived {
  const cache = join(root, 'node_modules/.cache/storymap');
  mkdirSync(cache, { recursive: true });
  const messages: string[] = [];

  const areas = basemapAreas(story);
  const basemapJson = JSON.stringify(buildBasemap(areas));
  const gzipped = gzipSync(basemapJson, { level: 9 }).length;
  if (gzipped > BUDGET_GZIP_BYTES) {
    messages.push(
      `the basemap cut to where the story looks is ${(gzipped / 1024).toFixed(0)} KB gzipped (over ${BUDGET_GZIP_BYTES / 1024} KB, heavy for a phone's first view): a story that zooms in close over a large area should extract its detail instead (\`npm run detail\`).`
    );
  }
  const basemap = cached(cache, 'basemap.json', basemapJson);
  // What the first view shows of it, as coarse as that view allows: the map draws it until
  // the whole basemap has come, after the first view.
  const basemapFirst = cached(
    cache,
    'basemap-first.json',
    JSON.stringify(buildBasemap(firstViewAreas(story)))
  );
  // The world beyond the region: only outside the boxes the basemap covers (worldOutside).
  const worldData = JSON.parse(readFileSync(WORLD_JSON, 'utf8')) as Parameters<
    typeof worldOutside
  >[0];
  const world = cached(cache, 'world.json', JSON.stringify(worldOutside(worldData, areas.region)));

  let detail = folder.detail;
  const detailData: FeatureCollection = existsSync(detail)
    ? (JSON.parse(readFileSync(detail, 'utf8')) as FeatureCollection)
    : { type: 'FeatureCollection', features: [] };
  if (!existsSync(detail)) detail = cached(cache, 'detail.json', JSON.stringify(detailData));
  const withoutDetail = stepsWithoutDetail(story, detailData);
  if (withoutDetail.length > 0) {
    // Not a fault in the story: those close views show the general basemap meanwhile.
    messages.push(
      `steps ${withoutDetail.join(', ')} zoom in close where ${folder.name}/detail.json has no detail: the general basemap stands in there. Run \`STORY=${folder.name} npm run detail\` (needs Debian's gmt and gmt-gshhg-full) to extract it.`
    );
  }

  const names = story.places.flatMap((place) => (place.local ? [place.local] : []));
  const held = join(folder.fonts, 'characters.json');
  let fonts: string;
  if (existsSync(held) && FACES.every(({ file }) => existsSync(join(folder.fonts, file)))) {
    // The engine's stylesheet beside copies of the story's fonts, in a folder named by them.
    const css = readFileSync(FONTS_CSS, 'utf8');
    const faces = FACES.map(({ file }) => readFileSync(join(folder.fonts, file)));
    const at = join(cache, hash(Buffer.concat([Buffer.from(css), ...faces])));
    if (!existsSync(join(at, 'cjk.css'))) {
      mkdirSync(at, { recursive: true });
      FACES.forEach(({ file }) => copyFileSync(join(folder.fonts, file), join(at, file)));
      writeFileSync(join(at, 'cjk.css'), css);
    }
    fonts = join(at, 'cjk.css');
    const unheld = namesWithoutGlyphs(names, JSON.parse(readFileSync(held, 'utf8')));
    if (unheld.length > 0) {
      messages.push(
        `the map's fonts lack characters of ${unheld.join(', ')}: the reader's own fonts stand in for them. Run \`STORY=${folder.name} npm run fonts\` (needs Debian's fonts-noto-cjk and python3-fonttools) to add them.`
      );
    }
  } else {
    fonts = cached(
      cache,
      'fonts.css',
      '/* This story has no fonts of its own (npm run fonts). */\n'
    );
    const cjk = namesWithoutGlyphs(names, Object.fromEntries(FACES.map(({ lang }) => [lang, ''])));
    if (cjk.length > 0) {
      messages.push(
        `${folder.name} has no fonts for ${cjk.join(', ')}: the reader's own fonts stand in for them. Run \`STORY=${folder.name} npm run fonts\` (needs Debian's fonts-noto-cjk and python3-fonttools) to make them.`
      );
    }
  }
  return {
    files: {
      'basemap.json': basemap,
      'basemap-first.json': basemapFirst,
      'world.json': world,
      'detail.json': detail,
      'fonts.css': fonts,
    },
    messages,
    areas: JSON.stringify(areas),
  };
}
