/**
 * The files the build makes of a step's image: each width readers' screens need (never wider
 * than the image), in AVIF and WebP, and in JPEG or PNG for browsers with neither. Pure: the
 * names and sizes; media-files.ts measures and encodes (Node only), the media route serves the
 * files (src/routes/media/), prerender/StepMedia.svelte writes the markup.
 */

/** The widths made, CSS pixels × density: a card is about 400 px wide, up to 2× dense. */
export const MEDIA_WIDTHS: readonly number[] = [400, 800, 1200];
const WIDEST = 1200;

/** What the build measured of an image. */
export interface MediaFacts {
  width: number;
  height: number;
  /** The format for browsers without AVIF and WebP: PNG for images with transparency. */
  fallback: 'jpeg' | 'png';
}

/** Each step image's facts, by its path in the story folder (`media/harbour.jpg`). */
export type MediaSizes = Record<string, MediaFacts>;

export type MediaFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export interface MediaVariant {
  /** The file's name under the site's media/ folder. */
  file: string;
  width: number;
  height: number;
  format: MediaFormat;
}

/** The MIME type of each format. */
export const MEDIA_TYPES: Record<MediaFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The widths made of an image `width` pixels wide: those below it, and its own if smaller. */
export function mediaWidths(width: number): number[] {
  const below = MEDIA_WIDTHS.filter((w) => w < width);
  const top = Math.min(width, WIDEST);
  return below.includes(top) ? below : [...below, top];
}

/** Every file made of `image`, in order: AVIF, WebP, then the fallback, each narrowest first. */
export function mediaVariants(image: string, facts: MediaFacts): MediaVariant[] {
  const base = image
    .replace(/^media\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const formats: MediaFormat[] = ['avif', 'webp', facts.fallback];
  return formats.flatMap((format) =>
    mediaWidths(facts.width).map((width) => ({
      file: `${base}-${width}.${format === 'jpeg' ? 'jpg' : format}`,
      width,
      height: Math.round((facts.height * width) / facts.width),
      format,
    }))
  );
}
