/**
 * `npm run import -- <config.js or config.json> [--out <folder>]`: a Mapbox storytelling
 * template config (or the MapLibre port's) as a story folder. The config is read, never run
 * (import/config.ts); what maps to the story format is mapped and everything else is said, one
 * line each, with its line in the config and its chapter (import/convert.ts). Images beside
 * the config are copied into the folder's media/. The story written is valid: it is checked as
 * the build checks it before the import says it is done.
 *
 *   npm run import -- ~/maps/harbour/config.js                 # story/<the title, as a slug>
 *   npm run import -- config.js --out story/harbour-strike
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStoryFiles, storyFolder } from '../lib/story/files.ts';
import { StoryError, loadStory } from '../lib/story/load.ts';
import { measureMedia } from '../lib/story/media-files.ts';
import { formatProblems } from '../lib/story/read.ts';
import { ConfigError, readConfig } from './import/config.ts';
import { convertConfig, formatWarning, slug, type Imported } from './import/convert.ts';

export interface ImportResult {
  /** The story folder written, absolute. */
  folder: string;
  imported: Imported;
  /** Each warning, formatted (`config.js:12  chapter "x" · field  message`). */
  warnings: string[];
}

/** A slug of the title, for the folder's name. */
function folderName(title: string): string {
  return slug(title).slice(0, 48).replace(/-+$/, '') || 'imported-story';
}

/**
 * Imports `configFile` into `out` (default: story/<the title as a slug>), dated `today`.
 * Throws a ConfigError for a config it cannot read, an Error for a folder that exists.
 */
export async function importConfig(
  root: string,
  configFile: string,
  options: { out?: string; today?: string } = {}
): Promise<ImportResult> {
  const path = resolve(root, configFile);
  const shown = relative(root, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: cannot be read (${(error as Error).message})`);
  }
  const read = readConfig(text, shown);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const imported = convertConfig(read, path, today);
  const folder = resolve(root, options.out ?? join('story', folderName(imported.story.meta.title)));
  if (existsSync(folder)) {
    throw new Error(`${relative(root, folder)} exists: choose another folder with --out`);
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  mkdirSync(folder, { recursive: true });
  try {
    const schema = relative(folder, resolve(root, 'story/story.schema.json'));
    writeFileSync(join(folder, 'story.json'), json({ $schema: schema, ...imported.story }));
    writeFileSync(join(folder, 'places.geojson'), json(imported.places));
    writeFileSync(join(folder, 'route.geojson'), json(imported.route));
    for (const image of imported.images) {
      mkdirSync(dirname(join(folder, image.to)), { recursive: true });
      copyFileSync(image.from, join(folder, image.to));
    }
    // Checked as the build checks it: an import that is not a valid story is the importer's
    // fault, and leaves nothing behind.
    const files = readStoryFiles(root, storyFolder(root, folder));
    const media = await measureMedia(folder, loadStory(files), files);
    if (media.problems.length > 0) throw new StoryError(media.problems);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    folder,
    imported,
    warnings: imported.warnings.map((warning) => formatWarning(shown, warning)),
  };
}

/** `<config> [--out <folder>]`, in any order. */
export function parseImportArguments(args: readonly string[]): { config: string; out?: string } {
  let config: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') {
      out = args[++i];
      if (out === undefined) throw new Error('--out needs a folder');
    } else {
      config = args[i];
    }
  }
  if (!config)
    throw new Error('Usage: npm run import -- <config.js or config.json> [--out <folder>]');
  return { config, ...(out && { out }) };
}

async function main(): Promise<void> {
  try {
    const { config, out } = parseImportArguments(process.argv.slice(2));
    const result = await importConfig(process.cwd(), config, out ? { out } : {});
    for (const warning of result.warnings) console.warn(warning);
    const folder = relative(process.cwd(), result.folder);
    const { steps } = result.imported.story;
    console.log(`Imported ${steps.length} step${steps.length === 1 ? '' : 's'} into ${folder}/, with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} above (what the story does not have, or has differently).
Next:
  STORY=${folder} npm run dev        # the preview, which follows your edits
  STORY=${folder} npm run validate   # the checks the build makes
docs/new-story.md says what to do after an import.`);
  } catch (error) {
    console.error(
      error instanceof StoryError ? formatProblems(error.problems) : (error as Error).message
    );
    process.exitCode = error instanceof StoryError ? 2 : 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
