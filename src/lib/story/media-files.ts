/**
 * Step images on disk (Node only: the story plugin, `npm run validate`, the media route): each
 * checked and measured with sharp, and encoded into the files media.ts names. A step's image
 * must be in the story's folder and be an image sharp reads; the problems name the step's
 * `media/image` in story.json with its line, as the story checker's do.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { withPositions, type StoryFiles } from './load.ts';
import type { MediaFacts, MediaSizes, MediaVariant } from './media.ts';
import { problem, type StoryProblem } from './read.ts';
import type { Story } from './types.ts';

/** The formats sharp reports that a step's image may be in (AVIF is HEIF's `heif`). */
const READABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

/** Where `image` is on disk, if it is inside the story's `folder`. */
export function mediaPath(folder: string, image: string): string | undefined {
  const path = resolve(folder, image);
  return path.startsWith(folder + sep) ? path : undefined;
}

/**
 * Each step image of `story` (read from `files`, in `folder`) measured; or the problems: a file
 * that is not there, not in the folder, or not an image.
 */
export async function measureMedia(
  folder: string,
  story: Story,
  files: StoryFiles
): Promise<{ sizes: MediaSizes; problems: StoryProblem[] }> {
  const sizes: MediaSizes = {};
  const problems: StoryProblem[] = [];
  for (const [index, step] of story.steps.entries()) {
    const image = step.media?.image;
    if (!image || image in sizes) continue;
    const fail = (message: string, kind: 'missing' | 'type') =>
      problems.push(problem(files.story.path, `/steps/${index}/media/image`, message, kind));
    const path = mediaPath(folder, image);
    if (!path) {
      fail(`"${image}" is outside the story's folder: put the image in it`, 'missing');
      continue;
    }
    if (!existsSync(path) || !statSync(path).isFile()) {
      fail(`"${image}" is not in the story's folder (${relative(process.cwd(), path)})`, 'missing');
      continue;
    }
    try {
      const meta = await sharp(path).metadata();
      // HEIF holds AVIF (AV1) and HEIC (HEVC, which the build cannot decode).
      const avif = meta.format !== 'heif' || meta.compression === 'av1';
      if (!READABLE.has(meta.format) || !avif || !meta.width || !meta.height) {
        fail(`"${image}" is ${meta.format}, not a JPEG, PNG, WebP, GIF or AVIF image`, 'type');
        continue;
      }
      const facts: MediaFacts = {
        // As it is seen: an image turned by its EXIF orientation has its sides swapped.
        width: (meta.orientation ?? 1) >= 5 ? meta.height : meta.width,
        height: (meta.orientation ?? 1) >= 5 ? meta.width : meta.height,
        fallback: meta.hasAlpha ? 'png' : 'jpeg',
      };
      sizes[image] = facts;
    } catch {
      fail(`"${image}" cannot be read as an image`, 'type');
    }
  }
  return { sizes, problems: problems.length > 0 ? withPositions(problems, files) : [] };
}

/** The file `variant` of the image at `path`: turned upright, resized, encoded. */
export async function encodeVariant(path: string, variant: MediaVariant): Promise<Buffer> {
  const image = sharp(path).rotate().resize({ width: variant.width, withoutEnlargement: true });
  switch (variant.format) {
    case 'avif':
      // Effort 2 of 9: most of AVIF's gain at a fraction of its encoding time.
      return image.avif({ quality: 55, effort: 2 }).toBuffer();
    case 'webp':
      return image.webp({ quality: 78 }).toBuffer();
    case 'png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'jpeg':
      return image.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  }
}
