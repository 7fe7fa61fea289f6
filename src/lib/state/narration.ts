/**
 * What the map shows, in words: read out (politely) when a step's map has settled, and the alt
 * text of each step's static map. Made from the same `StepState` the map draws, so it never
 * describes something the map does not show; a step's own `alt` in story.json replaces it.
 *
 * The result is a list of phrases so that place names in Chinese or Korean keep their `lang`
 * (a screen reader switches voice for them); `plainText` joins them for an `alt` attribute.
 */
import { formatRange } from '../story/dates';
import { isApproximate } from '../story/hedges';
import type { BrowserLeg, BrowserPlace, BrowserStory } from '../story/browser';
import { listOf, ui } from '../strings';
import { standingText } from './overlay-state';
import { stepState, type StepState } from './step-state';

/** A run of narration, in the page's language unless `lang` says otherwise. */
export interface Phrase {
  text: string;
  lang?: string;
}

export interface NarrationOptions {
  /**
   * The live map, where a growing leg follows the reader's scroll (and is said to). Static
   * maps draw every leg whole. @defaultValue true
   */
  live?: boolean;
}

/** "Dandong (丹东)": the name, then the local name in its own language. */
function placePhrases(place: BrowserPlace): Phrase[] {
  if (!place.local) return [{ text: place.name }];
  return [
    { text: `${place.name} (` },
    { text: place.local.text, lang: place.local.lang },
    { text: ')' },
  ];
}

/** Joins phrase lists as listOf joins words: "A, B and C". */
function phraseList(items: Phrase[][]): Phrase[] {
  const out: Phrase[] = [];
  items.forEach((item, index) => {
    if (index > 0) {
      out.push({ text: index === items.length - 1 ? ` ${ui.narration.and} ` : ', ' });
    }
    out.push(...item);
  });
  return out;
}

/** Splits a template such as "The map shows {}." around a list of phrases. */
function around(template: (inner: string) => string, inner: Phrase[]): Phrase[] {
  const marker = '\u0000';
  const [before = '', after = ''] = template(marker).split(marker);
  return [{ text: before }, ...inner, { text: after }];
}

/** The narration of `state`, the state the map is told to show. */
export function narrate(
  story: BrowserStory,
  state: StepState,
  { live = true }: NarrationOptions = {}
): Phrase[] {
  const step = story.steps[state.index];
  const map = mapNarration(story, state, live);
  // Read out with the step: what its card's image shows (the static map's text never has it).
  const image = live && step?.media ? [{ text: ` ${ui.narration.image(step.media.alt)}` }] : [];
  return merge([...map, ...image]);
}

/** What the map shows in `state`, in words. */
function mapNarration(story: BrowserStory, state: StepState, live: boolean): Phrase[] {
  const step = story.steps[state.index];
  if (step?.alt) return [{ text: step.alt }];
  const placesById = new Map(story.places.map((place) => [place.id, place]));
  const shown = state.places
    .map((p) => placesById.get(p.id))
    .filter((place): place is BrowserPlace => place !== undefined);

  const sentences: Phrase[][] = [];
  sentences.push(
    shown.length > 0
      ? around(ui.narration.places, phraseList(shown.map(placePhrases)))
      : [{ text: ui.narration.region }]
  );
  const approximate = shown.filter(isApproximate);
  if (approximate.length > 0) {
    sentences.push([{ text: ui.narration.approximate(listOf(approximate.map((p) => p.name))) }]);
  }
  const legs = state.legs.flatMap((leg) => {
    const route = story.legs.find((candidate) => candidate.id === leg.id);
    return route ? [legPhrase(route)] : [];
  });
  if (legs.length > 0) sentences.push([{ text: ui.narration.route(legs.join('; ')) }]);
  const growing = step?.map.grow && story.legs.find((leg) => leg.id === step.map.grow);
  if (live && growing && state.legs.some((leg) => leg.id === growing.id && leg.drawn < 1)) {
    sentences.push([{ text: ui.narration.routeGrowing(growing.name) }]);
  }
  if (step?.when) sentences.push([{ text: ui.narration.when(formatRange(step.when)) }]);
  const companies = state.overlays.companies.flatMap((company) => {
    const known = story.companies.find((c) => c.id === company.id);
    if (!known) return [];
    const at = placesById.get(company.place)?.name;
    const standing = standingText(company, story.meta.region);
    const where = !at
      ? known.name
      : company.placeHedge
        ? ui.narration.hedgedPlace(known.name, at, company.placeHedge)
        : `${known.name}, ${at}`;
    return [`${where}: ${standing}`];
  });
  if (companies.length > 0)
    sentences.push([{ text: ui.narration.companies(companies.join('; ')) }]);

  return merge(
    sentences.flatMap((sentence, i) => (i > 0 ? [{ text: ' ' }, ...sentence] : sentence))
  );
}

/** "Dandong to Pyongyang by rail (dotted: its path is inferred, not reported)" */
function legPhrase(leg: BrowserLeg): string {
  const how = {
    reported: ui.narration.reported,
    inferred: ui.narration.inferred,
    schematic: ui.narration.schematic,
  }[leg.certainty];
  return `${leg.name} (${how})`;
}

/** Joins neighbouring phrases in the same language, and drops empty ones. */
function merge(phrases: Phrase[]): Phrase[] {
  const out: Phrase[] = [];
  for (const phrase of phrases) {
    if (phrase.text === '') continue;
    const last = out.at(-1);
    if (last && last.lang === phrase.lang) last.text += phrase.text;
    else out.push({ ...phrase });
  }
  return out;
}

/** The phrases as one string, for an `alt` attribute or an SVG title. */
export function plainText(phrases: readonly Phrase[]): string {
  return phrases.map((phrase) => phrase.text).join('');
}

/** Each step's static map in words (its alt text): the step drawn whole, as the SVG draws it. */
export function staticMapDescription(story: BrowserStory, stepIndex: number): string {
  return plainText(narrate(story, stepState(story, stepIndex, 1), { live: false }));
}

/** The overview map in words: every route leg, named, with how sure the sources are of it. */
export function overviewDescription(story: BrowserStory): string {
  const legs = story.legs.map(legPhrase);
  return `${ui.page.overview}. ${legs.length > 0 ? ui.narration.route(legs.join('; ')) : ui.narration.region}`;
}
