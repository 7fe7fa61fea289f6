/**
 * The files of the steps' images (story/media.ts names them), prerendered to build/media/:
 * each width and format, made from the image in the story's folder by sharp at build time.
 */
import { error } from '@sveltejs/kit';
import story, { whole } from 'virtual:story';
import { MEDIA_TYPES, mediaVariants } from '$lib/story/media';
import { encodeVariant, mediaPath } from '$lib/story/media-files';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** Each variant, with the image it is made from. */
function variants() {
  if (!whole) throw new Error('the media route runs where the whole story is (the server)');
  const { folder, sizes } = whole.media;
  const images = new Set(whole.story.steps.flatMap((step) => step.media?.image ?? []));
  return [...images].flatMap((image) =>
    mediaVariants(image, sizes[image]!).map((variant) => ({
      variant,
      path: mediaPath(folder, image)!,
    }))
  );
}

export const entries: EntryGenerator = () =>
  variants().map(({ variant }) => ({ file: variant.file }));

export const GET: RequestHandler = async ({ params }) => {
  const found = variants().find(({ variant }) => variant.file === params.file);
  if (!found) error(404, `No image file "${params.file}" in ${story.meta.title}`);
  const bytes = await encodeVariant(found.path, found.variant);
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': MEDIA_TYPES[found.variant.format] },
  });
};
