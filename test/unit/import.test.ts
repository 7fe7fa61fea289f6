/**
 * `npm run import` (src/cli/import.ts): storytelling template configs read without being run,
 * their HTML as the story's text, and the story folder they become, with every warning.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importConfig, parseImportArguments } from '../../src/cli/import';
import { ConfigError, readConfig } from '../../src/cli/import/config';
import { htmlToMarkdown, htmlToText } from '../../src/cli/import/html';
import { readStoryFiles, storyFolder } from '../../src/lib/story/files';
import { loadStory, storyWarnings } from '../../src/lib/story/load';
import { renderStepText, unsafeTextIssues } from '../../src/lib/story/markdown';
import { ROOT } from './helpers';

describe('reading a config without running it', () => {
  const object =
    "{ title: 'T', chapters: [{ id: 'a', location: { center: [-9.1, 38.7], zoom: 11 } }] }";

  it.each([
    ['var config = OBJECT;', 'config.js'],
    ['const config = OBJECT;\nexport default config;', 'config.js'],
    ['export default OBJECT;', 'config.mjs'],
    ['window.config = OBJECT;', 'config.js'],
    ['module.exports = OBJECT;', 'config.cjs'],
  ])('finds the object in %s', (source, file) => {
    const { config } = readConfig(source.replace('OBJECT', object), file);
    expect(config).toEqual({
      title: 'T',
      chapters: [{ id: 'a', location: { center: [-9.1, 38.7], zoom: 11 } }],
    });
  });

  it('reads the same object as JSON, and gives each value its line', () => {
    const read = readConfig(
      '{\n  "title": "T",\n  "chapters": [\n    { "id": "a" }\n  ]\n}',
      'c.json'
    );
    expect(read.config).toEqual({ title: 'T', chapters: [{ id: 'a' }] });
    expect([read.lineOf('/title'), read.lineOf('/chapters/0/id')]).toEqual([2, 4]);
  });

  it('keeps a function as code it never runs, with its line', () => {
    const { config } = readConfig(
      'var config = {\n  callback: function () { alert(1); }\n};',
      'c.js'
    );
    expect(config.callback).toEqual({ code: 'function', line: 2 });
  });

  it.each([
    ['  zoom: 2 + 3,', 'c.js:3: /chapters/0/zoom is an expression'],
    ['  zoom: Math.max(2, 3),', 'c.js:3: /chapters/0/zoom is a function call'],
    ['  zoom: ZOOM,', 'c.js:3: /chapters/0/zoom is a name'],
    ['  zoom: `${z}`,', 'c.js:3: /chapters/0/zoom is a template with values in it'],
    ['  ...base,', 'c.js:3: /chapters/0 holds a spread (...)'],
  ])('refuses a computed value (%s), naming its line', (line, message) => {
    const source = `var config = { chapters: [{\n  id: 'a',\n${line}\n}] };`;
    expect(() => readConfig(source, 'c.js')).toThrow(ConfigError);
    expect(() => readConfig(source, 'c.js')).toThrow(message);
  });

  it('says what it looked for when there is no config object, and when the file is not JavaScript', () => {
    expect(() => readConfig('var settings = {};', 'c.js')).toThrow(/no config object found/);
    expect(() => readConfig('var config = {', 'c.js')).toThrow(/^c\.js: not valid JavaScript/);
  });
});

describe("the template's HTML as the story's text", () => {
  it('keeps paragraphs, emphasis, strong, http(s) links and line breaks', () => {
    const { text, lost } = htmlToMarkdown(
      '<p>One <b>bold</b> and <i>slanted</i>,<br>then <a href="https://example.org/a b">a link</a>.</p><p>Two.</p>'
    );
    expect(text).toBe(
      'One **bold** and *slanted*,  \nthen [a link](https://example.org/a%20b).\n\nTwo.'
    );
    expect(lost).toEqual([]);
    expect(renderStepText(text)).toBe(
      '<p>One <strong>bold</strong> and <em>slanted</em>,<br>\nthen <a href="https://example.org/a%20b" rel="noopener noreferrer">a link</a>.</p>\n<p>Two.</p>'
    );
  });

  it('drops what is unsafe or not text, and says so', () => {
    const { text, lost } = htmlToMarkdown(
      'Hi<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">there</a> <a href="./b.html">b</a>'
    );
    expect(text).toBe('Hi there b');
    expect(lost).toEqual([
      'dropped <script>',
      'dropped the onerror attribute of <img>',
      'dropped <img>',
      'dropped a link to javascript:alert(3) (only http and https links)',
      'dropped a link to ./b.html (only http and https links)',
    ]);
  });

  it('keeps markup characters and HTML written as text as the characters they are', () => {
    const { text } = htmlToMarkdown('5 * 3 = [15] &lt;b&gt; under_score');
    expect(unsafeTextIssues(text)).toEqual([]);
    expect(renderStepText(text)).toBe('<p>5 * 3 = [15] &lt;b&gt; under_score</p>');
  });

  it('makes one line of plain text of a title', () => {
    expect(htmlToText('Across the <em>Atlantic</em><br>in <b>four</b> chapters').text).toBe(
      'Across the Atlantic in four chapters'
    );
  });
});

describe('npm run import', () => {
  const scratch = mkdtempSync(join(ROOT, '.tmp-import-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const today = '2026-12-06';

  it('makes a plain config a valid story folder, cameras and image as the config gave them', async () => {
    const out = join(scratch, 'plain');
    const result = await importConfig(ROOT, 'test/fixtures/import/plain/config.js', { out, today });
    const files = readStoryFiles(ROOT, storyFolder(ROOT, out));
    const story = loadStory(files);
    expect(story.steps.map((s) => [s.id, s.map.camera, s.transition])).toEqual([
      ['rotterdam', { center: [4.4, 51.9], zoom: 10 }, 'fly'],
      ['antwerp', { center: [4.4, 51.23], zoom: 9.5 }, 'ease'],
      ['hamburg', { center: [9.97, 53.54], zoom: 8 }, 'jump'],
    ]);
    expect(story.meta).toMatchObject({
      title: 'Three harbours',
      dek: 'Where the ships of the North Sea come in',
      byline: 'By a Test Desk',
      published: today,
      credits: ['Source: the Test Atlas.'],
    });
    expect(story.steps[0]!.media).toEqual({
      image: 'media/pier.jpg',
      alt: 'A pier at low tide, drawn in blue and gold.',
      caption: 'The pier.',
      credit: 'Test Atlas',
    });
    expect(readFileSync(join(out, 'media/pier.jpg'))).toEqual(
      readFileSync(join(ROOT, 'test/fixtures/import/plain/images/pier.jpg'))
    );
    // The template's markers: a place per chapter, unverified (so drawn as approximate).
    expect(story.places.map((p) => [p.id, p.confidence, p.coordinates])).toEqual([
      ['rotterdam-marker', 'unverified', [4.4, 51.9]],
      ['antwerp-marker', 'unverified', [4.4, 51.23]],
      ['hamburg-marker', 'unverified', [9.97, 53.54]],
    ]);
    expect(result.warnings).toEqual([
      'test/fixtures/import/plain/config.js:7  theme  the story has one look',
      `test/fixtures/import/plain/config.js:6  showMarkers  each chapter's marker is a place in places.geojson ("<chapter id>-marker"), marked unverified (no source gives it) and so drawn as approximate: name it, cite its source and set its confidence there`,
      'test/fixtures/import/plain/config.js:3  published  not in the template: set to 2026-12-06; change it to the day the story is published',
      'test/fixtures/import/plain/config.js:3  sources  the template has no sources: the checker warns for each step that cites none; add them in story.json',
    ]);
    // What the checker then says: each step cites no source, as the import warned.
    expect(storyWarnings(story, files).map((w) => w.message)).toEqual(
      story.steps.map((s) => `warning: step "${s.id}" cites no source`)
    );
  });

  it('maps what it can of a config full of what the story has not, and names the rest', async () => {
    const out = join(scratch, 'rich');
    const result = await importConfig(ROOT, 'test/fixtures/import/rich/config.js', { out, today });
    const story = loadStory(readStoryFiles(ROOT, storyFolder(ROOT, out)));
    expect(story.layout).toEqual({ cards: 'right' });
    expect(story.meta.title).toBe('Across the Atlantic');
    expect(story.steps.map((s) => [s.id, s.title, s.hidden ?? false, s.map.camera])).toEqual([
      [
        'lisbon-harbour',
        'Lisbon',
        false,
        { center: [-9.14, 38.7], zoom: 11, bearing: -30, pitch: 70 },
      ],
      ['azores', 'Chapter 2', true, { center: [-27.2, 38.7], zoom: 6 }],
      ['mid-ocean', 'Mid-ocean', false, { center: [-45, 40], zoom: 3 }],
      ['new-york', 'New York', false, { center: [-74.04, 40.6], zoom: 10 }],
    ]);
    expect(story.steps[0]!.text).toBe('Leaving from the Tagus. See the notes.');
    expect(story.steps[2]!.text).toBe('Nothing but water\n\nDay 5\n\nDay 6');
    expect(story.steps.every((s) => s.media === undefined)).toBe(true);
    // The image beside the config is copied all the same, for the editor to place.
    expect(existsSync(join(out, 'media/swell.png'))).toBe(true);
    expect(story.places).toEqual([]);
    const file = 'test/fixtures/import/rich/config.js';
    const said = result.warnings.map((w) =>
      w.replace(`${file}:`, '').split('  ').slice(0, 2).join('  ')
    );
    expect(said).toEqual([
      '5  style',
      '6  accessToken',
      '8  markerColor',
      '9  inset',
      '10  theme',
      '11  use3dTerrain',
      '12  useCustomLayers',
      '20  chapter "lisbon-harbour" · id',
      '28  chapter "lisbon-harbour" · rotateAnimation',
      '29  chapter "lisbon-harbour" · callback',
      '30  chapter "lisbon-harbour" · onChapterEnter',
      '31  chapter "lisbon-harbour" · onChapterExit',
      '25  chapter "lisbon-harbour" · description',
      '25  chapter "lisbon-harbour" · description',
      '25  chapter "lisbon-harbour" · description',
      '25  chapter "lisbon-harbour" · description',
      '24  chapter "lisbon-harbour" · image',
      '42  chapter "azores" · callback',
      '37  chapter "azores" · title',
      '39  chapter "azores" · description',
      '38  chapter "azores" · image',
      '50  chapter "mid-ocean" · description',
      '50  chapter "mid-ocean" · description',
      '50  chapter "mid-ocean" · description',
      '52  chapter "mid-ocean" · mapAnimation',
      '46  chapter "mid-ocean" · alignment',
      '48  chapter "mid-ocean" · image',
      '58  chapter "new-york" · legend',
      '17  footer',
      '4  published',
      '4  sources',
    ]);
    expect(result.warnings.join('\n')).not.toContain('pk.test-token-not-real');
    expect(JSON.stringify(story)).not.toContain('pk.test-token-not-real');
  });

  it('never writes over a folder, and leaves nothing for a config it cannot read', async () => {
    const out = join(scratch, 'plain-again');
    await importConfig(ROOT, 'test/fixtures/import/plain/config.js', { out, today });
    await expect(
      importConfig(ROOT, 'test/fixtures/import/plain/config.js', { out, today })
    ).rejects.toThrow(`${relative(ROOT, out)} exists: choose another folder with --out`);
    await expect(
      importConfig(ROOT, 'test/fixtures/import/missing.js', { out: join(scratch, 'none'), today })
    ).rejects.toThrow(/^test\/fixtures\/import\/missing\.js: cannot be read/);
    expect(existsSync(join(scratch, 'none'))).toBe(false);
  });

  it('takes the config and --out in any order', () => {
    expect(parseImportArguments(['--out', 'story/x', 'config.js'])).toEqual({
      config: 'config.js',
      out: 'story/x',
    });
    expect(() => parseImportArguments([])).toThrow(/^Usage: npm run import/);
  });
});
