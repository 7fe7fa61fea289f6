/** `npm run new-story` (src/cli/new-story.ts): a story folder that is valid as written. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newStory, newStoryFolder } from '../../src/cli/new-story';
import { readStoryFiles, storyFolder } from '../../src/lib/story/files';
import { loadStory, storyWarnings } from '../../src/lib/story/load';
import { ROOT } from './helpers';

describe('npm run new-story', () => {
  const scratch = mkdtempSync(join(ROOT, '.tmp-new-story-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes a story folder that loads with no problem and no warning', () => {
    const folder = newStory(ROOT, join(scratch, 'first'));
    const files = readStoryFiles(ROOT, storyFolder(ROOT, folder));
    const story = loadStory(files);
    expect(storyWarnings(story, files)).toEqual([]);
    expect(story.steps.length).toBeGreaterThanOrEqual(2);
    expect(story.legs).toHaveLength(1);
    // Its schema reference leads to the engine's schema, for editors' completion.
    const { $schema } = JSON.parse(files.story.text) as { $schema: string };
    expect(resolve(dirname(join(folder, 'story.json')), $schema)).toBe(
      join(ROOT, 'story/story.schema.json')
    );
  });

  it('puts a plain name under story/, and refuses a name a URL would mangle', () => {
    expect(newStoryFolder(ROOT, 'port-strike')).toBe(join(ROOT, 'story/port-strike'));
    expect(() => newStoryFolder(ROOT, 'Port Strike')).toThrow(/not a story name/);
  });

  it('never writes over a folder that exists', () => {
    const folder = newStory(ROOT, join(scratch, 'second'));
    const before = readFileSync(join(folder, 'story.json'), 'utf8');
    expect(() => newStory(ROOT, folder)).toThrow(/exists: choose another name/);
    expect(readFileSync(join(folder, 'story.json'), 'utf8')).toBe(before);
    expect(existsSync(join(folder, 'places.geojson'))).toBe(true);
  });
});

describe('a story folder', () => {
  it('is named in the error when it is missing or holds no story', () => {
    expect(() => storyFolder(ROOT, 'story/no-such-story')).toThrow(
      /^STORY=story\/no-such-story: there is no folder .*story\/no-such-story; a story folder holds story.json/
    );
    expect(() => storyFolder(ROOT, 'geo')).toThrow(/^STORY=geo: .*geo has no story.json/);
  });

  it("is the flagship's unless STORY names another", () => {
    const saved = process.env.STORY;
    try {
      delete process.env.STORY;
      expect(storyFolder(ROOT).folder).toBe(join(ROOT, 'story/huawei-north-korea'));
      process.env.STORY = 'test/fixtures/world';
      expect(storyFolder(ROOT).story).toBe(join(ROOT, 'test/fixtures/world/story.json'));
    } finally {
      if (saved === undefined) delete process.env.STORY;
      else process.env.STORY = saved;
    }
  });
});
