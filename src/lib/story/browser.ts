/**
 * The story as the built page's script receives it, and the type that says so.
 *
 * The prerendered HTML already holds each step's prose, each step's sources and static maps,
 * the list of sources, the credits and the timeline's tables (prerender/sections.ts), and
 * Svelte keeps that HTML when the page comes to life. Shipping the same text again in the
 * script would only make readers download it twice, so the built page's script gets a
 * {@link BrowserStory}: the story without those fields. The notes and sources of events and
 * presence periods, which only the timeline's tooltips show (after the map's first view), come
 * apart in {@link StoryNotes} (`virtual:story-notes`).
 *
 * Everything that runs in the browser takes a `BrowserStory`. A full {@link Story} is one too
 * (it has every field a `BrowserStory` has), which is what the server and the dev page pass.
 *
 * The built page carries it as data in its HTML ({@link storyDataHtml}, at the end of the
 * page), not in its script: the script is the engine's code alone, its size the same whatever
 * an editor writes, and the data is parsed as JSON after the story's text, not as code.
 */
import type {
  Company,
  Place,
  Presence,
  RouteLeg,
  Step,
  Story,
  StepMedia,
  StoryEvent,
  StoryMeta,
} from './types';

/**
 * A step without its prose (`text`, `html`), its sources or its image: the page's HTML holds
 * them. Of the image, only the words the narration reads out.
 */
export type BrowserStep = Omit<Step, 'text' | 'html' | 'sources' | 'media'> & {
  media?: Pick<StepMedia, 'alt'>;
};

/** A place without the note and sources of its position (only editors and the page's list read them). */
export type BrowserPlace = Omit<Place, 'note' | 'sources'>;

/** A leg of the route without its editor's note. */
export type BrowserLeg = Omit<RouteLeg, 'note'>;

/** An event without its note and sources (the tooltips take them from {@link StoryNotes}). */
export type BrowserEvent = Omit<StoryEvent, 'note' | 'sources'>;

/** A period of presence without its note and sources (likewise). */
export type BrowserPresence = Omit<Presence, 'note' | 'sources'>;

/** A company without its note; its periods as {@link BrowserPresence}. */
export interface BrowserCompany extends Omit<Company, 'note' | 'presence'> {
  presence: BrowserPresence[];
}

/** What the built page's script gets of the story. A full `Story` is one too. */
export interface BrowserStory {
  /** Without the credits: the page's HTML lists them. */
  meta: Omit<StoryMeta, 'credits'>;
  map: Story['map'];
  embed: Story['embed'];
  events: BrowserEvent[];
  companies: BrowserCompany[];
  steps: BrowserStep[];
  places: BrowserPlace[];
  legs: BrowserLeg[];
}

/**
 * The story for the built page's script: a copy holding exactly the fields of
 * {@link BrowserStory}, none of the others (a spread would carry them along).
 */
export function browserStory(story: Story): BrowserStory {
  const withoutCredits = ({ credits: _credits, ...meta }: StoryMeta) => meta;
  return {
    meta: withoutCredits(story.meta),
    map: story.map,
    embed: story.embed,
    steps: story.steps.map(({ text: _text, html: _html, sources: _sources, media, ...step }) => ({
      ...step,
      ...(media && { media: { alt: media.alt } }),
    })),
    places: story.places.map(({ note: _note, sources: _sources, ...place }) => place),
    legs: story.legs.map(({ note: _note, ...leg }) => leg),
    events: story.events.map(({ note: _note, sources: _sources, ...event }) => event),
    companies: story.companies.map(({ note: _note, presence, ...company }) => ({
      ...company,
      presence: presence.map(({ note: _periodNote, sources: _sources, ...period }) => period),
    })),
  };
}

/**
 * What `virtual:story-notes` holds: each event's note and each presence period's, and the
 * sources of each (the tooltips name them), by id.
 */
export interface StoryNotes {
  events: Record<string, string>;
  /** A company's periods' notes, in the order of its `presence` (null where none). */
  presence: Record<string, (string | null)[]>;
  eventSources: Record<string, string[]>;
  /** Each source's outlet, by id: the tooltips name sources by it. */
  sources: Record<string, string>;
  /** A company's periods' sources, in the order of its `presence`. */
  presenceSources: Record<string, string[][]>;
}

export function storyNotes(story: Story): StoryNotes {
  return {
    events: Object.fromEntries(
      story.events.flatMap((event) => (event.note ? [[event.id, event.note]] : []))
    ),
    presence: Object.fromEntries(
      story.companies.map((company) => [company.id, company.presence.map((p) => p.note ?? null)])
    ),
    eventSources: Object.fromEntries(story.events.map((event) => [event.id, event.sources])),
    sources: Object.fromEntries(story.sources.map((source) => [source.id, source.outlet])),
    presenceSources: Object.fromEntries(
      story.companies.map((company) => [company.id, company.presence.map((p) => p.sources)])
    ),
  };
}

/** The id of the element that holds the page's {@link BrowserStory}. */
export const STORY_DATA_ID = 'storymap-story';

/**
 * The page's story as an inert JSON element, for the built page's script to read
 * (`virtual:story`). Every `<` is escaped, so no text of the story can end the element.
 */
export function storyDataHtml(story: Story): string {
  const json = JSON.stringify(browserStory(story)).replaceAll('<', '\\u003c');
  return `<script type="application/json" id="${STORY_DATA_ID}">${json}</script>`;
}
