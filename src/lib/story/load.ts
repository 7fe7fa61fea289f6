/**
 * The one door into the app for editor-written data: the story JSON and the two GeoJSON files
 * go in as text, a typed `Story` comes out, or a `StoryError` listing every problem with its
 * file and JSON pointer. Runs at build time (see `vite-plugin.ts`) so a broken story never
 * builds.
 */
import { TEXT_CONTRAST_AA, contrastRatio } from './contrast.ts';
import { dateProblem } from './dates.ts';
import { readLegs, readPlaces } from './features.ts';
import { located } from './located.ts';
import { StoryReader } from './parts.ts';
import { jsonLocator, withoutByteOrderMark } from './positions.ts';
import {
  FileProblems,
  formatProblems,
  isJsonObject,
  parseJson,
  type StoryProblem,
} from './read.ts';
import {
  checkLegStops,
  checkPlaceSources,
  checkReferences,
  checkUnique,
  declaredIds,
} from './references.ts';
import { shapeProblems } from './shape.ts';
import type { Story, StoryDocument } from './types.ts';
import { DEFAULT_REGION } from '../strings.ts';

export class StoryError extends Error {
  constructor(readonly problems: StoryProblem[]) {
    super(
      `The story has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`
    );
    this.name = 'StoryError';
  }
}

export interface SourceFile {
  /** Path shown in messages, relative to the project root. */
  path: string;
  text: string;
}

export interface StoryFiles {
  story: SourceFile;
  places: SourceFile;
  route: SourceFile;
}

/**
 * Adds the line and column of each problem in its file. Only runs when there are problems,
 * so a valid story pays nothing for it.
 */
export function withPositions(problems: StoryProblem[], files: StoryFiles): StoryProblem[] {
  const byPath = new Map(Object.values(files).map((file) => [file.path, file]));
  const locators = new Map<string, ReturnType<typeof jsonLocator>>();
  return problems.map((problem) => {
    if (problem.line !== undefined) return problem;
    const file = byPath.get(problem.file);
    if (!file) return problem;
    let locator = locators.get(file.path);
    if (!locator) {
      locator = jsonLocator(withoutByteOrderMark(file.text));
      locators.set(file.path, locator);
    }
    const { line, column } = locator.locate(problem.pointer);
    return { ...problem, line, column };
  });
}

