/**
 * `npm run validate [story folder or file]`: checks a story the way the build does, without
 * building.
 *
 * Prints every problem, one per line, as `file:LINE:COL  /json/pointer  message`, then
 * warnings, then a summary. Exit code 0 when valid (warnings allowed), 1 when the story has
 * problems, 2 when a file cannot be read or is not valid JSON, or the folder is no story's.
 *
 *   npm run validate                               # the story STORY names, or the flagship
 *   npm run validate -- story/my-story             # another story folder
 *   npm run validate -- story/my-story/draft.json  # a story file, with the places and route beside it
 *   npm run validate -- draft.json --places my/places.geojson --route my/route.geojson
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoryFolderError, readStoryFiles, storyFolder } from '../lib/story/files.ts';
import { StoryError, loadStory, storyWarnings } from '../lib/story/load.ts';
import { measureMedia } from '../lib/story/media-files.ts';
import { formatProblems, type StoryProblem } from '../lib/story/read.ts';
import type { Story } from '../lib/story/types.ts';

export interface ValidationReport {
  problems: StoryProblem[];
  warnings: StoryProblem[];
  /** 0 valid, 1 problems, 2 unreadable or unparsable. */
  exitCode: 0 | 1 | 2;
  story?: Story;
}

/** A story file, or a story folder; the places and route default to those beside the story. */
export interface ValidationPaths {
  story: string;
  places?: string;
  route?: string;
}

export async function validateFiles(
  root: string,
  paths: ValidationPaths
): Promise<ValidationReport> {
  try {
    const folder = isFolder(join(root, paths.story)) ? paths.story : dirname(paths.story);
    const files = readStoryFiles(root, {
      story: folder === paths.story ? join(folder, 'story.json') : paths.story,
      places: paths.places ?? join(folder, 'places.geojson'),
      route: paths.route ?? join(folder, 'route.geojson'),
    });
    const story = loadStory(files);
    // The steps' images: in the folder, and images (the build measures them the same way).
    const media = await measureMedia(resolve(root, folder), story, files);
    if (media.problems.length > 0) throw new StoryError(media.problems);
    return { problems: [], warnings: storyWarnings(story, files), exitCode: 0, story };
  } catch (error) {
    if (!(error instanceof StoryError)) throw error;
    const fatal = error.problems.some((p) => p.fatal);
    return { problems: error.problems, warnings: [], exitCode: fatal ? 2 : 1 };
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `[story] [--places file] [--route file]`, in any order; without a story, the folder `STORY`
 * names (or the flagship's), which must be a story folder.
 */
export function parseArguments(root: string, args: readonly string[]): ValidationPaths {
  const paths: Partial<ValidationPaths> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--places' || arg === '--route') {
      const value = args[++i];
      if (value === undefined) throw new Error(`${arg} needs a file`);
      paths[arg === '--places' ? 'places' : 'route'] = value;
    } else {
      paths.story = arg;
    }
  }
  return { ...paths, story: paths.story ?? storyFolder(root).name };
}

async function main(): Promise<void> {
  const root = process.cwd();
  let paths: ValidationPaths;
  try {
    paths = parseArguments(root, process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof StoryFolderError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  const storyPath = paths.story;
  const started = performance.now();
  const report = await validateFiles(root, paths);
  const elapsed = performance.now() - started;
  if (report.problems.length > 0) console.error(formatProblems(report.problems));
  if (report.warnings.length > 0) console.warn(formatProblems(report.warnings));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const time = `checked in ${elapsed.toFixed(0)} ms`;
  if (report.story) {
    const { steps, places, legs, sources, events, companies } = report.story;
    const warned =
      report.warnings.length > 0 ? `, ${plural(report.warnings.length, 'warning')}` : '';
    console.log(
      `${storyPath}: valid — ${plural(steps.length, 'step')}, ${plural(places.length, 'place')}, ${plural(legs.length, 'route leg')}, ${plural(sources.length, 'source')}, ${plural(events.length, 'event')}, ${plural(companies.length, 'company').replace('companys', 'companies')}${warned} (${time})`
    );
  } else {
    const what =
      report.exitCode === 2
        ? 'could not be read as JSON; fix that first, then run again'
        : `has ${plural(report.problems.length, 'problem')}`;
    console.error(`${storyPath}: ${what} (${time})`);
  }
  process.exitCode = report.exitCode;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
