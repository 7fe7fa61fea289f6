import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/cli/validate';
import { contrastRatio } from '../../src/lib/story/contrast';
import { FIXTURE_GEO, ROOT, committedStory } from './helpers';

const run = promisify(execFile);

describe('validateFiles', () => {
  it('passes the committed story with no problems and no warnings', async () => {
    const report = await validateFiles(ROOT, { story: 'story/huawei-north-korea' });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('takes a story folder, or a story file with the places and route beside it', async () => {
    const media = await validateFiles(ROOT, { story: 'test/fixtures/media' });
    expect([media.exitCode, media.problems]).toEqual([0, []]);
    const folder = await validateFiles(ROOT, { story: 'test/fixtures/world' });
    expect([folder.exitCode, folder.story?.places.length]).toEqual([0, 4]);
    const file = await validateFiles(ROOT, { story: 'test/fixtures/engine/story.json' });
    expect([file.exitCode, file.story?.legs.length]).toEqual([0, 2]);
  });

  it('exits 1 for a story with problems, listing each with line and column', async () => {
    const report = await validateFiles(ROOT, {
      story: 'test/fixtures/story-unknown-ids.json',
      ...FIXTURE_GEO,
    });
    expect(report.exitCode).toBe(1);
    expect(report.problems.map((p) => `${p.line}:${p.column} ${p.pointer}`)).toEqual([
      '18:20 /steps/0/map/places/0',
      '29:18 /steps/1/map/legs/0',
    ]);
  });

  it('exits 2 for a file that is not JSON, and for one that cannot be read', async () => {
    const unparsable = await validateFiles(ROOT, {
      story: 'test/fixtures/story-trailing-comma.json',
      ...FIXTURE_GEO,
    });
    expect(unparsable.exitCode).toBe(2);
    const missing = await validateFiles(ROOT, { story: 'story/no-such-file.json' });
    expect(missing.exitCode).toBe(2);
    expect(missing.problems[0]?.message).toMatch(/cannot be read/);
  });

  it('warns about a step with no source, text too long for a phone card, and a pale colour', async () => {
    const report = await validateFiles(ROOT, {
      story: 'test/fixtures/story-warnings.json',
      ...FIXTURE_GEO,
    });
    expect(report.exitCode).toBe(0);
    expect(report.warnings.map((w) => `${w.pointer} ${w.message.split(';')[0]}`)).toEqual([
      '/companies/0/colour warning: company "pale" has colour #f0c040, 1.7:1 on white',
      '/steps/0 warning: step "long" cites no source',
      '/steps/0/text warning: step "long" has 900 characters of text',
    ]);
  });

  it("names a step image that is not there, not in the story's folder, not an image, or has no alt text", async () => {
    const folder = mkdtempSync(join(ROOT, '.tmp-media-'));
    try {
      cpSync(join(ROOT, 'test/fixtures/media'), folder, { recursive: true });
      writeFileSync(join(folder, 'media/notes.png'), 'not an image');
      const story = JSON.parse(readFileSync(join(folder, 'story.json'), 'utf8')) as {
        steps: { media?: Record<string, string> }[];
      };
      const check = async (media: Record<string, string>) => {
        story.steps[0]!.media = media;
        writeFileSync(join(folder, 'story.json'), JSON.stringify(story, null, 2));
        const report = await validateFiles(ROOT, { story: relative(ROOT, folder) });
        return report.problems.map((p) => `${p.line}:${p.column} ${p.pointer} ${p.message}`);
      };
      const base = { alt: 'A picture.', credit: 'Tests' };
      expect(await check({ ...base, image: 'media/gone.jpg' })).toEqual([
        expect.stringMatching(
          /^\d+:\d+ \/steps\/0\/media\/image "media\/gone\.jpg" is not in the story's folder/
        ),
      ]);
      expect(await check({ ...base, image: 'media/notes.png' })).toEqual([
        expect.stringMatching(
          /\/steps\/0\/media\/image "media\/notes\.png" cannot be read as an image$/
        ),
      ]);
      expect(await check({ ...base, image: '../media/harbour.jpg' })).toEqual([
        expect.stringMatching(
          /\/steps\/0\/media\/image "\.\.\/media\/harbour\.jpg" is not an image file in the story's folder/
        ),
      ]);
      expect(await check({ image: 'media/harbour.jpg', alt: ' ', credit: 'Tests' })).toEqual([
        expect.stringMatching(/\/steps\/0\/media\/alt /),
      ]);
      expect(await check({ image: 'media/harbour.jpg', alt: 'A picture.' })).toEqual([
        expect.stringMatching(/\/steps\/0\/media\/credit missing required field "credit"$/),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // WCAG's own example pair, grey #767676 on white: just passes AA at 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // Every company colour in the story is readable as text on white.
    for (const company of committedStory().companies) {
      expect(contrastRatio(company.colour, '#ffffff'), company.id).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('npm run validate', () => {
  const cli = (...args: string[]) =>
    run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/validate.ts', ...args],
      {
        cwd: ROOT,
      }
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error
    );

  it('prints a summary and exits 0 for the committed story', async () => {
    const result = await cli();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^story\/huawei-north-korea: valid — \d+ steps/m);
  });

  it('prints one problem per line and exits 1 for a broken story', async () => {
    const result = await cli(
      'test/fixtures/story-unknown-ids.json',
      '--places',
      FIXTURE_GEO.places,
      '--route',
      FIXTURE_GEO.route
    );
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'test/fixtures/story-unknown-ids.json:18:20  /steps/0/map/places/0  unknown place "dandongg" — did you mean "dandong"?'
    );
  });
});