/** Problems of one file in the order an editor meets them, reading it from the top. */
function inFileOrder(problems: StoryProblem[]): StoryProblem[] {
  return problems.toSorted(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}

/**
 * Reads and checks the three files. Throws a `StoryError` listing every problem found.
 */
export function loadStory(files: StoryFiles): Story {
  const problems: StoryProblem[] = [];
  const parsed = (file: SourceFile): unknown => {
    const result = parseJson(file.text, file.path);
    if (result.ok) return result.value;
    problems.push(result.problem);
    return undefined;
  };
  const storyJson = parsed(files.story);
  const placesJson = parsed(files.places);
  const routeJson = parsed(files.route);
  if (problems.length > 0) throw new StoryError(problems);

  const placeReader = new FileProblems(files.places.path);
  const places = readPlaces(placeReader, placesJson);
  checkUnique(placeReader, places);

  const routeReader = new FileProblems(files.route.path);
  const legs = readLegs(routeReader, routeJson);
  checkUnique(routeReader, legs);
  checkLegStops(routeReader, legs, places);

  const reader = new FileProblems(files.story.path);
  const shape = shapeProblems(storyJson, files.story.path);
  reader.problems.push(...shape.map(({ breaks: _breaks, ...problem }) => problem));
  const parts = new StoryReader(
    reader,
    shape.filter((problem) => problem.breaks).map((problem) => problem.pointer)
  );
  let story: Story | undefined;
  let readInOrder = reader.problems.length;
  // The schema has checked the shape: what is not broken is what StoryDocument says it is.
  const root =
    parts.isBroken('') && !isJsonObject(storyJson) ? undefined : (storyJson as StoryDocument);
  if (root) {
    const meta = parts.isBroken('/meta') ? undefined : root.meta;
    const published = isJsonObject(root.meta) ? root.meta.published : undefined;
    const publishedProblem = typeof published === 'string' && dateProblem(published, 'day');
    if (publishedProblem) reader.fail('/meta/published', publishedProblem, 'date');
    const regionCountries = parts.regionCountries(root.map?.regionCountries);
    const readList = <T, U>(
      list: readonly T[] | undefined,
      at: string,
      read: (item: T, itemAt: string) => U | undefined
    ): U[] =>
      parts.items(list, at).flatMap(({ item, at: itemAt }) => {
        const value = read(item, itemAt);
        return value === undefined ? [] : [located(value as U & object, itemAt)];
      });
    const sources = readList(root.sources, '/sources', (item, at) => parts.source(item, at));
    const steps = readList(root.steps, '/steps', (item, at) => parts.step(item, at));
    const events = readList(root.events, '/events', (item, at) => parts.event(item, at));
    const companies = readList(root.companies, '/companies', (item, at) => parts.company(item, at));
    // What each item says, in the order the file says it; then what the items say together.
    readInOrder = reader.problems.length;
    checkUnique(reader, sources);
    checkUnique(reader, events);
    checkUnique(reader, companies);
    checkUnique(reader, steps);
    checkReferences(
      reader,
      { steps, places, legs, sources, events, companies },
      { steps: root.steps, sources: root.sources, companies: root.companies }
    );
    checkPlaceSources(placeReader, places, declaredIds(root.sources, sources));
    if (meta && !publishedProblem && !parts.isBroken('/map') && !parts.isBroken('/embed')) {
      story = {
        meta: {
          title: meta.title,
          dek: meta.dek,
          ...(meta.byline && { byline: meta.byline }),
          published: meta.published,
          credits: meta.credits ?? [],
          region: meta.region ?? DEFAULT_REGION,
        },
        map: {
          ...(root.map?.style !== undefined && { style: root.map.style }),
          regionCountries,
        },
        embed: { allowedOrigins: root.embed?.allowedOrigins ?? [] },
        layout: { cards: root.layout?.cards ?? 'left' },
        sources,
        events,
        companies,
        steps,
        places,
        legs,
      };
    }
  }

  // The story file's problems first: it is the file an editor is working on.
  problems.push(
    ...inFileOrder(withPositions(reader.problems.slice(0, readInOrder), files)),
    ...reader.problems.slice(readInOrder),
    ...placeReader.problems,
    ...routeReader.problems
  );
  if (problems.length > 0 || !story) throw new StoryError(withPositions(problems, files));
  return story;
}

/** Step text longer than this (characters) no longer fits a phone card beside the map. */
export const PHONE_CARD_MAX_CHARACTERS = 700;

/**
 * Things worth an editor's attention that do not stop a build: a step citing no source, step
 * text too long for a phone card, and a company colour too pale to read its name in.
 */
export function storyWarnings(story: Story, files: StoryFiles): StoryProblem[] {
  const warnings: StoryProblem[] = [];
  story.companies.forEach((company, index) => {
    const ratio = contrastRatio(company.colour, '#ffffff');
    if (ratio < TEXT_CONTRAST_AA) {
      warnings.push({
        file: files.story.path,
        pointer: `/companies/${index}/colour`,
        message: `warning: company "${company.id}" has colour ${company.colour}, ${ratio.toFixed(1)}:1 on white; its name on the timeline needs ${TEXT_CONTRAST_AA}:1 to be readable (pick a darker colour)`,
        kind: 'warning',
      });
    }
  });
  story.steps.forEach((step, index) => {
    const at = `/steps/${index}`;
    if (step.sources.length === 0) {
      warnings.push({
        file: files.story.path,
        pointer: at,
        message: `warning: step "${step.id}" cites no source`,
        kind: 'warning',
      });
    }
    if (step.text.length > PHONE_CARD_MAX_CHARACTERS) {
      warnings.push({
        file: files.story.path,
        pointer: `${at}/text`,
        message: `warning: step "${step.id}" has ${step.text.length} characters of text; a phone card holds about ${PHONE_CARD_MAX_CHARACTERS}`,
        kind: 'warning',
      });
    }
  });
  return withPositions(warnings, files);
}
