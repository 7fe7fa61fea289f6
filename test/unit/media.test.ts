/** Step images: the files the build makes of each (story/media.ts), and what the page gets of them. */
import { describe, expect, it } from 'vitest';
import { browserStory } from '../../src/lib/story/browser';
import { mediaVariants, mediaWidths } from '../../src/lib/story/media';
import { narrate, plainText, staticMapDescription } from '../../src/lib/state/narration';
import { stepState } from '../../src/lib/state/step-state';
import { loadStory } from '../../src/lib/story/load';
import { readStoryFiles } from '../../src/lib/story/files';
import { ROOT } from './helpers';

const story = loadStory(
  readStoryFiles(ROOT, {
    story: 'test/fixtures/media/story.json',
    places: 'test/fixtures/media/places.geojson',
    route: 'test/fixtures/media/route.geojson',
  })
);

describe('the files of a step image', () => {
  it('are the widths below the image and its own, never wider than it or 1200', () => {
    expect(mediaWidths(1600)).toEqual([400, 800, 1200]);
    expect(mediaWidths(1200)).toEqual([400, 800, 1200]);
    expect(mediaWidths(900)).toEqual([400, 800, 900]);
    expect(mediaWidths(300)).toEqual([300]);
  });

  it('come in AVIF, WebP and JPEG (PNG with transparency), named from the image path', () => {
    const files = mediaVariants('media/Harbour at Dawn.jpg', {
      width: 1000,
      height: 500,
      fallback: 'jpeg',
    });
    expect(files.map((f) => `${f.file} ${f.width}×${f.height}`)).toEqual([
      'harbour-at-dawn-jpg-400.avif 400×200',
      'harbour-at-dawn-jpg-800.avif 800×400',
      'harbour-at-dawn-jpg-1000.avif 1000×500',
      'harbour-at-dawn-jpg-400.webp 400×200',
      'harbour-at-dawn-jpg-800.webp 800×400',
      'harbour-at-dawn-jpg-1000.webp 1000×500',
      'harbour-at-dawn-jpg-400.jpg 400×200',
      'harbour-at-dawn-jpg-800.jpg 800×400',
      'harbour-at-dawn-jpg-1000.jpg 1000×500',
    ]);
    const png = mediaVariants('media/stamp.png', { width: 300, height: 200, fallback: 'png' });
    expect(png.map((f) => f.file)).toEqual([
      'stamp-png-300.avif',
      'stamp-png-300.webp',
      'stamp-png-300.png',
    ]);
  });
});

describe("a step image in the page's script and its narration", () => {
  it('ships only the alt text, which is read out with the step but is not the map’s description', () => {
    const shipped = browserStory(story);
    expect(shipped.steps[0]!.media).toEqual({
      alt: 'A blue and gold gradient with a white disc in its middle.',
    });
    expect(shipped.steps[1]!).not.toHaveProperty('media');
    expect(shipped.steps[1]!.hidden).toBe(true);
    expect(shipped).not.toHaveProperty('layout');
    const live = plainText(narrate(shipped, stepState(shipped, 0, 1)));
    expect(live).toBe(
      "The map shows Rotterdam. The card's image: A blue and gold gradient with a white disc in its middle."
    );
    expect(staticMapDescription(shipped, 0)).toBe('The map shows Rotterdam.');
  });
});
